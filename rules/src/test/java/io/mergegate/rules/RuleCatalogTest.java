package io.mergegate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules are read one file at a time by id; listings read them all, each once. */
class RuleCatalogTest {

    @TempDir
    Path tmp;

    private static final String RULE = """
            ---
            id: demo/first-rule
            severity: warning
            summary: "A demo rule."
            message: "`{thing}` is wrong."
            ---
            ## Why
            Because.
            """;

    @Test
    void findsARuleByIdAndNothingForUnknownOrMalformedIds() {
        RuleCatalog catalog = RuleCatalog.load(RuleCatalog.class.getClassLoader());
        RuleDescriptor rule = catalog.find("branch/invalid-name").orElseThrow();
        assertThat(rule.defaultSeverity()).isEqualTo(Severity.ERROR);
        assertThat(catalog.body("branch/invalid-name")).contains("## How to fix");
        assertThat(catalog.find("branch/no-such-rule")).isEmpty();
        assertThat(catalog.find("branch/../../pom")).isEmpty();
        assertThat(catalog.find("no-slash")).isEmpty();
        assertThat(catalog.all()).contains(rule);
    }

    @Test
    void listingReadsEveryRuleFileOnce() throws IOException {
        Path dir = Path.of(System.getProperty("mergegate.root", ".."), "rules/src/main/resources/mergegate-rules");
        RuleCatalog catalog = RuleCatalog.loadDirectory(dir);
        catalog.find("openapi/response-required-property-removed").orElseThrow();
        long files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".md")).count();
        }
        assertThat(catalog.all()).hasSize((int) files);
        assertThat(catalog.family("branch")).extracting(RuleDescriptor::id).contains("branch/invalid-name")
                .allMatch(id -> id.startsWith("branch/"));
    }

    @Test
    void aBrokenRuleFileNamesItselfWhenItIsRead() throws IOException {
        Files.createDirectories(tmp.resolve("demo"));
        Files.writeString(tmp.resolve("demo/first-rule.md"), RULE);
        Files.writeString(tmp.resolve("demo/broken-rule.md"), "no front matter\n");
        RuleCatalog catalog = RuleCatalog.loadDirectory(tmp);
        assertThat(catalog.find("demo/first-rule")).get().extracting(RuleDescriptor::defaultSeverity)
                .isEqualTo(Severity.WARNING);
        assertThatThrownBy(() -> catalog.find("demo/broken-rule")).hasMessageContaining("demo/broken-rule.md");
    }
}
