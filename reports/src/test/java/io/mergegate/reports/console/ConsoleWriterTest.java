package io.mergegate.reports.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.reports.Goldens;
import io.mergegate.reports.TestReports;
import org.junit.jupiter.api.Test;

class ConsoleWriterTest {

    @Test
    void plain_output_matches_the_golden_file() throws Exception {
        String text = new ConsoleWriter().render(TestReports.failing());
        Goldens.assertMatches("failing-console.txt", text);
        assertThat(text).doesNotContain("\u001b");
    }

    @Test
    void lines_are_path_line_col_severity_rule_message_grouped_by_file() {
        String text = new ConsoleWriter().render(TestReports.failing());
        assertThat(text).contains("api/openapi.yaml:42:7 warning openapi/property-removed Response property `email` of GET /users was removed.\n"
                + "api/openapi.yaml note openapi/enum-value-added Enum value `PENDING` was added to `status`.\n\n");
        assertThat(text).contains("\npull request\n  branch: error branch/invalid-name Branch `Feature/core-12`")
                .contains("\n  error pr/missing-ticket The title `Fix | stuff <b>` names no ticket.\n");
        assertThat(text).contains("src/Main.java:10:3 error secrets/aws-access-key AWS access key (fingerprint 3f2a…) added."
                + " [suppressed (inline): test fixture, not a real key]");
    }

    @Test
    void ends_with_a_verdict_and_per_checker_timings() {
        String[] lines = new ConsoleWriter().render(TestReports.failing()).split("\n");
        assertThat(lines[lines.length - 2]).isEqualTo(
                "FAILED: 3 blocking findings (fail-on: error) · 3 errors, 1 warning, 1 note, 2 suppressed");
        assertThat(lines[lines.length - 1]).isEqualTo("timings: branch 0.012 s, openapi 0.340 s, pr 0.003 s, secrets 1.234 s");
        String[] ok = new ConsoleWriter().render(TestReports.passing()).split("\n");
        assertThat(ok).hasSize(2);
        assertThat(ok[0]).isEqualTo("PASSED: nothing blocks the merge (fail-on: error) · 0 errors, 0 warnings, 0 notes, 0 suppressed");
    }

    @Test
    void repository_text_cannot_inject_terminal_control_sequences() {
        String text = new ConsoleWriter().render(TestReports.failing());
        assertThat(text).contains("src/weird dir/naïve,file:name%.txt:7 error secrets/aws-access-key Key \"AKIA…\" in <b>x</b> & 100% sure, "
                + "a:b,c second line and ]]> \\u001b[31mred\n");
    }

    @Test
    void colour_only_when_asked_and_suppressed_findings_dimmed() {
        String coloured = new ConsoleWriter(true).render(TestReports.failing());
        assertThat(coloured).contains("\u001b[31merror\u001b[0m").contains("\u001b[33mwarning\u001b[0m")
                .contains("\u001b[2msrc/Main.java:10:3 error secrets/aws-access-key")
                .contains("\u001b[31m\u001b[1mFAILED\u001b[0m: 3 blocking");
        // the only ESC bytes are ours: the message's own ESC is still escaped
        assertThat(coloured).contains("\\u001b[31mred");
    }

    @Test
    void suppressed_findings_can_be_counted_without_being_listed() {
        String text = new ConsoleWriter(new ConsoleWriter.Options(false, false)).render(TestReports.failing());
        assertThat(text).doesNotContain("suppressed (").contains("2 suppressed");
    }

    @Test
    void a_crashed_checker_is_named_and_the_verdict_says_the_gate_failed_closed() {
        String text = new ConsoleWriter().render(TestReports.checkerFailed());
        assertThat(text).contains("checker secrets failed: java.lang.IllegalStateException: boom <&>\n")
                .contains("ERROR: the gate could not complete (internal error); failing closed")
                .endsWith("timings: branch 0.005 s, secrets FAILED after 0.077 s\n");
    }
}
