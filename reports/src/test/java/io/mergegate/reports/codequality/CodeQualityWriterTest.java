package io.mergegate.reports.codequality;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.Location;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.core.json.Json;
import io.mergegate.reports.Goldens;
import io.mergegate.reports.TestReports;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeQualityWriterTest {

    private final CodeQualityWriter writer = new CodeQualityWriter();

    @Test
    void output_matches_the_golden_file() throws Exception {
        Goldens.assertMatches("failing-codequality.json", writer.render(TestReports.failing()));
    }

    @Test
    void every_issue_has_the_fields_gitlab_reads() {
        List<Map<String, Object>> issues = parse(TestReports.failing());
        // suppressed findings are left out
        assertThat(issues).hasSize(5);
        for (Map<String, Object> issue : issues) {
            assertThat(issue.keySet()).containsExactly("description", "check_name", "fingerprint", "severity", "location");
            assertThat((String) issue.get("description")).isNotBlank();
            assertThat((String) issue.get("fingerprint")).matches("[0-9a-f]{32}");
            assertThat(map(issue.get("location")).keySet()).containsExactly("path", "lines");
            assertThat(((Number) map(map(issue.get("location")).get("lines")).get("begin")).intValue()).isPositive();
        }
        Map<String, Object> first = issues.get(0);
        assertThat(first).containsEntry("description", "Response property `email` of GET /users was removed.")
                .containsEntry("check_name", "openapi/property-removed").containsEntry("severity", "minor")
                .containsEntry("location", Map.of("path", "api/openapi.yaml", "lines", Map.of("begin", 42L)));
        assertThat(issues.get(1)).containsEntry("severity", "info")
                .containsEntry("location", Map.of("path", "api/openapi.yaml", "lines", Map.of("begin", 1L)));
        assertThat(issues.get(2)).containsEntry("check_name", "secrets/aws-access-key").containsEntry("severity", "blocker")
                .containsEntry("description", "Key \"AKIA…\" in <b>x</b> & 100% sure, a:b,c second line\u0020and ]]> \\u001b[31mred".replace("line\u0020and", "line and"))
                .containsEntry("location", Map.of("path", "src/weird dir/naïve,file:name%.txt", "lines", Map.of("begin", 7L)));
        assertThat(issues.get(3)).containsEntry("severity", "major")
                .containsEntry("location", Map.of("path", ".mergegate.yml", "lines", Map.of("begin", 1L)));
        assertThat((String) issues.get(3).get("description")).startsWith("branch: Branch `Feature/core-12`");
        assertThat((String) issues.get(4).get("description")).startsWith("pull request: The title");
    }

    @Test
    void fingerprints_are_stable_and_unique_even_when_findings_share_one() {
        String fp = "00112233445566778899aabbccddeeff";
        List<Finding> fs = List.of(
                TestReports.finding("secrets/aws-access-key", Severity.ERROR, "one", Location.of("a.txt", 1, 1), fp),
                TestReports.finding("secrets/aws-access-key", Severity.ERROR, "two", Location.of("b.txt", 2, 1), fp));
        RunReport r = new RunReport("1", TestReports.rules(), fs, TestReports.checkers(), Set.of(Severity.ERROR), "a", "b", null, 1);
        List<Map<String, Object>> issues = parse(r);
        assertThat(issues.get(0).get("fingerprint")).isNotEqualTo(issues.get(1).get("fingerprint"));
        assertThat(parse(r)).isEqualTo(issues);
        List<Map<String, Object>> all = parse(TestReports.failing());
        assertThat(all.stream().map(i -> i.get("fingerprint")).distinct()).hasSize(all.size());
    }

    @Test
    void severity_mapping() {
        assertThat(CodeQualityWriter.severity(f("pr/missing-ticket", Severity.ERROR))).isEqualTo("major");
        assertThat(CodeQualityWriter.severity(f("pr/missing-ticket", Severity.WARNING))).isEqualTo("minor");
        assertThat(CodeQualityWriter.severity(f("pr/missing-ticket", Severity.NOTE))).isEqualTo("info");
        assertThat(CodeQualityWriter.severity(f("secrets/aws-access-key", Severity.ERROR))).isEqualTo("blocker");
        assertThat(CodeQualityWriter.severity(f("secrets/aws-access-key", Severity.WARNING))).isEqualTo("blocker");
        assertThat(CodeQualityWriter.severity(f("secrets/aws-access-key", Severity.NOTE))).isEqualTo("info");
    }

    @Test
    void a_clean_run_is_an_empty_array_and_the_anchor_is_configurable() {
        assertThat(writer.render(TestReports.passing())).isEqualTo("[]\n");
        List<Map<String, Object>> issues = parse(new CodeQualityWriter("./ci/gate.yml"), TestReports.failing());
        assertThat(map(issues.get(4).get("location")).get("path")).isEqualTo("ci/gate.yml");
    }

    private static Finding f(String rule, Severity s) {
        return TestReports.finding(rule, s, "m", Location.of("a", 1, 1), null);
    }

    private List<Map<String, Object>> parse(RunReport r) {
        return parse(writer, r);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(CodeQualityWriter w, RunReport r) {
        return (List<Map<String, Object>>) Json.parse(w.render(r));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
