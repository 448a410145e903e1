package io.mergegate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.ApiChange;
import io.mergegate.core.spi.ChangeLevel;
import io.mergegate.core.spi.Checker;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.Facts;
import io.mergegate.core.spi.KnownFacts;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.PullRequest;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.rules.RuleCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns {@code fixtures/<family>/<rule>/<case>/} folders into dynamic tests for one checker:
 * one test per case, plus "base compared with itself gives no file findings" for every case with a base.
 * No Java per rule: a {@code @TestFactory} returns {@link #dynamicTests}.
 */
public final class FixtureHarness {

    /** The date rules see unless case.yaml sets {@code today}. */
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 6, 1);

    private FixtureHarness() {
    }

    /** All cases under the given families, sorted by path. */
    public static List<FixtureCase> cases(Collection<String> families) {
        List<FixtureCase> out = new ArrayList<>();
        for (String family : families) {
            Path dir = FixturePaths.fixtures().resolve(family);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> rules = Files.list(dir)) {
                for (Path rule : rules.filter(Files::isDirectory).sorted().toList()) {
                    try (Stream<Path> cases = Files.list(rule)) {
                        cases.filter(Files::isDirectory).sorted().forEach(c -> out.add(FixtureCase.load(c)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Dynamic tests for every case of the families, run with a fresh checker each. */
    public static Stream<DynamicNode> dynamicTests(Collection<String> families, Supplier<? extends Checker> checker) {
        return dynamicTests(families, checker, ContentTransform.NONE);
    }

    /**
     * Dynamic tests whose fixture files go through a transform before the checker sees them (e.g. the
     * secret checker expands {@code {{fake:…}}} placeholders into generated credentials).
     */
    public static Stream<DynamicNode> dynamicTests(Collection<String> families, Supplier<? extends Checker> checker,
            ContentTransform transform) {
        List<DynamicNode> nodes = new ArrayList<>();
        for (FixtureCase c : cases(families)) {
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("expected findings", () -> verify(c, checker.get(), transform)));
            if (Files.isDirectory(c.base())) {
                tests.add(DynamicTest.dynamicTest("base against itself",
                        () -> verifyIdentity(c, checker.get(), transform)));
            }
            nodes.add(DynamicContainer.dynamicContainer(c.displayName(), tests.stream()));
        }
        assertThat(nodes).as("fixture cases for %s", families).isNotEmpty();
        return nodes.stream();
    }

    /** Runs the checker on a case and returns its findings (also used by benchmarks and custom tests). */
    public static List<Finding> run(FixtureCase c, Checker checker) throws Exception {
        return run(c, checker, ContentTransform.NONE);
    }

    /** Runs the checker on a case whose files go through the transform first. */
    public static List<Finding> run(FixtureCase c, Checker checker, ContentTransform transform) throws Exception {
        SourceTree base = Files.isDirectory(c.base()) ? new DirectorySourceTree(c.base(), "base") : SourceTree.empty("base");
        SourceTree head = Files.isDirectory(c.head()) ? new DirectorySourceTree(c.head(), "head") : SourceTree.empty("head");
        return run(c, checker, transform.tree(base), transform.tree(head));
    }

    static List<Finding> run(FixtureCase c, Checker checker, SourceTree base, SourceTree head) throws Exception {
        Map<String, Object> o = c.options();
        Facts facts = new Facts();
        if (o.get("facts") instanceof Map<?, ?> f && f.get("api-changes") instanceof List<?> changes) {
            for (Object x : changes) {
                Map<?, ?> m = (Map<?, ?>) x;
                facts.publish(KnownFacts.API_CHANGES, new ApiChange(str(m.get("checker"), "openapi"),
                        str(m.get("path"), "api.yaml"), ChangeLevel.parse(str(m.get("level"), "NONE")).orElseThrow(),
                        str(m.get("old-version"), null), str(m.get("new-version"), null), str(m.get("summary"), "")));
            }
        }
        SimpleGateContext ctx = new SimpleGateContext(mode(o), base, head, null, null, pullRequest(o), sections(o),
                checker.id(), facts, TestRules.catalog(), clock(o), env(o));
        return checker.check(ctx);
    }

    private static Mode mode(Map<String, Object> o) {
        Object m = o.get("mode");
        return m == null ? Mode.PULL_REQUEST : Mode.valueOf(String.valueOf(m).toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, CheckerConfig> sections(Map<String, Object> o) {
        Map<String, CheckerConfig> out = new HashMap<>();
        if (o.get("config") instanceof Map<?, ?> cfg) {
            cfg.forEach((k, v) -> {
                if (v instanceof Map<?, ?> m) {
                    out.put(String.valueOf(k), new CheckerConfig((Map<String, ?>) m));
                }
            });
        }
        return out;
    }

    private static PullRequest pullRequest(Map<String, Object> o) {
        Map<?, ?> pr = o.get("pr") instanceof Map<?, ?> m ? m : Map.of();
        String branch = str(o.get("branch"), null);
        List<String> labels = new ArrayList<>();
        if (pr.get("labels") instanceof List<?> l) {
            l.forEach(x -> labels.add(String.valueOf(x)));
        }
        boolean hasMeta = pr.containsKey("title") || pr.containsKey("body");
        return new PullRequest(branch, branch == null ? null : "fixture",
                branch == null ? str(o.get("branch-problem"), "no branch in case.yaml") : null,
                str(o.get("target"), null), str(pr.get("title"), null),
                pr.containsKey("body") ? Objects.toString(pr.get("body"), "") : null, labels,
                Boolean.TRUE.equals(pr.get("draft")), Boolean.TRUE.equals(pr.get("truncated")),
                hasMeta ? str(pr.get("source"), "fixture") : null);
    }

    private static Clock clock(Map<String, Object> o) {
        Object t = o.get("today");
        // YAML reads an unquoted 2026-12-01 as a timestamp
        LocalDate today = t == null ? DEFAULT_TODAY : t instanceof java.util.Date d
                ? LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC) : LocalDate.parse(String.valueOf(t));
        return Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    private static Map<String, String> env(Map<String, Object> o) {
        Map<String, String> out = new HashMap<>();
        if (o.get("env") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    private static String str(Object o, String fallback) {
        return o == null ? fallback : String.valueOf(o);
    }

    static void verify(FixtureCase c, Checker checker) throws Exception {
        verify(c, checker, ContentTransform.NONE);
    }

    static void verify(FixtureCase c, Checker checker, ContentTransform transform) throws Exception {
        List<Finding> actual = run(c, checker, transform);
        assertDeclared(checker, actual);
        if (c.isPositive()) {
            assertThat(actual).as("%s: a positive case must report %s", c.displayName(), c.ruleId())
                    .anyMatch(f -> f.ruleId().equals(c.ruleId()));
        } else if (c.expected().stream().noneMatch(e -> c.ruleId().equals(e.rule()))) {
            assertThat(actual).as("%s: a negative case must not report %s", c.displayName(), c.ruleId())
                    .noneMatch(f -> f.ruleId().equals(c.ruleId()));
        }
        List<Finding> unmatched = new ArrayList<>(actual);
        for (FixtureCase.Expected e : c.expected()) {
            Finding hit = unmatched.stream().filter(f -> matches(e, f)).findFirst().orElse(null);
            assertThat(hit).as("%s: expected %s\nactual:\n%s", c.displayName(), e, render(actual)).isNotNull();
            unmatched.remove(hit);
        }
        if (c.exact()) {
            assertThat(unmatched).as("%s: unexpected findings\n%s", c.displayName(), render(unmatched)).isEmpty();
        }
    }

    static void verifyIdentity(FixtureCase c, Checker checker) throws Exception {
        verifyIdentity(c, checker, ContentTransform.NONE);
    }

    static void verifyIdentity(FixtureCase c, Checker checker, ContentTransform transform) throws Exception {
        SourceTree base = transform.tree(new DirectorySourceTree(c.base(), "base"));
        List<Finding> actual = run(c, checker, base, base).stream()
                .filter(f -> f.location().path() != null).toList();
        assertThat(actual).as("%s: base compared with itself must give no file findings\n%s", c.displayName(),
                render(actual)).isEmpty();
    }

    /** Every emitted rule id must be declared by the checker and present in the catalogue. */
    public static void assertDeclared(Checker checker, List<Finding> findings) {
        for (Finding f : findings) {
            assertThat(checker.ruleIds()).as("rule ids declared by checker %s", checker.id()).contains(f.ruleId());
            assertThat(TestRules.catalog().find(f.ruleId())).as("catalogue entry for %s", f.ruleId()).isPresent();
        }
    }

    static boolean matches(FixtureCase.Expected e, Finding f) {
        if (e.rule() != null && !e.rule().equals(f.ruleId())) {
            return false;
        }
        if (e.file() != null) {
            String want = e.file().equals("-") ? null : e.file();
            if (!Objects.equals(want, f.location().path())) {
                return false;
            }
        }
        if (e.line() > 0 && e.line() != f.location().line()) {
            return false;
        }
        if (e.column() > 0 && e.column() != f.location().column()) {
            return false;
        }
        if (e.logical() != null && !e.logical().equals(f.location().logical())) {
            return false;
        }
        if (e.severity() != null && !e.severity().equals(f.severity().id())) {
            return false;
        }
        return e.message() == null || f.message().contains(e.message());
    }

    public static String render(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append("  ").append(f.ruleId()).append(' ').append(f.severity().id()).append(' ')
                    .append(Objects.toString(f.location().path(), "-")).append(':').append(f.location().line())
                    .append(':').append(f.location().column())
                    .append(f.location().logical() == null ? "" : " [" + f.location().logical() + "]")
                    .append(' ').append(f.message()).append('\n');
        }
        return sb.toString();
    }
}
