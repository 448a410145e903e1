package io.mergegate.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mergegate.core.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static GateConfig parse(String yaml) {
        return ConfigLoader.parse(".mergegate.yml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void typoInNestedKeyNamesLineKeyAndSuggestion() {
        assertThatThrownBy(() -> parse("version: 1\nbranch:\n  types: [feature]\n  pattren: \"{type}/{slug}\"\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".mergegate.yml:4: unknown key 'pattren' at 'branch'; did you mean 'pattern'?");
    }

    @Test
    void typoAtTopLevel() {
        assertThatThrownBy(() -> parse("fail-on: error\nexlude:\n  - x\n"))
                .hasMessage(".mergegate.yml:2: unknown key 'exlude' at top level; did you mean 'exclude'?");
    }

    @Test
    void wrongTypeNamesTheKeyAndLine() {
        assertThatThrownBy(() -> parse("branch:\n  max-length: long\n"))
                .hasMessageStartingWith(".mergegate.yml:2: 'branch.max-length': ")
                .hasMessageContaining("expected type: Integer");
    }

    @Test
    void invalidEnumValue() {
        assertThatThrownBy(() -> parse("codeowners:\n  platform: bitbucket\n"))
                .hasMessageStartingWith(".mergegate.yml:2: 'codeowners.platform': ");
    }

    @Test
    void malformedYamlGivesLine() {
        assertThatThrownBy(() -> parse("branch:\n  types: [feature\n  teams: []\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching("\\.mergegate\\.yml:\\d+: invalid YAML: .*");
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThatThrownBy(() -> parse("fail-on: error\nfail-on: warning\n"))
                .hasMessage(".mergegate.yml:2: duplicate key 'fail-on'");
    }

    @Test
    void emptyBinaryAndNonUtf8AreClearErrors() {
        assertThatThrownBy(() -> parse("# only a comment\n")).hasMessageContaining("config file is empty");
        assertThatThrownBy(() -> ConfigLoader.parse("c.yml", new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 1}))
                .hasMessage("c.yml: config file is binary, expected YAML text");
        assertThatThrownBy(() -> ConfigLoader.parse("c.yml", new byte[] {'a', ':', ' ', (byte) 0xC3, '(', '\n'}))
                .hasMessage("c.yml: config file is not valid UTF-8 (first bad byte at offset 3)");
    }

    @Test
    void notAMap() {
        assertThatThrownBy(() -> parse("- a\n- b\n")).hasMessage(".mergegate.yml:1: the config must be a map of settings, not a list");
    }

    @Test
    void yamlBombIsRefused() {
        String bomb = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
        assertThatThrownBy(() -> parse(bomb)).isInstanceOf(ConfigException.class);
    }

    @Test
    void defaultsAndValues() {
        GateConfig d = GateConfig.defaults();
        assertThat(d.failOn()).containsExactly(Severity.ERROR);
        assertThat(d.isEnabled("openapi")).isTrue();
        GateConfig c = parse("fail-on: warning\nchecks: {}\n".replace("checks: {}\n", "checkers: {secrets: false}\n")
                + "rules:\n  avro/*: off\n  branch/invalid-name: warning\nexclude: ['**/gen/**']\nopenapi:\n  enabled: false\n");
        assertThat(c.failOn()).containsExactlyInAnyOrder(Severity.ERROR, Severity.WARNING);
        assertThat(c.isEnabled("secrets")).isFalse();
        assertThat(c.isEnabled("openapi")).isFalse();
        assertThat(c.isEnabled("branch")).isTrue();
        assertThat(c.ruleOverrides().get("avro/*")).isEmpty();
        assertThat(c.ruleOverrides().get("branch/invalid-name")).contains(Severity.WARNING);
        assertThat(c.excludes()).extracting(Object::toString).containsExactly("**/gen/**");
    }

    @Test
    void badSeverityOfARuleWithSlashInItsId() {
        assertThatThrownBy(() -> parse("fail-on: error\nrules:\n  openapi/x-y: 3\n"))
                .hasMessage(".mergegate.yml:3: 'rules.openapi/x-y': 3 is not a valid enum value");
    }

    @Test
    void acceptedConfigsAreRememberedAndRejectedOnesNever(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("XDG_CACHE_HOME") == null
                && !"0".equals(System.getenv("MERGEGATE_CONFIG_CACHE")));
        String before = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            java.nio.file.Path cache = home.resolve(".cache/mergegate/valid-configs");
            GateConfig first = parse("fail-on: warning\n");
            assertThat(java.nio.file.Files.list(cache).count()).isEqualTo(1);
            GateConfig second = parse("fail-on: warning\n");
            assertThat(second.raw()).isEqualTo(first.raw());
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> parse("fail-on: sometimes\n")).isInstanceOf(ConfigException.class);
            }
            assertThat(java.nio.file.Files.list(cache).count()).isEqualTo(1);
        } finally {
            System.setProperty("user.home", before);
        }
    }

    @Test
    void failOnLevelsMeanTheNamedSeverityAndWorse() {
        assertThat(GateConfig.blockingSeverities("warning")).contains(java.util.EnumSet.of(Severity.ERROR, Severity.WARNING));
        assertThat(GateConfig.blockingSeverities("note")).contains(java.util.EnumSet.allOf(Severity.class));
        assertThat(GateConfig.blockingSeverities("none")).contains(java.util.EnumSet.noneOf(Severity.class));
        assertThat(GateConfig.blockingSeverities("sometimes")).isEmpty();
        assertThat(parse("fail-on: none\n").failOn()).isEmpty();
    }

    @Test
    void everyCheckerSectionTakesFailOn() {
        GateConfig c = parse("fail-on: error\nopenapi:\n  fail-on: warning\navro:\n  fail-on: [error, note]\n"
                + "dor:\n  fail-on: none\n");
        assertThat(c.checkerFailOn(java.util.List.of("openapi", "avro", "dor", "branch")))
                .containsEntry("openapi", java.util.EnumSet.of(Severity.ERROR, Severity.WARNING))
                .containsEntry("avro", java.util.EnumSet.of(Severity.ERROR, Severity.NOTE))
                .containsEntry("dor", java.util.EnumSet.noneOf(Severity.class))
                .doesNotContainKey("branch");
        assertThatThrownBy(() -> parse("openapi:\n  fail-on: sometimes\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".mergegate.yml:2:");
    }

    @Test
    void suggestionNeedsACloseKey() {
        assertThat(ConfigLoader.suggest("", "brnch")).contains("branch");
        assertThat(ConfigLoader.suggest("", "completely-different")).isEmpty();
    }
}
