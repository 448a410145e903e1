package io.mergegate.reports.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.json.Json;
import io.mergegate.reports.Goldens;
import io.mergegate.reports.TestReports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private final JsonWriter writer = new JsonWriter();

    @Test
    void output_matches_the_golden_file() throws Exception {
        Goldens.assertMatches("failing.json", writer.render(TestReports.failing()));
        Goldens.assertMatches("crashed.json", writer.render(TestReports.checkerFailed()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void findings_carry_blocking_flag_location_and_suppression() {
        Map<String, Object> json = (Map<String, Object>) Json.parse(writer.render(TestReports.failing()));
        assertThat(json.keySet()).containsExactly("schemaVersion", "tool", "verdict", "base", "head", "headCommit", "counts",
                "checkers", "findings");
        assertThat(json.get("verdict")).isEqualTo(Map.of("passed", false, "exitCode", 1L, "blocking", 3L, "failOn", List.of("error"),
                "checkerFailOn", Map.of()));
        assertThat(json.get("counts")).isEqualTo(Map.of("error", 3L, "warning", 1L, "note", 1L, "suppressed", 2L));
        List<Map<String, Object>> findings = (List<Map<String, Object>>) json.get("findings");
        assertThat(findings).hasSize(7);
        assertThat(findings.get(0)).containsEntry("blocking", false).containsEntry("path", "api/openapi.yaml")
                .containsEntry("region", Map.of("startLine", 42L, "startColumn", 7L, "endLine", 42L, "endColumn", 20L))
                .containsEntry("suppression", null);
        assertThat(findings.get(2)).containsEntry("suppression", Map.of("kind", "inline", "justification", "test fixture, not a real key"));
        assertThat(findings.get(4)).containsEntry("blocking", true).containsEntry("message", TestReports.NASTY);
        assertThat(findings.get(6)).containsEntry("path", null).containsEntry("region", null).containsEntry("logical", "pull request");
    }
}
