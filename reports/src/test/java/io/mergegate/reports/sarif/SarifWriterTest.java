package io.mergegate.reports.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.Location;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.core.json.Json;
import io.mergegate.reports.Goldens;
import io.mergegate.reports.SharedTools;
import io.mergegate.reports.TestReports;
import io.mergegate.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifWriterTest {

    private final SarifWriter writer = new SarifWriter(SarifWriter.Options.defaults().withCategory("mergegate"));

    @TempDir
    Path tmp;

    @Test
    void every_sarif_the_tests_produce_passes_the_strict_validator() throws Exception {
        Path failing = write("failing.sarif", writer, TestReports.failing());
        Path passing = write("passing.sarif", new SarifWriter(), TestReports.passing());
        Path crashed = write("crashed.sarif", writer, TestReports.checkerFailed());
        Path duplicates = write("duplicates.sarif", writer, duplicateFingerprints());
        Path catalogue = write("catalogue.sarif", writer, realCatalogue());
        Path truncated = write("truncated.sarif", new SarifWriter(SarifWriter.Options.defaults().withMaxResults(2)), TestReports.failing());
        String out = SharedTools.validate("validate-sarif.sh", List.of("--strict"), failing, passing, crashed, duplicates, catalogue, truncated);
        assertThat(out).contains("6 file(s), 0 error(s), 0 warning(s)");
    }

    /** One finding per rule of the real catalogue, so real help texts meet GitHub's limits too. */
    private static RunReport realCatalogue() {
        List<RuleDescriptor> catalogue = List.copyOf(RuleCatalog.builtIn().all());
        assertThat(catalogue).isNotEmpty();
        List<Finding> findings = catalogue.stream()
                .map(r -> TestReports.finding(r.id(), r.defaultSeverity(), "Example finding of " + r.id() + ".",
                        r.family().equals("branch") ? Location.logical("branch") : Location.of("src/" + r.name() + ".txt", 3, 2), null))
                .toList();
        return new RunReport("0.1.0-SNAPSHOT", catalogue, findings, List.of(), Set.of(Severity.ERROR), "a", "b", null, 1);
    }

    @Test
    void output_matches_the_golden_file_and_is_byte_identical_across_runs() throws Exception {
        String first = writer.render(TestReports.failing());
        String second = new SarifWriter(SarifWriter.Options.defaults().withCategory("mergegate")).render(TestReports.failing());
        assertThat(first).isEqualTo(second);
        Goldens.assertMatches("failing.sarif", first);
    }

    @Test
    void driver_lists_every_rule_with_the_metadata_github_shows() {
        Map<String, Object> driver = driver(sarif(TestReports.failing()));
        assertThat(driver).containsEntry("name", "mergegate").containsEntry("version", TestReports.VERSION)
                .containsEntry("semanticVersion", TestReports.VERSION).containsKey("informationUri");
        List<Map<String, Object>> rules = list(driver.get("rules"));
        assertThat(rules).extracting(r -> r.get("id")).containsExactly("branch/invalid-name", "branch/invalid-target",
                "branch/old-name", "openapi/enum-value-added", "openapi/property-removed", "pr/missing-ticket",
                "secrets/aws-access-key");
        Map<String, Object> removed = rules.get(4);
        assertThat(removed).containsEntry("name", "OpenapiPropertyRemoved")
                .containsEntry("shortDescription", Map.of("text", "A response property was removed."))
                .containsEntry("fullDescription", Map.of("text", "Clients that read email break."))
                .containsEntry("helpUri", "https://github.com/mergegate/mergegate/blob/main/docs/rules/openapi/property-removed.md")
                .containsEntry("defaultConfiguration", Map.of("level", "warning"))
                .containsEntry("properties", Map.of("tags", List.of("api", "breaking")));
        assertThat(map(removed.get("help")).get("markdown").toString()).startsWith("## Why\nClients that read `email` break.");
        assertThat(map(removed.get("help")).get("text").toString()).startsWith("Why\nClients that read email break.");
        assertThat(rules.get(0)).containsEntry("deprecatedIds", List.of("branch/old-name"));
        assertThat(rules.get(2)).containsEntry("defaultConfiguration", Map.of("enabled", false, "level", "warning"));
        assertThat(map(rules.get(1).get("help"))).containsEntry("text", "The branch may not merge into this target.");
    }

    @Test
    void results_point_at_repository_relative_files_with_regions_and_fingerprints() {
        List<Map<String, Object>> results = results(sarif(TestReports.failing()));
        assertThat(results).hasSize(7);
        Map<String, Object> first = results.get(0);
        assertThat(first).containsEntry("ruleId", "openapi/property-removed").containsEntry("ruleIndex", 4L)
                .containsEntry("level", "warning")
                .containsEntry("message", Map.of("text", "Response property `email` of GET /users was removed."))
                .containsEntry("properties", Map.of("operation", "GET /users"))
                .doesNotContainKey("suppressions");
        Map<String, Object> loc = map(list(first.get("locations")).get(0));
        Map<String, Object> physical = map(loc.get("physicalLocation"));
        assertThat(physical.get("artifactLocation")).isEqualTo(Map.of("uri", "api/openapi.yaml", "uriBaseId", "%SRCROOT%"));
        assertThat(physical.get("region")).isEqualTo(Map.of("startLine", 42L, "startColumn", 7L, "endColumn", 20L));
        assertThat(list(loc.get("logicalLocations"))).containsExactly(Map.of("name", "/paths/~1users/get/responses/200/email",
                "fullyQualifiedName", "/paths/~1users/get/responses/200/email"));
        Finding f = TestReports.findings().get(0);
        assertThat(first.get("partialFingerprints")).isEqualTo(Map.of("mergegate/v1", f.fingerprint(),
                "primaryLocationLineHash", f.fingerprint().substring(0, 16) + ":1"));
        // no region: the whole file, anchored at line 1; no column is invented
        assertThat(map(map(list(results.get(1).get("locations")).get(0)).get("physicalLocation")).get("region"))
                .isEqualTo(Map.of("startLine", 1L));
        // special characters in a path are percent-encoded; ':' cannot be mistaken for a scheme
        assertThat(map(map(map(list(results.get(4).get("locations")).get(0)).get("physicalLocation")).get("artifactLocation")))
                .containsEntry("uri", "src/weird%20dir/na%C3%AFve,file%3Aname%25.txt");
        assertThat(map(results.get(4).get("message")).get("text")).isEqualTo(TestReports.NASTY);
    }

    @Test
    void findings_without_a_path_are_anchored_at_the_config_and_keep_their_logical_location() {
        SarifWriter w = new SarifWriter(SarifWriter.Options.defaults().withAnchorPath("./ci/gate.yml"));
        Map<String, Object> result = results(map(Json.parse(w.render(TestReports.failing())))).get(6);
        assertThat(result).containsEntry("ruleId", "pr/missing-ticket");
        Map<String, Object> loc = map(list(result.get("locations")).get(0));
        assertThat(map(loc.get("physicalLocation"))).isEqualTo(Map.of(
                "artifactLocation", Map.of("uri", "ci/gate.yml", "uriBaseId", "%SRCROOT%"), "region", Map.of("startLine", 1L)));
        assertThat(list(loc.get("logicalLocations"))).containsExactly(Map.of("name", "pull request", "fullyQualifiedName", "pull request"));
        assertThat(map(loc.get("message")).get("text").toString()).contains("concerns the pull request");
    }

    @Test
    void suppressed_findings_carry_suppressions_with_kind_and_justification() {
        List<Map<String, Object>> results = results(sarif(TestReports.failing()));
        assertThat(results.get(2).get("suppressions")).isEqualTo(List.of(Map.of("kind", "inSource", "status", "accepted",
                "justification", "test fixture, not a real key")));
        assertThat(results.get(3).get("suppressions")).isEqualTo(List.of(Map.of("kind", "external", "status", "accepted",
                "justification", "in the baseline since 2026-01-05")));
    }

    @Test
    void run_carries_category_base_ids_and_no_volatile_data() throws Exception {
        Map<String, Object> run = run(sarif(TestReports.failing()));
        assertThat(run).containsEntry("automationDetails", Map.of("id", "mergegate/"))
                .containsEntry("columnKind", "utf16CodeUnits");
        assertThat(map(run.get("originalUriBaseIds"))).containsKey("%SRCROOT%");
        assertThat(list(run.get("invocations"))).containsExactly(Map.of("executionSuccessful", true));
        assertThat(new SarifWriter().toSarif(TestReports.failing()).toString()).doesNotContain("automationDetails");
        String text = writer.render(TestReports.failing());
        assertThat(text).doesNotContain("startTimeUtc", "endTimeUtc", "snippet", tmp.toString(), "\r\n");
    }

    @Test
    void a_crashed_checker_is_an_unsuccessful_invocation_and_unknown_rule_ids_get_a_descriptor() {
        Map<String, Object> log = sarif(TestReports.checkerFailed());
        Map<String, Object> invocation = map(list(run(log).get("invocations")).get(0));
        assertThat(invocation).containsEntry("executionSuccessful", false);
        assertThat(list(invocation.get("toolExecutionNotifications"))).hasSize(1);
        List<Map<String, Object>> rules = list(driver(log).get("rules"));
        assertThat(rules).extracting(r -> r.get("id")).contains("mergegate/checker-failed");
        Map<String, Object> result = results(log).get(0);
        assertThat(rules.get(((Number) result.get("ruleIndex")).intValue())).containsEntry("id", "mergegate/checker-failed");
    }

    @Test
    void above_the_result_limit_the_most_important_findings_are_kept_in_order_and_the_rest_counted() {
        SarifWriter small = new SarifWriter(SarifWriter.Options.defaults().withMaxResults(3));
        Map<String, Object> log = map(Json.parse(small.render(TestReports.failing())));
        assertThat(results(log)).extracting(r -> map(r.get("message")).get("text").toString())
                .containsExactly(TestReports.NASTY, TestReports.findings().get(5).message(), TestReports.findings().get(6).message());
        Map<String, Object> invocation = map(list(run(log).get("invocations")).get(0));
        assertThat(invocation).containsEntry("executionSuccessful", true);
        assertThat(map(map(list(invocation.get("toolExecutionNotifications")).get(0)).get("message")).get("text").toString())
                .startsWith("4 less severe findings are left out");
        assertThat(results(sarif(TestReports.failing()))).hasSize(7);
    }

    @Test
    void identical_fingerprints_get_distinct_line_hashes() {
        List<Map<String, Object>> results = results(sarif(duplicateFingerprints()));
        assertThat(results).extracting(r -> map(r.get("partialFingerprints")).get("primaryLocationLineHash"))
                .containsExactly("00112233445566778899aabbccddeeff".substring(0, 16) + ":1",
                        "00112233445566778899aabbccddeeff".substring(0, 16) + ":2");
    }

    private static RunReport duplicateFingerprints() {
        String fp = "00112233445566778899aabbccddeeff";
        List<Finding> fs = List.of(
                TestReports.finding("secrets/aws-access-key", Severity.ERROR, "one", Location.of("a.txt", 1, 1), fp),
                TestReports.finding("secrets/aws-access-key", Severity.ERROR, "two", Location.of("b.txt", 2, 1), fp));
        return new RunReport("0.1.0-SNAPSHOT", TestReports.rules(), fs, TestReports.checkers(), Set.of(Severity.ERROR),
                "a", "b", null, 1);
    }

    private Path write(String name, SarifWriter w, RunReport report) throws Exception {
        Path file = tmp.resolve(name);
        w.write(report, file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(w.render(report));
        return file;
    }

    private Map<String, Object> sarif(RunReport report) {
        // through text and back, so the assertions see what a consumer parses
        return map(Json.parse(writer.render(report)));
    }

    private static Map<String, Object> run(Map<String, Object> log) {
        return map(list(log.get("runs")).get(0));
    }

    private static Map<String, Object> driver(Map<String, Object> log) {
        return map(map(run(log).get("tool")).get("driver"));
    }

    private static List<Map<String, Object>> results(Map<String, Object> log) {
        return list(run(log).get("results"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object o) {
        return (List<T>) o;
    }
}
