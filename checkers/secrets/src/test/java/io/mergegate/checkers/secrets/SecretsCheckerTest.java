package io.mergegate.checkers.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.History;
import io.mergegate.core.spi.Mode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsCheckerTest {

    private static final String TOKEN_LINE = "token: {{fake:github-classic#unit}}\n";

    private static String token() {
        return FakeSecrets.value("github-classic", "unit");
    }

    @Test
    void fingerprint_survives_renames_and_moves_and_changes_with_the_secret() {
        Finding a = single(TestTrees.tree(Map.of("a/config.yml", TOKEN_LINE)));
        Finding moved = single(TestTrees.tree(Map.of("b/renamed.yml", "# header\n\n" + TOKEN_LINE)));
        Finding other = single(TestTrees.tree(Map.of("a/config.yml", "token: {{fake:github-classic#other}}\n")));
        assertThat(moved.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(moved.location().line()).isEqualTo(3);
        assertThat(other.fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void message_shows_prefix_and_length_never_the_value() {
        Finding f = single(TestTrees.tree(Map.of("a.yml", TOKEN_LINE)));
        assertThat(f.message()).doesNotContain(token()).contains("`ghp_\u2026`").contains("40 characters");
        assertThat(f.properties().values()).noneMatch(v -> v.contains(token().substring(4)));
    }

    @Test
    void short_values_show_a_shorter_prefix() {
        assertThat(Redaction.prefix("abcdefgh")).isEqualTo("ab");
        assertThat(Redaction.prefix("abc")).isEmpty();
        assertThat(Redaction.prefix("a".repeat(40))).hasSize(4);
    }

    @Test
    void pull_request_mode_scans_every_commit_so_a_removed_secret_is_still_reported() {
        SourceTree base = TestTrees.tree("base", Map.of("app.yml", "name: app\n"));
        SourceTree c1 = TestTrees.tree("c1", Map.of("app.yml", "name: app\n" + TOKEN_LINE));
        SourceTree head = TestTrees.tree("head", Map.of("app.yml", "name: app\n"));
        History history = TestTrees.commits(List.of(
                new History.Commit("1111111111111111111111111111111111111111", base, c1, ChangeSet.between(base, c1)),
                new History.Commit("2222222222222222222222222222222222222222", c1, head, ChangeSet.between(c1, head))));
        List<Finding> findings = TestTrees.run(Mode.PULL_REQUEST, base, head, history, Map.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("secrets/github-token");
            assertThat(f.properties()).containsEntry("commit", "1111111111111111111111111111111111111111");
            assertThat(f.message()).contains("added in commit 111111111111");
        });
    }

    @Test
    void a_secret_at_head_and_in_its_commit_is_reported_once_at_head() {
        SourceTree base = TestTrees.tree("base", Map.of("app.yml", "name: app\n"));
        SourceTree head = TestTrees.tree("head", Map.of("app.yml", "name: app\n" + TOKEN_LINE));
        History history = TestTrees.commits(List.of(
                new History.Commit("3333333333333333333333333333333333333333", base, head, ChangeSet.between(base, head))));
        List<Finding> findings = TestTrees.run(Mode.PULL_REQUEST, base, head, history, Map.of());
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.properties()).doesNotContainKey("commit"));
    }

    @Test
    void staged_mode_reports_added_lines_only() {
        SourceTree base = TestTrees.tree("base", Map.of("app.yml", TOKEN_LINE));
        SourceTree head = TestTrees.tree("head", Map.of("app.yml", TOKEN_LINE + "other: {{fake:github-classic#new}}\n"));
        List<Finding> findings = TestTrees.run(Mode.STAGED, base, head, null, Map.of());
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.location().line()).isEqualTo(2));
    }

    @Test
    void binary_files_are_skipped_but_key_stores_are_still_reported() {
        byte[] binary = ("\u0000\u0001" + token()).getBytes(StandardCharsets.UTF_8);
        SourceTree head = new MemorySourceTree("head", Map.of("lib/blob.bin", binary, "certs/app.jks", binary));
        SecretScan.Result r = SecretScan.tree(head, SecretScan.Options.defaults());
        assertThat(r.matches()).singleElement().satisfies(m -> {
            assertThat(m.ruleId()).isEqualTo("secrets/committed-secret-file");
            assertThat(m.path()).isEqualTo("certs/app.jks");
        });
        assertThat(r.stats().binary()).isEqualTo(2);
    }

    @Test
    void files_over_the_limit_are_skipped_counted_and_reported() {
        SourceTree head = TestTrees.tree("head", Map.of("big.txt", "x".repeat(500) + TOKEN_LINE, "small.txt", TOKEN_LINE));
        List<Finding> findings = TestTrees.run(Mode.TREE, SourceTree.empty("base"), head, null, Map.of("max-file-size", 100));
        assertThat(findings).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("secrets/github-token", "secrets/file-not-scanned");
    }

    @Test
    void excluded_paths_and_disabled_rules_are_not_reported() {
        SourceTree head = TestTrees.tree("head", Map.of("vendor/x.yml", TOKEN_LINE, "package-lock.json", TOKEN_LINE,
                "db.properties", "db.password={{fake:password#unit}}\n"));
        List<Finding> findings = TestTrees.run(Mode.TREE, SourceTree.empty("base"), head, null,
                Map.of("exclude", List.of("vendor/**"), "disabled-rules", List.of("secrets/generic-password")));
        assertThat(findings).isEmpty();
    }

    @Test
    void a_token_inside_a_long_minified_line_is_found() {
        String line = "var a=1;".repeat(200_000) + "var t=\"{{fake:github-classic#min}}\";" + "var b=2;".repeat(1000);
        List<Finding> findings = TestTrees.tree(Map.of("dist/app.min.js", line));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.location().line()).isEqualTo(1));
    }

    @Test
    void pathological_input_finishes_and_reports_nothing() {
        String text = "password: \"".repeat(50_000) + "\n" + "postgres://" + "a:".repeat(100_000) + "\n"
                + "-----BEGIN RSA PRIVATE KEY-----\n" + "A".repeat(200_000) + "\n";
        List<Finding> findings = TestTrees.tree(Map.of("evil.txt", text));
        assertThat(findings).isEmpty();
    }

    @Test
    void every_detector_regex_compiles_and_every_keyword_is_lower_case() {
        assertThat(SecretScanner.defaults().detectors()).allSatisfy(d -> {
            assertThat(d.pattern().get()).isNotNull();
            assertThat(d.keywords()).isNotEmpty().allSatisfy(k -> assertThat(k).isEqualTo(k.toLowerCase(java.util.Locale.ROOT)));
        });
    }

    @Test
    void the_checker_declares_every_rule_it_can_emit_and_they_are_all_in_the_catalogue() {
        assertThat(SecretScanner.defaults().detectors()).allSatisfy(d ->
                assertThat(new SecretsChecker().ruleIds()).contains(d.ruleId()));
        assertThat(new SecretsChecker().ruleIds()).allSatisfy(id ->
                assertThat(io.mergegate.testkit.TestRules.catalog().find(id)).isPresent());
    }

    @Test
    void history_scan_attributes_each_secret_to_the_commit_that_introduced_the_blob() throws Exception {
        byte[] clean = "name: app\n".getBytes(StandardCharsets.UTF_8);
        byte[] leaked = FakeSecrets.expand("app.yml", ("name: app\n" + TOKEN_LINE).getBytes(StandardCharsets.UTF_8));
        BlobSource source = consumer -> {
            consumer.accept(new BlobSource.Blob("c1", "app.yml", clean.length, () -> clean));
            consumer.accept(new BlobSource.Blob("c2", "app.yml", leaked.length, () -> leaked));
            consumer.accept(new BlobSource.Blob("c3", "big.bin", 10_000_000, () -> {
                throw new AssertionError("oversized blobs are not loaded");
            }));
        };
        SecretScan.Result r = SecretScan.history(source, SecretScan.Options.defaults());
        assertThat(r.matches()).singleElement().satisfies(m -> {
            assertThat(m.commitId()).isEqualTo("c2");
            assertThat(m.line()).isEqualTo(2);
        });
        assertThat(r.oversized()).extracting(SecretScan.Skipped::commitId).containsExactly("c3");
        assertThat(r.stats().files()).isEqualTo(2);
    }

    @Test
    void kubernetes_secret_values_are_fingerprinted_by_their_decoded_value() {
        String plain = "stringData:\n  password: \"{{fake:password#k8s}}\"\n";
        String encoded = "data:\n  password: {{fake:password#k8s|base64}}\n";
        String head = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n";
        Finding a = single(TestTrees.tree(Map.of("a.yaml", head + plain)));
        Finding b = single(TestTrees.tree(Map.of("b.yaml", head + encoded)));
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    }

    private static Finding single(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }
}
