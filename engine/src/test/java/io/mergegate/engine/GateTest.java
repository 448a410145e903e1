package io.mergegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mergegate.checkers.branch.BranchChecker;
import io.mergegate.core.Finding;
import io.mergegate.core.Suppression;
import io.mergegate.core.source.ChangeStatus;
import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.LineDiff;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.spi.ApiChange;
import io.mergegate.core.spi.ChangeLevel;
import io.mergegate.core.spi.Checker;
import io.mergegate.core.spi.FactKey;
import io.mergegate.core.spi.GateContext;
import io.mergegate.core.spi.KnownFacts;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.suppress.Baseline;
import io.mergegate.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {

    @TempDir
    Path tmp;

    /** Reports every added line containing "TODO" as branch/invalid-name (any catalogue id will do). */
    static class TodoChecker implements Checker {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "todo";
        }

        @Override
        public String description() {
            return "test checker";
        }

        @Override
        public Set<String> ruleIds() {
            return Set.of("branch/invalid-name");
        }

        @Override
        public List<Finding> check(GateContext ctx) {
            List<Finding> out = new ArrayList<>();
            for (ChangedPath c : ctx.changes().all()) {
                seen.add(c.status() + " " + c.path());
                if (!c.existsAtHead()) {
                    continue;
                }
                String head = ctx.head().file(c.path()).map(SourceFile::textLenient).orElse("");
                String base = ctx.base().file(c.path()).map(SourceFile::textLenient).orElse("");
                BitSet added = LineDiff.addedLines(base, head);
                List<String> lines = head.lines().toList();
                for (int i = added.nextSetBit(0); i >= 0; i = added.nextSetBit(i + 1)) {
                    if (lines.get(i - 1).contains("TODO")) {
                        out.add(ctx.report("branch/invalid-name").at(c.path(), i, 1).message("TODO added")
                                .key(lines.get(i - 1).trim()).build());
                    }
                }
            }
            return out;
        }
    }

    private Gate gate(Checker... checkers) {
        return new Gate(List.of(checkers), RuleCatalog.builtIn(), "test");
    }

    private GateRequest request(Path repo, String base, Mode mode) {
        return new GateRequest(repo, base, null, mode, null, Set.of(), "feature/CORE-1-x", "main", null, null,
                Map.of(), Clock.systemUTC());
    }

    @Test
    void pullRequestSeesChangesSinceMergeBaseOnly() {
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            g.branch("feature/CORE-1-x").write("a.txt", "one\nTODO two\n").write("b.txt", "TODO b\n").commit("head");
            g.git.checkout().setName("main").call();
            g.write("c.txt", "TODO on main after the fork\n").commit("main moves on");
            g.git.checkout().setName("feature/CORE-1-x").call();
            TodoChecker todo = new TodoChecker();
            GateOutcome out = gate(todo).run(request(tmp, "main", Mode.PULL_REQUEST));
            assertThat(todo.seen).containsExactly("MODIFIED a.txt", "ADDED b.txt");
            assertThat(out.report().findings()).extracting(f -> f.location().path() + ":" + f.location().line())
                    .containsExactly("a.txt:2", "b.txt:1");
            assertThat(out.exitCode()).isEqualTo(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stagedViewJudgesTheIndexNotTheWorkingTree() {
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            g.write("a.txt", "one\nTODO staged\n").stage();
            g.write("a.txt", "one\nTODO staged\nTODO only in the working tree\n");
            g.write("untracked.txt", "TODO untracked\n");
            GateOutcome out = gate(new TodoChecker()).run(request(tmp, null, Mode.STAGED));
            assertThat(out.report().findings()).extracting(f -> f.location().path() + ":" + f.location().line())
                    .containsExactly("a.txt:2");
            assertThat(out.report().headLabel()).isEqualTo("index");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void workingTreeViewWithAndWithoutGit() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(plain.resolve("x.txt"), "TODO x\n");
        GateOutcome out = gate(new TodoChecker()).run(request(plain, null, Mode.WORKING_TREE));
        assertThat(out.report().findings()).extracting(f -> f.location().path()).containsExactly("x.txt");

        Path repo = tmp.resolve("repo");
        try (TestGit g = new TestGit(repo)) {
            g.write("a.txt", "one\n").write(".gitignore", "ignored/\n").commit("base");
            g.write("a.txt", "one\nTODO edit\n").write("ignored/x.txt", "TODO ignored\n").write("new.txt", "TODO new\n");
            GateOutcome wt = gate(new TodoChecker()).run(request(repo, null, Mode.WORKING_TREE));
            assertThat(wt.report().findings()).extracting(f -> f.location().path() + ":" + f.location().line())
                    .containsExactly("a.txt:2", "new.txt:1");
            // a file tracked before its folder was ignored is still tracked, so git does not ignore it
            g.write("kept/old.txt", "TODO tracked\n").commit("tracked");
            g.write(".gitignore", "ignored/\nkept/\n").write("kept/new.txt", "TODO untracked\n")
                    .write("kept/old.txt", "TODO tracked\nTODO edited\n");
            GateOutcome kept = gate(new TodoChecker()).run(request(repo, null, Mode.WORKING_TREE));
            assertThat(kept.report().findings()).extracting(f -> f.location().path())
                    .contains("kept/old.txt").doesNotContain("kept/new.txt", "ignored/x.txt");
        }
    }

    @Test
    void renamesAreDetected() {
        try (TestGit g = new TestGit(tmp)) {
            g.write("old/name.txt", "line one\nline two\nline three\n").commit("base");
            g.branch("feature/CORE-1-x").delete("old/name.txt").write("new/name.txt", "line one\nline two\nline three\n")
                    .commit("move");
            TodoChecker todo = new TodoChecker();
            gate(todo).run(request(tmp, "main", Mode.PULL_REQUEST));
            assertThat(todo.seen).containsExactly("RENAMED new/name.txt");
        }
    }

    @Test
    void inlineSuppressionsAndBaseline() throws Exception {
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            g.branch("feature/CORE-1-x").write("a.txt", String.join("\n", "one",
                    "# mergegate:ignore branch/invalid-name -- tracked in CORE-9",
                    "TODO suppressed inline",
                    "TODO in baseline",
                    "TODO blocking # mergegate:ignore",
                    "")).commit("head");
            GateOutcome first = gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST));
            List<Finding> f = first.report().findings();
            assertThat(f).filteredOn(x -> x.ruleId().equals("branch/invalid-name")).hasSize(3);
            Finding inline = f.stream().filter(x -> x.location().line() == 3).findFirst().orElseThrow();
            assertThat(inline.suppression()).isEqualTo(new Suppression(Suppression.Kind.INLINE, "tracked in CORE-9"));
            assertThat(f).anyMatch(x -> x.ruleId().equals("mergegate/suppression-without-reason")
                    && x.location().line() == 5);

            Finding accepted = f.stream().filter(x -> x.location().line() == 4).findFirst().orElseThrow();
            Files.writeString(tmp.resolve(".mergegate-baseline.json"),
                    Baseline.of(List.of(accepted), "legacy").toJson().replace("\"entries\": [", "\"entries\": [\n    "
                            + "{\"fingerprint\": \"0000\", \"rule\": \"x/y\", \"decision\": \"false-positive\", \"reason\": \"r\"},"));
            GateOutcome second = gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST));
            Finding now = second.report().findings().stream().filter(x -> x.location().line() == 4).findFirst()
                    .orElseThrow();
            assertThat(now.suppression().kind()).isEqualTo(Suppression.Kind.BASELINE);
            assertThat(second.report().findings()).anyMatch(x -> x.ruleId().equals("mergegate/baseline-entry-unused")
                    && x.message().contains("0000"));
            assertThat(second.exitCode()).as("line 5 still blocks").isEqualTo(1);
        }
    }

    /** Like {@link TodoChecker} but reads only added lines, as the secret scan does outside tree mode. */
    static final class AddedLinesChecker extends TodoChecker {
        @Override
        public String id() {
            return "added";
        }

        @Override
        public Set<String> ruleIds() {
            return Set.of("secrets/generic-password");
        }

        @Override
        public boolean seesWholeHead(Mode mode) {
            return mode == Mode.TREE;
        }

        @Override
        public List<Finding> check(GateContext ctx) {
            return super.check(ctx).stream().map(f -> Finding.builder(RuleCatalog.builtIn().require("secrets/generic-password"))
                    .at(f.location().path(), f.location().line(), 1).arg("detector", "t").arg("prefix", "")
                    .arg("length", 4).arg("path", f.location().path()).arg("where", "").key(f.fingerprint()).build())
                    .toList();
        }
    }

    private static String baseline(String... entries) {
        return "{\"version\": 1, \"entries\": [" + String.join(",", entries) + "]}";
    }

    private static String entry(String fingerprint, String rule, String decision) {
        return "{\"fingerprint\": \"" + fingerprint + "\", \"rule\": \"" + rule + "\", \"decision\": \"" + decision
                + "\", \"reason\": \"checked\"}";
    }

    private static List<String> unused(GateOutcome out) {
        return out.report().findings().stream().filter(f -> f.ruleId().equals("mergegate/baseline-entry-unused"))
                .map(Finding::message).toList();
    }

    /**
     * A pull request's secret scan reads only added lines: a baselined secret left untouched is not seen, so its
     * entry is not "unused". The same entry is judged in a tree scan, which reads everything.
     */
    @Test
    void anEntryIsUnusedOnlyWhereTheRunCouldHaveSeenItsFinding() throws Exception {
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            g.branch("feature/CORE-1-x").write("b.txt", "two\n").commit("head");
            Files.writeString(tmp.resolve(".mergegate-baseline.json"), baseline(
                    entry("1111", "secrets/generic-password", "accepted-risk"),
                    entry("2222", "branch/invalid-name", "false-positive"),
                    entry("3333", "gone/rule", "false-positive")));
            GateOutcome pr = gate(new AddedLinesChecker(), new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST));
            assertThat(unused(pr)).hasSize(2).noneMatch(m -> m.contains("1111"))
                    .anyMatch(m -> m.contains("2222")).anyMatch(m -> m.contains("3333 (gone/rule)"));
            GateOutcome tree = gate(new AddedLinesChecker(), new TodoChecker()).run(request(tmp, null, Mode.TREE));
            assertThat(unused(tree)).anyMatch(m -> m.contains("1111 (secrets/generic-password)"));
        }
    }

    /** {@code --only} used to silence unused entries altogether; the selected checkers' own entries are judged. */
    @Test
    void underOnlyTheSelectedCheckersEntriesAreJudgedAndTheActualBaselineFileIsNamed() throws Exception {
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            g.branch("feature/CORE-1-x").write("b.txt", "two\n").write("ci/accepted.json", baseline(
                    entry("2222", "branch/invalid-name", "false-positive"),
                    entry("1111", "secrets/generic-password", "accepted-risk"),
                    entry("3333", "gone/rule", "false-positive"))).commit("head");
            GateRequest only = new GateRequest(tmp, "main", null, Mode.PULL_REQUEST, null, Set.of("todo"),
                    "feature/CORE-1-x", "main", null, tmp.resolve("ci/accepted.json"), Map.of(), Clock.systemUTC());
            GateOutcome out = gate(new AddedLinesChecker(), new TodoChecker()).run(only);
            assertThat(unused(out)).singleElement().satisfies(m -> assertThat(m)
                    .isEqualTo("Baseline entry 2222 (branch/invalid-name) matched no finding; remove it from ci/accepted.json."));
            assertThat(out.report().findings()).filteredOn(f -> f.ruleId().equals("mergegate/baseline-entry-unused"))
                    .singleElement().satisfies(f -> assertThat(f.location().path()).isEqualTo("ci/accepted.json"));
        }
    }

    /** A checker that failed reported nothing, so nothing about its entries is known. */
    @Test
    void entriesOfAFailedCheckerAreNotJudged() throws Exception {
        Checker broken = new TodoChecker() {
            @Override
            public List<Finding> check(GateContext ctx) {
                throw new IllegalStateException("boom");
            }
        };
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            Files.writeString(tmp.resolve(".mergegate-baseline.json"), baseline(entry("2222", "branch/invalid-name", "false-positive")));
            GateOutcome out = gate(broken).run(request(tmp, "main", Mode.PULL_REQUEST));
            assertThat(out.exitCode()).isEqualTo(3);
            assertThat(unused(out)).isEmpty();
        }
    }

    /**
     * The three decisions: false-positive and accepted-risk suppress; revoked (the secret was rotated) suppresses
     * and lowers the finding to a note. The old {@code accepted} still works, read as accepted-risk, with a note.
     */
    @Test
    void baselineDecisions() throws Exception {
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            g.branch("feature/CORE-1-x").write("a.txt", "one\nTODO fp\nTODO risk\nTODO rotated\nTODO old\n").commit("head");
            Map<String, String> fingerprints = new java.util.HashMap<>();
            for (Finding f : gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST)).report().findings()) {
                fingerprints.put(f.fingerprint(), f.location().line() + "");
            }
            List<String> byLine = new ArrayList<>(List.of("", "", "", "", ""));
            fingerprints.forEach((fp, line) -> byLine.set(Integer.parseInt(line) - 1, fp));
            Files.writeString(tmp.resolve(".mergegate-baseline.json"), baseline(
                    entry(byLine.get(1), "branch/invalid-name", "false-positive"),
                    entry(byLine.get(2), "branch/invalid-name", "accepted-risk"),
                    entry(byLine.get(3), "branch/invalid-name", "revoked"),
                    entry(byLine.get(4), "branch/invalid-name", "accepted")));
            GateOutcome out = gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST));
            assertThat(out.exitCode()).isZero();
            List<Finding> todo = out.report().findings().stream().filter(f -> f.ruleId().equals("branch/invalid-name")).toList();
            assertThat(todo).extracting(f -> f.location().line() + " " + f.severity() + " " + f.suppression().justification())
                    .containsExactly("2 ERROR false-positive: checked", "3 ERROR accepted-risk: checked",
                            "4 NOTE revoked: checked", "5 ERROR accepted-risk: checked");
            assertThat(out.report().findings()).filteredOn(f -> f.ruleId().equals("mergegate/baseline-old-decision"))
                    .singleElement().satisfies(f -> assertThat(f.message()).startsWith(
                            ".mergegate-baseline.json uses the old decision `accepted` (entries: 1)"));

            Files.writeString(tmp.resolve(".mergegate-baseline.json"), baseline(entry("9999", "branch/invalid-name", "waived")));
            assertThatThrownBy(() -> gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST)))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining(".mergegate-baseline.json: invalid baseline: unknown decision \"waived\"");
        }
    }

    @Test
    void findingsSurviveUnrelatedEditsWithTheSameFingerprint() {
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            g.branch("feature/CORE-1-x").write("a.txt", "one\nTODO x\n").commit("head");
            String before = gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST)).report().findings()
                    .get(0).fingerprint();
            g.write("a.txt", "zero\none\n\n\nTODO x\n").commit("move it");
            Finding after = gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST)).report().findings()
                    .get(0);
            assertThat(after.location().line()).isEqualTo(5);
            assertThat(after.fingerprint()).isEqualTo(before);
        }
    }

    @Test
    void configOverridesExcludesAndDisabledCheckers() throws Exception {
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            g.branch("feature/CORE-1-x").write("a.txt", "one\nTODO a\n").write("gen/b.txt", "TODO b\n").commit("head");
            Files.writeString(tmp.resolve(".mergegate.yml"),
                    "exclude: ['gen/**']\nrules:\n  branch/invalid-name: warning\n");
            GateOutcome warned = gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST));
            assertThat(warned.report().findings()).extracting(f -> f.location().path() + " " + f.severity())
                    .containsExactly("a.txt WARNING");
            assertThat(warned.exitCode()).as("warnings do not block by default").isZero();
            Files.writeString(tmp.resolve(".mergegate.yml"), "fail-on: warning\nrules:\n  branch/*: warning\n");
            assertThat(gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST)).exitCode()).isEqualTo(1);
            Files.writeString(tmp.resolve(".mergegate.yml"), "rules:\n  branch/invalid-name: off\n");
            assertThat(gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST)).report().findings()).isEmpty();
            Files.writeString(tmp.resolve(".mergegate.yml"), "rules:\n  branch/invalid-nmae: error\n");
            assertThatThrownBy(() -> gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST)))
                    .isInstanceOf(UsageException.class).hasMessageContaining(
                            "rules: 'branch/invalid-nmae' is not a rule of this mergegate")
                    .hasMessageContaining("did you mean 'branch/invalid-name'?");
            Files.writeString(tmp.resolve(".mergegate.yml"), "rules:\n  nosuchfamily/*: off\n");
            assertThatThrownBy(() -> gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST)))
                    .isInstanceOf(UsageException.class).hasMessageContaining("'nosuchfamily/*' is not a rule");
            Files.writeString(tmp.resolve(".mergegate.yml"), "checkers:\n  todo: false\n");
            GateOutcome disabled = gate(new TodoChecker()).run(request(tmp, "main", Mode.PULL_REQUEST));
            assertThat(disabled.report().checkers()).isEmpty();
            assertThat(disabled.exitCode()).isZero();
        }
    }

    /** Reports one finding of a fixed rule and severity under a real checker id, so its config section validates. */
    record OneFinding(String id, String rule, io.mergegate.core.Severity severity) implements Checker {
        @Override
        public String description() {
            return id;
        }

        @Override
        public Set<String> ruleIds() {
            return Set.of(rule);
        }

        @Override
        public List<Finding> check(GateContext ctx) {
            return List.of(ctx.report(rule).at("a.txt", 1, 1).message(id + " finding").build().withSeverity(severity));
        }
    }

    @Test
    void checkerFailOnDecidesForThatCheckersFindingsOnly() throws Exception {
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            g.branch("feature/CORE-1-x").write("a.txt", "two\n").commit("head");
            Checker openapi = new OneFinding("openapi", "openapi/spec-incomplete", io.mergegate.core.Severity.WARNING);
            Checker branch = new OneFinding("branch", "branch/invalid-name", io.mergegate.core.Severity.WARNING);
            java.util.function.Function<String, GateOutcome> run = yml -> {
                try {
                    Files.writeString(tmp.resolve(".mergegate.yml"), yml);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return gate(openapi, branch).run(request(tmp, "main", Mode.PULL_REQUEST));
            };
            GateOutcome raised = run.apply("openapi:\n  fail-on: warning\n");
            assertThat(raised.exitCode()).isEqualTo(1);
            assertThat(raised.report().findings()).filteredOn(raised.report()::isBlocking).extracting(Finding::ruleId)
                    .containsExactly("openapi/spec-incomplete");
            assertThat(raised.report().checkerFailOn()).containsOnlyKeys("openapi");

            GateOutcome lowered = run.apply("fail-on: warning\nopenapi:\n  fail-on: error\n");
            assertThat(lowered.exitCode()).isEqualTo(1);
            assertThat(lowered.report().findings()).filteredOn(lowered.report()::isBlocking).extracting(Finding::ruleId)
                    .containsExactly("branch/invalid-name");

            GateOutcome none = run.apply("fail-on: warning\nopenapi:\n  fail-on: none\nbranch:\n  fail-on: [error]\n");
            assertThat(none.exitCode()).isZero();
            assertThat(none.report().blockingCount()).isZero();

            // a command-line --fail-on replaces every fail-on of the config
            GateOutcome cli = raised.withFailOn(java.util.EnumSet.of(io.mergegate.core.Severity.ERROR));
            assertThat(cli.exitCode()).isZero();
            assertThat(cli.report().checkerFailOn()).isEmpty();
        }
    }

    @Test
    void checkerExceptionFailsClosedWithExitThree() {
        Checker broken = new Checker() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public String description() {
                return "throws";
            }

            @Override
            public Set<String> ruleIds() {
                return Set.of();
            }

            @Override
            public List<Finding> check(GateContext ctx) {
                throw new IllegalStateException("boom");
            }
        };
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            GateOutcome out = gate(broken, new BranchChecker()).run(request(tmp, "main", Mode.PULL_REQUEST));
            assertThat(out.exitCode()).isEqualTo(3);
            assertThat(out.report().findings()).anyMatch(f -> f.ruleId().equals("mergegate/checker-failed")
                    && f.message().equals("Checker `broken` failed: IllegalStateException: boom. The change was not "
                            + "fully checked, so the gate blocks it."));
            assertThat(out.report().checkers()).extracting(r -> r.id() + ":" + r.error())
                    .containsExactly("broken:IllegalStateException: boom", "branch:null");
        }
    }

    @Test
    void consumersRunAfterProducers() {
        List<String> order = new CopyOnWriteArrayList<>();
        Checker producer = new FactChecker("producer", order, Set.of(), Set.of(KnownFacts.API_CHANGES));
        Checker consumer = new FactChecker("consumer", order, Set.of(KnownFacts.API_CHANGES), Set.of());
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            GateOutcome out = gate(consumer, producer).run(request(tmp, "main", Mode.PULL_REQUEST));
            assertThat(order).containsExactly("producer", "consumer:1");
            assertThat(out.exitCode()).isZero();
        }
    }

    record FactChecker(String id, List<String> order, Set<FactKey<?>> consumes, Set<FactKey<?>> produces)
            implements Checker {
        @Override
        public String description() {
            return id;
        }

        @Override
        public Set<String> ruleIds() {
            return Set.of();
        }

        @Override
        public List<Finding> check(GateContext ctx) throws Exception {
            if (produces.isEmpty()) {
                order.add(id + ":" + ctx.facts().all(KnownFacts.API_CHANGES).size());
            } else {
                Thread.sleep(50);
                ctx.facts().publish(KnownFacts.API_CHANGES, new ApiChange(id, "api.yaml", ChangeLevel.MAJOR, "1.0.0",
                        "2.0.0", "removed"));
                order.add(id);
            }
            return List.of();
        }
    }

    @Test
    void userErrorsAreOneLine() throws Exception {
        assertThatThrownBy(() -> gate(new TodoChecker()).run(request(tmp.resolve("missing"), "main", Mode.PULL_REQUEST)))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("repository folder not found: ");
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> gate(new TodoChecker()).run(request(plain, "main", Mode.PULL_REQUEST)))
                .hasMessageStartingWith("not a git repository: ");
        try (TestGit g = new TestGit(tmp.resolve("r"))) {
            g.write("a.txt", "one\n").commit("base");
            assertThatThrownBy(() -> gate(new TodoChecker()).run(request(g.dir, "nope", Mode.PULL_REQUEST)))
                    .hasMessage("unknown revision 'nope'");
            assertThatThrownBy(() -> gate(new TodoChecker()).run(request(g.dir, null, Mode.PULL_REQUEST)))
                    .hasMessageStartingWith("cannot tell what to compare against: pass --base REV");
            GateRequest unknownOnly = request(g.dir, "main", Mode.PULL_REQUEST).withOnly(Set.of("nope"));
            assertThatThrownBy(() -> gate(new TodoChecker()).run(unknownOnly))
                    .hasMessage("unknown checker 'nope' in --only; known checkers: todo");
        }
    }

    @Test
    void baseFromCiEnvironment() {
        try (TestGit g = new TestGit(tmp)) {
            g.write("a.txt", "one\n").commit("base");
            g.branch("feature/CORE-1-x").write("a.txt", "one\nTODO\n").commit("head");
            GateRequest r = new GateRequest(tmp, null, null, Mode.PULL_REQUEST, null, Set.of(), null, null, null, null,
                    Map.of("GITHUB_BASE_REF", "main", "GITHUB_HEAD_REF", "feature/CORE-1-x"), Clock.systemUTC());
            GateOutcome out = gate(new TodoChecker(), new BranchChecker()).run(r);
            assertThat(out.report().findings()).extracting(Finding::ruleId).containsExactly("branch/invalid-name");
            assertThat(out.report().findings().get(0).location().path()).isEqualTo("a.txt");
        }
    }

    @Test
    void shallowCloneWithoutMergeBaseTellsToFetchDeeper() throws Exception {
        Path origin = tmp.resolve("origin");
        try (TestGit g = new TestGit(origin)) {
            for (int i = 0; i < 3; i++) {
                g.write("a.txt", "v" + i + "\n").commit("main " + i);
            }
            g.branch("feature/CORE-1-x");
            for (int i = 0; i < 3; i++) {
                g.write("b.txt", "v" + i + "\n").commit("pr " + i);
            }
        }
        Path clone = tmp.resolve("clone");
        Process p = new ProcessBuilder("git", "clone", "-q", "--depth", "1", "--no-single-branch",
                origin.toUri().toString(), clone.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        new ProcessBuilder("git", "-C", clone.toString(), "checkout", "-q", "feature/CORE-1-x").start().waitFor();
        assertThatThrownBy(() -> gate(new TodoChecker()).run(request(clone, "origin/main", Mode.PULL_REQUEST)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("shallow")
                .hasMessageContaining("git fetch --unshallow");
    }
}
