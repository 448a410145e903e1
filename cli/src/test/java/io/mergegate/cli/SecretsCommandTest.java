package io.mergegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.checkers.secrets.FakeSecrets;
import io.mergegate.core.Fingerprints;
import io.mergegate.testkit.FixturePaths;
import io.mergegate.testkit.SharedValidators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mergegate secrets scan} (tree, {@code --history}, {@code --since}, {@code --all}, {@code --sarif}) and
 * {@code check --only secrets} on real git repositories, as a user runs them. The planted secrets are generated at
 * test time ({@link FakeSecrets}); every run's stdout, stderr and SARIF is checked for them.
 */
class SecretsCommandTest {

    @TempDir
    Path tmp;

    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.invalid");

    /** Everything the CLI printed or wrote in this test: no planted value may be in it. */
    private final List<String> logs = new ArrayList<>();

    /** A file's text with its {@code {{fake:...}}} placeholders expanded. */
    private static String fake(String text) {
        return new String(FakeSecrets.expand("x", text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static final String TOKEN = "token: {{fake:github-classic#cli}}\n";

    private static String token() {
        return FakeSecrets.value("github-classic", "cli");
    }

    private static void write(Path repo, Map<String, String> files) throws Exception {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = repo.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, fake(f.getValue()), StandardCharsets.UTF_8);
        }
    }

    private static RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
    }

    private static Git init(Path repo) throws Exception {
        Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        git.getRepository().getConfig().setBoolean("commit", null, "gpgsign", false);
        git.getRepository().getConfig().save();
        return git;
    }

    private Cli run(Map<String, String> env, String... args) throws Exception {
        Cli c = Cli.run(env, args);
        logs.add(c.out());
        logs.add(c.err());
        return c;
    }

    private Cli run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private Path sarif(String name) {
        return tmp.resolve(name + ".sarif");
    }

    private String read(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        logs.add(text);
        return text;
    }

    /** What a run logged must never carry a planted value (nor its middle, as a partial print would). */
    private void assertNoPlantedValueLogged() {
        List<String> planted = FakeSecrets.PLANTED.stream().filter(v -> v.length() >= 8).toList();
        assertThat(planted).isNotEmpty();
        for (String log : logs) {
            for (String secret : planted) {
                int mid = secret.length() / 2;
                assertThat(log).doesNotContain(secret).doesNotContain(secret.substring(mid - 4, mid + 4));
            }
        }
    }

    @Test
    void treeScanExitCodesAndSarif() throws Exception {
        Path clean = tmp.resolve("clean");
        try (Git git = init(clean)) {
            write(clean, Map.of("app.yml", "name: app\n"));
            commit(git, "clean");
        }
        assertThat(run("secrets", "scan", clean.toString()).exit()).isZero();

        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            write(repo, Map.of("config/app.yml", "name: app\n" + TOKEN, ".gitignore", "build/\n",
                    "build/out.yml", TOKEN.replace("#cli", "#ignored")));
            commit(git, "leak");
        }
        Path sarif = sarif("tree");
        Cli c = run("secrets", "scan", repo.toString(), "--sarif", sarif.toString());
        assertThat(c.exit()).as(c.err()).isEqualTo(1);
        assertThat(c.out()).contains("config/app.yml:2", "secrets/github-token", "`ghp_\u2026`", "40 characters")
                .as("files git ignores are not the repository's").doesNotContain("build/out.yml");
        assertThat(c.err()).contains("files (", "scanned");
        String text = read(sarif);
        assertThat(text).contains("\"ruleId\": \"secrets/github-token\"");
        SharedValidators.sarif(sarif);

        Cli missing = run("secrets", "scan", tmp.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("mergegate: no such folder: " + tmp.resolve("nope"));
        assertThat(run("secrets", "scan", repo.toString(), "--since", "HEAD").exit()).isEqualTo(2);
        assertThat(run("secrets", "scan", repo.toString(), "--all").exit()).isEqualTo(2);
        Files.writeString(repo.resolve(".mergegate.yml"), "exclude: [\"a\"\n");
        Cli badConfig = run("secrets", "scan", repo.toString());
        assertThat(badConfig.exit()).isEqualTo(2);
        assertThat(badConfig.err()).contains(".mergegate.yml").doesNotContain("\tat ");
        assertNoPlantedValueLogged();
    }

