package io.mergegate.checkers.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.reports.ReportWriter;
import io.mergegate.reports.codequality.CodeQualityWriter;
import io.mergegate.reports.console.ConsoleWriter;
import io.mergegate.reports.github.GitHubAnnotations;
import io.mergegate.reports.json.JsonWriter;
import io.mergegate.reports.junit.JUnitWriter;
import io.mergegate.reports.markdown.MarkdownSummary;
import io.mergegate.reports.sarif.SarifWriter;
import io.mergegate.testkit.TestRules;
import java.util.Set;
import io.mergegate.testkit.FixtureCase;
import io.mergegate.testkit.FixtureHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs every secrets fixture and greps everything a finding carries for the planted values. */
class RedactionTest {

    /** Eight characters from the middle: random for every kind (PEM headers and token prefixes are public). */
    private static String middle(String secret) {
        int mid = secret.length() / 2;
        return secret.substring(mid - 4, mid + 4);
    }

    private static List<Finding> allFixtureFindings() throws Exception {
        List<Finding> all = new ArrayList<>();
        for (FixtureCase c : FixtureHarness.cases(List.of("secrets"))) {
            all.addAll(FixtureHarness.run(c, new SecretsChecker(), FakeSecrets::expand));
        }
        return all;
    }

    @Test
    void no_report_format_carries_a_planted_value() throws Exception {
        List<Finding> all = allFixtureFindings();
        List<RuleDescriptor> rules = TestRules.catalog().all().stream()
                .filter(r -> r.id().startsWith("secrets/")).toList();
        RunReport report = new RunReport("test", rules, all, List.of(new RunReport.CheckerRun("secrets", "secrets",
                rules.stream().map(RuleDescriptor::id).toList(), 1, null)), Set.of(Severity.ERROR), "base", "head", null, 1);
        List<ReportWriter> writers = List.of(new SarifWriter(), new JUnitWriter(), new ConsoleWriter(),
                new MarkdownSummary(), new CodeQualityWriter(), new GitHubAnnotations(), new JsonWriter());
        List<String> planted = FakeSecrets.PLANTED.stream().filter(v -> v.length() >= 8).toList();
        for (ReportWriter w : writers) {
            String text = w.render(report);
            assertThat(text).as("%s output", w.getClass().getSimpleName()).contains("secrets/");
            for (String secret : planted) {
                assertThat(text).as("%s output", w.getClass().getSimpleName()).doesNotContain(secret)
                        .doesNotContain(middle(secret));
            }
        }
    }

    @Test
    void no_finding_of_any_fixture_carries_a_planted_value() throws Exception {
        List<Finding> all = allFixtureFindings();
        assertThat(all).hasSizeGreaterThan(50);
        List<String> planted = FakeSecrets.PLANTED.stream().filter(v -> v.length() >= 8).toList();
        assertThat(planted).hasSizeGreaterThan(50);
        for (Finding f : all) {
            StringBuilder carried = new StringBuilder(f.message()).append('\n').append(f.fingerprint()).append('\n')
                    .append(f.location()).append('\n');
            for (Map.Entry<String, String> p : f.properties().entrySet()) {
                carried.append(p.getKey()).append('=').append(p.getValue()).append('\n');
            }
            for (String secret : planted) {
                assertThat(carried.toString()).as("finding %s %s", f.ruleId(), f.location())
                        .doesNotContain(secret)
                        .doesNotContain(middle(secret));
            }
            assertThat(f.properties().getOrDefault("secret-prefix", "")).hasSizeLessThanOrEqualTo(4);
        }
    }
}
