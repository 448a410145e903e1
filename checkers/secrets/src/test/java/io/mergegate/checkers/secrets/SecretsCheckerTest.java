package io.mergegate.checkers.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.History;
import io.mergegate.core.spi.Mode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /** A pull request whose first commit turns base into c1 and whose second turns it back: only history holds c1. */
    private static List<Finding> addedAndRemovedInThePullRequest(SourceTree base, SourceTree c1) {
        History history = TestTrees.commits(List.of(
                new History.Commit("1111111111111111111111111111111111111111", base, c1, ChangeSet.between(base, c1)),
                new History.Commit("2222222222222222222222222222222222222222", c1, base, ChangeSet.between(c1, base))));
        return TestTrees.run(Mode.PULL_REQUEST, base, base, history, Map.of());
    }

    @Test
    void pull_request_mode_scans_every_commit_so_a_removed_secret_is_still_reported() {
        SourceTree base = TestTrees.tree("base", Map.of("app.yml", "name: app\n"));
        SourceTree c1 = TestTrees.tree("c1", Map.of("app.yml", "name: app\n" + TOKEN_LINE));
        List<Finding> findings = addedAndRemovedInThePullRequest(base, c1);
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
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("lib/blob.bin");
            assertThat(s.reason()).isEqualTo(SecretScan.Reason.BINARY);
        });
    }

    /** The base's app.yml and a binary lib/blob.bin that holds a token after a NUL byte. */
    private static SourceTree withBinaryFile(String label) {
        byte[] binary = ("\u0000\u0001" + token()).getBytes(StandardCharsets.UTF_8);
        return new MemorySourceTree(label, Map.of("app.yml", "name: app\n".getBytes(StandardCharsets.UTF_8),
                "lib/blob.bin", binary));
    }

    /** A binary file could hold a token: every mode names it in a note, never drops it silently. */
    @Test
    void skipped_binary_files_are_reported_in_every_mode() {
        SourceTree base = TestTrees.tree("base", Map.of("app.yml", "name: app\n"));
        SourceTree head = withBinaryFile("head");
        for (Mode mode : Mode.values()) {
            List<Finding> findings = TestTrees.run(mode, base, head, TestTrees.commits(List.of()), Map.of());
            assertThat(findings).as(mode.name()).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("secrets/file-not-scanned");
                assertThat(f.severity()).isEqualTo(io.mergegate.core.Severity.NOTE);
                assertThat(f.location().path()).isEqualTo("lib/blob.bin");
                assertThat(f.message()).contains("binary");
            });
        }
    }

    /** In a pull request a binary file added and removed again inside it is still named, with its commit. */
    @Test
    void binary_files_inside_the_commits_of_a_pull_request_are_reported() {
        SourceTree base = TestTrees.tree("base", Map.of("app.yml", "name: app\n"));
        List<Finding> findings = addedAndRemovedInThePullRequest(base, withBinaryFile("c1"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("secrets/file-not-scanned");
            assertThat(f.properties()).containsEntry("commit", "1111111111111111111111111111111111111111");
            assertThat(f.message()).contains("binary", "in commit 111111111111");
        });
    }

    @Test
    void files_over_the_limit_are_skipped_counted_and_reported() {
        SourceTree head = TestTrees.tree("head", Map.of("big.txt", "x".repeat(500) + TOKEN_LINE, "small.txt", TOKEN_LINE));
        List<Finding> findings = TestTrees.run(Mode.TREE, SourceTree.empty("base"), head, null, Map.of("max-file-size", 100));
        assertThat(findings).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("secrets/github-token", "secrets/file-not-scanned");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("secrets/file-not-scanned")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("larger than `secrets.max-file-size`"));
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

    /**
     * Padding that makes a detector's regex run over its work budget must not hide a secret silently: the region
     * is counted and named in a note. The built-in regexes stay far below the budget, so a backtracking-prone
     * detector stands in for a future one.
     */
    @Test
    void a_region_over_the_regex_budget_is_counted_and_reported() {
        SecretScanner greedy = new SecretScanner(DetectorTable.parse(List.of(
                "slow\tgeneric-password\t-\tpad\t1\t-\t-\t0\t400\twindow\tpad((?:a|aa){1,300}b)")));
        String text = "name: app\n" + "pad" + "a".repeat(300) + "\n";
        SecretScan scan = new SecretScan(greedy, SecretScan.Options.defaults());
        scan.file(TestTrees.tree("head", Map.of("padded.txt", text)).file("padded.txt").orElseThrow(), null, null);
        SecretScan.Result r = scan.result();
        assertThat(r.stats().budget()).isEqualTo(1);
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SecretScan.Reason.BUDGET);
            assertThat(s.line()).isEqualTo(2);
        });
        assertThat(SecretFindings.of(r, id -> Finding.builder(io.mergegate.testkit.TestRules.catalog().require(id))))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("secrets/file-not-scanned");
                    assertThat(f.location().line()).isEqualTo(2);
                    assertThat(f.message()).contains("from line 2", "work budget");
                });
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
        assertThat(r.skipped()).extracting(SecretScan.Skipped::commitId).containsExactly("c3");
        assertThat(r.stats().files()).isEqualTo(2);
    }

    /**
     * Each later edit of a file still holding a secret is a new blob; the secret is reported once, at the commit
     * that introduced it, even though the blobs are scanned in parallel (hundreds of them, so batches overlap).
     * The same secret copied to another file is another place to clean up and stays.
     */
    @Test
    void history_reports_a_secret_once_per_file_at_its_earliest_commit() throws Exception {
        List<BlobSource.Blob> blobs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String text = "name: app\nrevision: " + i + "\n" + TOKEN_LINE;
            byte[] bytes = FakeSecrets.expand("app.yml", text.getBytes(StandardCharsets.UTF_8));
            blobs.add(new BlobSource.Blob(String.format("%040d", i), "app.yml", bytes.length, () -> bytes));
        }
        byte[] copy = FakeSecrets.expand("copy.yml", TOKEN_LINE.getBytes(StandardCharsets.UTF_8));
        blobs.add(new BlobSource.Blob(String.format("%040d", 600), "other/copy.yml", copy.length, () -> copy));
        SecretScan.Result r = SecretScan.history(consumer -> blobs.forEach(consumer), SecretScan.Options.defaults());
        assertThat(r.matches()).extracting(m -> m.path() + "@" + Long.parseLong(m.commitId()))
                .containsExactly("app.yml@0", "other/copy.yml@600");
    }

    /**
     * After {@code git merge main} into the feature branch, the merge commit's diff against its first parent holds
     * everything that landed on main; only the lines the merge itself wrote (relative to every parent) count.
     */
    @Test
    void a_merge_commit_is_blamed_only_for_lines_new_to_every_parent() {
        SourceTree fork = TestTrees.tree("fork", Map.of("app.yml", "name: app\n", "main.yml", "a: 1\n"));
        SourceTree feature = TestTrees.tree("feature", Map.of("app.yml", "name: app\nfeature: on\n", "main.yml", "a: 1\n"));
        SourceTree main = TestTrees.tree("main", Map.of("app.yml", "name: app\n" + TOKEN_LINE,
                "main.yml", "a: 1\nkey: {{fake:github-classic#main2}}\n"));
        SourceTree merged = TestTrees.tree("merged", Map.of("app.yml", "name: app\nfeature: on\n" + TOKEN_LINE
                + "resolved: {{fake:github-classic#evil}}\n", "main.yml", "a: 1\nkey: {{fake:github-classic#main2}}\n"));
        String featureId = "1111111111111111111111111111111111111111";
        String mergeId = "2222222222222222222222222222222222222222";
        History history = TestTrees.commits(List.of(
                new History.Commit(featureId, fork, feature, ChangeSet.between(fork, feature)),
                new History.Commit(mergeId, feature, merged, ChangeSet.between(feature, merged), List.of(main))));
        // the PR's own diff: merge base (main's tip) against head
        List<Finding> findings = TestTrees.run(Mode.PULL_REQUEST, main, merged, history, Map.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(4);
            assertThat(f.fingerprint()).isEqualTo(io.mergegate.core.Fingerprints.of("secrets/github-token",
                    FakeSecrets.value("github-classic", "evil")));
        });
        // and the merge commit alone, as if the PR had merged main and then reverted the resolution
        SecretScan scan = new SecretScan(SecretScanner.defaults(), SecretScan.Options.defaults());
        scan.changeInto(feature, List.of(main), merged, ChangeSet.between(feature, merged), mergeId);
        assertThat(scan.result().matches()).singleElement().satisfies(m -> assertThat(m.line()).isEqualTo(4));
    }

    /** The same secret at head in one file and in a PR commit in another is two places to clean up. */
    @Test
    void the_same_secret_in_two_files_is_reported_in_both() {
        SourceTree base = TestTrees.tree("base", Map.of("app.yml", "name: app\n"));
        SourceTree c1 = TestTrees.tree("c1", Map.of("app.yml", "name: app\n", "old.yml", TOKEN_LINE));
        SourceTree head = TestTrees.tree("head", Map.of("app.yml", "name: app\n" + TOKEN_LINE));
        History history = TestTrees.commits(List.of(
                new History.Commit("1111111111111111111111111111111111111111", base, c1, ChangeSet.between(base, c1)),
                new History.Commit("2222222222222222222222222222222222222222", c1, head, ChangeSet.between(c1, head))));
        List<Finding> findings = TestTrees.run(Mode.PULL_REQUEST, base, head, history, Map.of());
        assertThat(findings).extracting(f -> f.location().path()).containsExactlyInAnyOrder("app.yml", "old.yml");
    }

    @Test
    void only_a_tree_scan_sees_every_line_so_only_it_can_call_a_baseline_entry_unused() {
        assertThat(new SecretsChecker().seesWholeHead(Mode.TREE)).isTrue();
        assertThat(new SecretsChecker().seesWholeHead(Mode.PULL_REQUEST)).isFalse();
        assertThat(new SecretsChecker().seesWholeHead(Mode.STAGED)).isFalse();
        assertThat(new SecretsChecker().seesWholeHead(Mode.WORKING_TREE)).isFalse();
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