    /** The repository's .mergegate.yml applies: exclusions, per-rule severities, fail-on and the secrets section. */
    @Test
    void theRepositoryConfigApplies() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            write(repo, Map.of("fixtures/secrets/case/app.yml", TOKEN, "vendor/lib.yml", TOKEN.replace("#cli", "#vendor"),
                    "db.properties", "db.password={{fake:password#cfg}}\n", ".mergegate.yml",
                    "version: 1\nexclude: [\"fixtures/**\"]\nrules:\n  secrets/generic-password: warning\n"
                            + "secrets:\n  exclude: [\"vendor/**\"]\n"));
            commit(git, "config");
        }
        Cli c = run("secrets", "scan", repo.toString());
        assertThat(c.exit()).as(c.out()).isZero();
        assertThat(c.out()).contains("db.properties:1", "warning secrets/generic-password")
                .doesNotContain("fixtures/secrets").doesNotContain("vendor/lib.yml");
        Files.writeString(repo.resolve("strict.yml"), "version: 1\nfail-on: warning\n");
        assertThat(run("secrets", "scan", repo.toString(), "--config", repo.resolve("strict.yml").toString()).exit())
                .isEqualTo(1);
        assertNoPlantedValueLogged();
    }

    /** {@code mergegate:ignore secrets/<rule> -- reason} works in a tree scan and, read from the blob, in history. */
    @Test
    void inlineSuppressionsInTreeAndHistory() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            write(repo, Map.of("test/app.yml", "# mergegate:ignore secrets/github-token -- a revoked test token\n" + TOKEN));
            commit(git, "suppressed");
            Files.delete(repo.resolve("test/app.yml"));
            write(repo, Map.of("README.md", "moved out\n"));
            commit(git, "gone from the tree, still in history");
        }
        Cli tree = run("secrets", "scan", repo.toString());
        assertThat(tree.exit()).isZero();
        Cli history = run("secrets", "scan", "--history", repo.toString());
        assertThat(history.exit()).as(history.out()).isZero();
        assertThat(history.out()).contains("test/app.yml:2", "1 suppressed");
        try (Git git = Git.open(repo.toFile())) {
            write(repo, Map.of("other.yml", "# mergegate:ignore -- no rule id\n" + TOKEN.replace("#cli", "#bare")));
            commit(git, "a comment without a rule suppresses nothing");
        }
        assertThat(run("secrets", "scan", "--history", repo.toString()).exit()).isEqualTo(1);
        assertThat(run("secrets", "scan", repo.toString()).exit()).isEqualTo(1);
        assertNoPlantedValueLogged();
    }

    /**
     * The baseline (default and {@code --baseline FILE}) suppresses; an entry nothing matched is reported where the
     * scan read everything, naming the file, and not with {@code --since}.
     */
    @Test
    void baselineInTreeAndHistory() throws Exception {
        Path repo = tmp.resolve("repo");
        String fp = Fingerprints.of("secrets/github-token", token());
        String entries = "{\"version\": 1, \"entries\": ["
                + "{\"fingerprint\": \"" + fp + "\", \"rule\": \"secrets/github-token\", \"decision\": \"revoked\", \"reason\": \"rotated\"},"
                + "{\"fingerprint\": \"0123\", \"rule\": \"secrets/jwt\", \"decision\": \"false-positive\", \"reason\": \"gone\"}]}";
        RevCommit first;
        try (Git git = init(repo)) {
            write(repo, Map.of("app.yml", "name: app\n" + TOKEN, ".mergegate-baseline.json", entries));
            first = commit(git, "leak, baselined");
            write(repo, Map.of("README.md", "docs\n"));
            commit(git, "docs");
        }
        Cli tree = run("secrets", "scan", repo.toString());
        assertThat(tree.exit()).as(tree.out()).isZero();
        assertThat(tree.out()).contains("app.yml:2", "revoked: rotated",
                "Baseline entry 0123 (secrets/jwt) matched no finding; remove it from .mergegate-baseline.json.");
        Cli history = run("secrets", "scan", "--history", repo.toString());
        assertThat(history.exit()).isZero();
        assertThat(history.out()).contains("Baseline entry 0123");
        Cli since = run("secrets", "scan", "--history", "--since", first.name(), repo.toString());
        assertThat(since.out()).as("older commits were not read").doesNotContain("Baseline entry");

        Path elsewhere = Files.writeString(tmp.resolve("accepted.json"), entries.replace(fp, "4567"));
        Cli explicit = run("secrets", "scan", repo.toString(), "--baseline", elsewhere.toString());
        assertThat(explicit.exit()).isEqualTo(1);
        assertThat(explicit.out()).contains("remove it from " + elsewhere);
        assertThat(run("secrets", "scan", repo.toString(), "--baseline", tmp.resolve("none.json").toString()).exit())
                .isEqualTo(2);
        assertNoPlantedValueLogged();
    }

    /**
     * History: a secret added and removed again is found, at the commit that added it, once (later edits of the file
     * still held it); {@code --since} reads only later commits; {@code --all} also walks branches HEAD does not reach.
     */
    @Test
    void historySinceAndAllRefs() throws Exception {
        Path repo = tmp.resolve("repo");
        RevCommit added;
        RevCommit removed;
        try (Git git = init(repo)) {
            write(repo, Map.of("app.yml", "name: app\n"));
            commit(git, "start");
            write(repo, Map.of("app.yml", "name: app\n" + TOKEN));
            added = commit(git, "leak");
            for (int i = 0; i < 3; i++) {
                write(repo, Map.of("app.yml", "name: app\nrevision: " + i + "\n" + TOKEN));
                commit(git, "edit " + i);
            }
            write(repo, Map.of("app.yml", "name: app\n"));
            removed = commit(git, "remove");
            git.checkout().setCreateBranch(true).setName("side").call();
            write(repo, Map.of("side.yml", "token: {{fake:gitlab-pat#side}}\n"));
            commit(git, "only on a side branch");
            git.checkout().setName("main").call();
        }
        assertThat(run("secrets", "scan", repo.toString()).exit()).as("the tree is clean").isZero();
        Cli history = run("secrets", "scan", "--history", repo.toString());
        assertThat(history.exit()).isEqualTo(1);
        assertThat(history.out()).contains("app.yml:2", "added in commit " + added.name().substring(0, 12))
                .contains("1 error,").doesNotContain("side.yml");
        Cli since = run("secrets", "scan", "--history", "--since", removed.name(), repo.toString());
        assertThat(since.exit()).isZero();
        Cli all = run("secrets", "scan", "--history", "--all", repo.toString());
        assertThat(all.exit()).isEqualTo(1);
        assertThat(all.out()).contains("side.yml:1", "secrets/gitlab-token", "app.yml:2");
        Cli unknown = run("secrets", "scan", "--history", "--since", "no-such-rev", repo.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown revision: no-such-rev");
        assertThat(run("secrets", "scan", "--history", tmp.resolve("repo/..").toString()).exit()).isEqualTo(2);
        assertNoPlantedValueLogged();
    }

    /** A binary file is named in a note, in the console and in SARIF, not dropped. */
    @Test
    void skippedBinaryFilesAreReported() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            Files.createDirectories(repo.resolve("lib"));
            Files.write(repo.resolve("lib/blob.bin"), ("\u0000\u0001" + fake(TOKEN)).getBytes(StandardCharsets.UTF_8));
            commit(git, "binary");
        }
        Path sarif = sarif("binary");
        Cli c = run("secrets", "scan", repo.toString(), "--sarif", sarif.toString());
        assertThat(c.exit()).isZero();
        assertThat(c.out()).contains("lib/blob.bin", "note secrets/file-not-scanned", "binary");
        assertThat(read(sarif)).contains("\"ruleId\": \"secrets/file-not-scanned\"");
        assertThat(run("secrets", "scan", "--history", repo.toString()).out()).contains("lib/blob.bin", "binary");
        assertNoPlantedValueLogged();
    }

    /** CI systems set CI=true, CI=1 or their own name: any non-empty value but false/0/no refuses --show-secrets. */
    @Test
    void showSecretsIsRefusedInCi() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            write(repo, Map.of("app.yml", TOKEN));
            commit(git, "leak");
        }
        for (String ci : List.of("true", "1", "yes", "woodpecker", "TRUE")) {
            Cli c = run(Map.of("CI", ci), "secrets", "scan", "--show-secrets", repo.toString());
            assertThat(c.exit()).as("CI=%s", ci).isEqualTo(2);
            assertThat(c.err()).contains("--show-secrets is refused when CI is set");
        }
        assertNoPlantedValueLogged();
        for (String ci : List.of("", "false", "0")) {
            Map<String, String> env = new HashMap<>();
            env.put("CI", ci);
            Cli local = Cli.run(env, "secrets", "scan", "--show-secrets", repo.toString());
            assertThat(local.exit()).as("CI=%s", ci).isEqualTo(1);
            assertThat(local.out()).as("local use shows the value").contains(token());
        }
    }

    /**
     * PR mode after {@code git merge main} into the feature branch: the secret that landed on main after the fork
     * is not the pull request's; a secret the merge itself wrote is.
     */
    @Test
    void checkOnlySecretsDoesNotBlameThePullRequestForTheBaseBranch() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            write(repo, Map.of("app.yml", "name: app\n", "README.md", "# app\n"));
            commit(git, "fork point");
            git.checkout().setCreateBranch(true).setName("feature/CORE-1-merge").call();
            write(repo, Map.of("README.md", "# app\n\nfeature docs\n"));
            commit(git, "feature work");
            git.checkout().setName("main").call();
            write(repo, Map.of("app.yml", "name: app\n" + TOKEN, "main.yml", "key: {{fake:stripe-live#main}}\n"));
            commit(git, "a secret lands on main after the fork");
            git.checkout().setName("feature/CORE-1-merge").call();
            assertThat(git.merge().include(git.getRepository().resolve("main")).setMessage("merge main").call()
                    .getMergeStatus().isSuccessful()).isTrue();
        }
        List<String> args = List.of("check", "--repo", repo.toString(), "--base", "main", "--only", "secrets",
                "--branch", "feature/CORE-1-merge", "--target", "main");
        Cli clean = run(args.toArray(String[]::new));
        assertThat(clean.exit()).as(clean.out()).isZero();
        assertThat(clean.out()).doesNotContain("secrets/github-token").doesNotContain("secrets/stripe-key");

        try (Git git = Git.open(repo.toFile())) {
            write(repo, Map.of("feature.yml", "token: {{fake:github-classic#feature}}\n"));
            commit(git, "the PR's own leak");
            write(repo, Map.of("feature.yml", "name: feature\n"));
            commit(git, "removed again, still in history");
        }
        List<String> json = new ArrayList<>(args);
        json.addAll(List.of("--format", "json"));
        Cli own = run(json.toArray(String[]::new));
        assertThat(own.exit()).isEqualTo(1);
        assertThat(own.out()).contains("feature.yml").doesNotContain("app.yml").doesNotContain("main.yml");
        // every other output of the same run: Markdown and annotations on stdout, SARIF, JUnit, Markdown, Code Quality
        List<String> files = new ArrayList<>(args);
        Path out = Files.createDirectories(tmp.resolve("out"));
        files.addAll(List.of("--format", "markdown", "--sarif", out.resolve("r.sarif").toString(), "--junit",
                out.resolve("r.xml").toString(), "--markdown", out.resolve("r.md").toString(), "--github-annotations", "--codequality",
                out.resolve("r.json").toString()));
        Cli markdown = run(files.toArray(String[]::new));
        assertThat(markdown.exit()).as(markdown.err()).isEqualTo(1);
        for (String f : List.of("r.sarif", "r.xml", "r.md", "r.json")) {
            assertThat(read(out.resolve(f))).as(f).contains("feature.yml");
        }
        assertNoPlantedValueLogged();
    }

    /** {@code mergegate baseline} writes accepted-risk with a reason and keeps the decisions already taken. */
    @Test
    void baselineCommandWritesAcceptedRiskAndKeepsEarlierDecisions() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            write(repo, Map.of("README.md", "# app\n"));
            commit(git, "base");
            git.checkout().setCreateBranch(true).setName("feature/CORE-2-keys").call();
            write(repo, Map.of("a.yml", TOKEN, "b.yml", "token: {{fake:github-classic#second}}\n"));
            commit(git, "two tokens");
        }
        String fpB = Fingerprints.of("secrets/github-token", FakeSecrets.value("github-classic", "second"));
        Files.writeString(repo.resolve(".mergegate-baseline.json"), "{\"entries\": [{\"fingerprint\": \"" + fpB
                + "\", \"rule\": \"secrets/github-token\", \"decision\": \"false-positive\", \"reason\": \"a test vector\"}]}");
        Cli c = run("baseline", "--repo", repo.toString(), "--base", "main", "--only", "secrets", "--reason",
                "accepted in CORE-2");
        assertThat(c.exit()).as(c.err()).isZero();
        String written = Files.readString(repo.resolve(".mergegate-baseline.json"));
        assertThat(written).contains("\"decision\": \"accepted-risk\"", "\"reason\": \"accepted in CORE-2\"",
                "\"decision\": \"false-positive\"", "\"reason\": \"a test vector\"").doesNotContain("\"accepted\"");
        Cli empty = run("baseline", "--repo", repo.toString(), "--base", "main", "--only", "secrets", "--reason", " ");
        assertThat(empty.exit()).isEqualTo(2);
        assertNoPlantedValueLogged();
    }

    /**
     * The project scans clean: every file git does not ignore, with what .mergegate.yml excludes (the fixtures,
     * which hold placeholders, not secrets) left out, gives no finding at all.
     */
    @Test
    void thisRepositoryHoldsNoSecret() throws Exception {
        Path sarif = sarif("self");
        Cli c = run("secrets", "scan", FixturePaths.repoRoot().toString(), "--sarif", sarif.toString());
        assertThat(c.exit()).as(c.out()).isZero();
        assertThat(read(sarif)).as(c.out()).doesNotContain("\"ruleId\"");
        assertThat(c.err()).contains("scanned");
    }
}
