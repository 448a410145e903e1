package io.mergegate.reports.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.Location;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.reports.Goldens;
import io.mergegate.reports.TestReports;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {

    @Test
    void failing_summary_matches_the_golden_file() throws Exception {
        Goldens.assertMatches("failing-summary.md", new MarkdownSummary().render(TestReports.failing()));
    }

    @Test
    void passing_and_crashed_summaries_match_their_golden_files() throws Exception {
        Goldens.assertMatches("passing-summary.md", new MarkdownSummary().render(TestReports.passing()));
        Goldens.assertMatches("crashed-summary.md", new MarkdownSummary().render(TestReports.checkerFailed()));
    }

    @Test
    void verdict_counts_per_checker_top_findings_and_timings() {
        String md = new MarkdownSummary().render(TestReports.failing());
        assertThat(md).startsWith("## ❌ mergegate: 3 blocking findings\n\nFAILED: 3 blocking findings (fail-on: error)");
        assertThat(md).contains("| secrets | ❌ 1 blocking | 1 | 0 | 0 | 2 | 1.234 s |")
                .contains("| openapi | ✅ pass | 0 | 1 | 1 | 0 | 0.340 s |");
        // blocking findings first, then the rest worst first; suppressed ones are not listed
        int blocking = md.indexOf("| error (blocking) | `secrets/aws-access-key`");
        int warning = md.indexOf("| warning | `openapi/property-removed` | `api/openapi.yaml:42:7` |");
        assertThat(blocking).isPositive();
        assertThat(warning).isGreaterThan(blocking);
        assertThat(md).doesNotContain("fingerprint 3f2a");
    }

    @Test
    void repository_text_cannot_add_html_links_or_table_cells() {
        String md = new MarkdownSummary().render(TestReports.failing());
        assertThat(md).contains("The title `Fix \\| stuff <b>` names no ticket.")
                .contains("Key \"AKIA…\" in \\<b\\>x\\</b\\> \\& 100% sure, a:b,c second line and \\]\\]\\> \\\\u001b\\[31mred")
                .doesNotContain("<b>x");
        assertThat(MarkdownSummary.escape("[x](http://e) ![i](u) *a* _b_ | ~c~"))
                .isEqualTo("\\[x\\](http://e) \\!\\[i\\](u) \\*a\\* \\_b\\_ \\| \\~c\\~");
        assertThat(MarkdownSummary.inline("odd ` backtick <i>")).isEqualTo("odd \\` backtick \\<i\\>");
        assertThat(MarkdownSummary.code("a`b")).isEqualTo("a\\`b");
    }

    @Test
    void stays_far_below_the_one_mebibyte_limit_however_many_findings() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(TestReports.finding("secrets/aws-access-key", Severity.ERROR, "x".repeat(2_000) + i,
                    Location.of("src/file" + i + ".txt", i + 1, 1), null));
        }
        RunReport big = new RunReport("1", TestReports.rules(), many, TestReports.checkers(), Set.of(Severity.ERROR), "a", "b", null, 1);
        String md = new MarkdownSummary(new MarkdownSummary.Options(100_000, MarkdownSummary.DEFAULT_MAX_BYTES, null)).render(big);
        assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MarkdownSummary.DEFAULT_MAX_BYTES);
        assertThat(md).containsPattern("…and \\d+ more findings in the SARIF report\\.\n$");
        String defaults = new MarkdownSummary().render(big);
        assertThat(defaults).contains("…and 19980 more findings in the SARIF report.");
        assertThat(defaults.getBytes(StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
    }
}
