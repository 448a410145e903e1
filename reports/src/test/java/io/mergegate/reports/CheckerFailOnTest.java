package io.mergegate.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.core.json.Json;
import io.mergegate.reports.console.ConsoleWriter;
import io.mergegate.reports.json.JsonWriter;
import io.mergegate.reports.junit.JUnitWriter;
import io.mergegate.reports.markdown.MarkdownSummary;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code openapi.fail-on: warning}: the openapi warning blocks, the other checkers keep {@code fail-on: error}. */
class CheckerFailOnTest {

    /** The failing report without its suppressed and PR-level findings, so only the openapi warning could block. */
    private static RunReport report() {
        List<Finding> findings = TestReports.findings().stream()
                .filter(f -> f.ruleId().startsWith("openapi/") || f.ruleId().equals("branch/invalid-name"))
                .map(f -> f.ruleId().startsWith("branch/") ? f.withSeverity(Severity.WARNING) : f).toList();
        return new RunReport(TestReports.VERSION, TestReports.rules(), findings, TestReports.checkers(),
                EnumSet.of(Severity.ERROR), Map.of("openapi", EnumSet.of(Severity.ERROR, Severity.WARNING)), "abc1234",
                "def5678", TestReports.HEAD, 1);
    }

    @Test
    void only_the_checkers_own_findings_follow_its_fail_on() {
        RunReport r = report();
        assertThat(r.findings()).filteredOn(r::isBlocking).extracting(Finding::ruleId)
                .containsExactly("openapi/property-removed");
        assertThat(r.blockingCount()).isEqualTo(1);
    }

    @Test
    void console_and_markdown_verdicts_name_the_checker_setting() {
        String verdict = "FAILED: 1 blocking finding (fail-on: error; openapi.fail-on: error, warning)";
        String[] lines = new ConsoleWriter().render(report()).split("\n");
        assertThat(lines[lines.length - 2]).startsWith(verdict + " · 0 errors, 2 warnings, 1 note");
        String md = new MarkdownSummary().render(report());
        assertThat(md).contains(verdict).contains("| openapi | ❌ 1 blocking |")
                .contains("| warning (blocking) | `openapi/property-removed`");
    }

    @Test
    @SuppressWarnings("unchecked")
    void json_lists_the_checker_setting_and_marks_the_warning_blocking() {
        Map<String, Object> json = (Map<String, Object>) Json.parse(new JsonWriter().render(report()));
        Map<String, Object> verdict = (Map<String, Object>) json.get("verdict");
        assertThat(verdict).containsEntry("failOn", List.of("error"))
                .containsEntry("checkerFailOn", Map.of("openapi", List.of("error", "warning")))
                .containsEntry("blocking", 1L);
        List<Map<String, Object>> findings = (List<Map<String, Object>>) json.get("findings");
        assertThat(findings).filteredOn(f -> Boolean.TRUE.equals(f.get("blocking"))).extracting(f -> f.get("ruleId"))
                .containsExactly("openapi/property-removed");
    }

    @Test
    void junit_fails_the_openapi_testcase() {
        String xml = new JUnitWriter().render(report());
        assertThat(xml).containsPattern("<testcase [^>]*name=\"openapi/property-removed\"[^>]*>\\s*<failure");
        assertThat(xml).doesNotContainPattern("<testcase [^>]*name=\"branch/invalid-name\"[^>]*>\\s*<failure");
    }
}
