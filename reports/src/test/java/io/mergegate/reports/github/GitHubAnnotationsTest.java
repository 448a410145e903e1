package io.mergegate.reports.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.Location;
import io.mergegate.core.Region;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.reports.TestReports;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GitHubAnnotationsTest {

    @Test
    void data_escapes_percent_cr_and_lf() {
        assertThat(GitHubAnnotations.escapeData("100% a\r\nb\nc\rd: e, f")).isEqualTo("100%25 a%0D%0Ab%0Ac%0Dd: e, f");
        assertThat(GitHubAnnotations.escapeData("%0A")).isEqualTo("%250A");
    }

    @Test
    void properties_also_escape_colon_and_comma() {
        assertThat(GitHubAnnotations.escapeProperty("src/a,b:c%d\ne.txt")).isEqualTo("src/a%2Cb%3Ac%25d%0Ae.txt");
        assertThat(GitHubAnnotations.escapeProperty("secrets/aws-access-key")).isEqualTo("secrets/aws-access-key");
    }

    @Test
    void a_finding_becomes_one_command_line_that_cannot_start_another() {
        Finding f = TestReports.findings().get(4);
        String line = GitHubAnnotations.command(f);
        assertThat(line).isEqualTo("::error file=src/weird dir/naïve%2Cfile%3Aname%25.txt,line=7,title=secrets/aws-access-key::"
                + "Key \"AKIA…\" in <b>x</b> & 100%25 sure, a:b,c%0D%0Asecond line\tand ]]> \u001b[31mred");
        assertThat(line).doesNotContain("\n", "\r");
        Finding injected = TestReports.finding("pr/missing-ticket", Severity.ERROR, "x\n::error::forged", Location.logical("pull request"), null);
        assertThat(GitHubAnnotations.command(injected)).isEqualTo("::error title=pr/missing-ticket::pull request: x%0A::error::forged");
    }

    @Test
    void regions_map_to_line_col_end_line_and_end_column() {
        Finding span = TestReports.finding("openapi/property-removed", Severity.WARNING, "m",
                new Location("a.yaml", new Region(3, 5, 3, 9), null), null);
        assertThat(GitHubAnnotations.command(span)).isEqualTo("::warning file=a.yaml,line=3,col=5,endColumn=9,title=openapi/property-removed::m");
        Finding lines = TestReports.finding("openapi/enum-value-added", Severity.NOTE, "m",
                new Location("a.yaml", new Region(3, 0, 8, 0), null), null);
        assertThat(GitHubAnnotations.command(lines)).isEqualTo("::notice file=a.yaml,line=3,endLine=8,title=openapi/enum-value-added::m");
        Finding file = TestReports.finding("openapi/enum-value-added", Severity.NOTE, "m", Location.file("a.yaml"), null);
        assertThat(GitHubAnnotations.command(file)).isEqualTo("::notice file=a.yaml,title=openapi/enum-value-added::m");
    }

    @Test
    void worst_first_and_suppressed_findings_are_not_annotated() {
        List<String> lines = new GitHubAnnotations().render(TestReports.failing()).lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(0, 3)).allMatch(l -> l.startsWith("::error "));
        assertThat(lines.get(3)).startsWith("::warning file=api/openapi.yaml,line=42,col=7,endColumn=20,");
        assertThat(lines.get(4)).startsWith("::notice file=api/openapi.yaml,title=openapi/enum-value-added::");
        assertThat(String.join("\n", lines)).doesNotContain("fingerprint 3f2a", "fingerprint 9c0d");
    }

    @Test
    void at_most_ten_per_level_then_one_line_saying_how_many_more() {
        List<Finding> fs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            fs.add(TestReports.finding("openapi/enum-value-added", Severity.NOTE, "n" + i, Location.of("n.txt", i, 1), null));
        }
        for (int i = 1; i <= 12; i++) {
            fs.add(TestReports.finding("openapi/property-removed", Severity.WARNING, "w" + i, Location.of("w.txt", i, 1), null));
        }
        for (int i = 1; i <= 15; i++) {
            fs.add(TestReports.finding("secrets/aws-access-key", Severity.ERROR, "e" + i, Location.of("e.txt", i, 1), null));
        }
        RunReport r = new RunReport("1", TestReports.rules(), fs, TestReports.checkers(), Set.of(Severity.ERROR), "a", "b", null, 1);
        List<String> lines = new GitHubAnnotations().render(r).lines().toList();
        assertThat(lines).hasSize(24);
        assertThat(lines.subList(0, 10)).allMatch(l -> l.startsWith("::error ")).first().asString().endsWith("::e1");
        assertThat(lines.subList(10, 20)).allMatch(l -> l.startsWith("::warning "));
        assertThat(lines.subList(20, 23)).allMatch(l -> l.startsWith("::notice "));
        assertThat(lines.get(23)).isEqualTo("mergegate: 7 more findings (5 errors, 2 warnings) not annotated here; see the SARIF report.");
        List<String> custom = new GitHubAnnotations(new GitHubAnnotations.Options(2, "mergegate.sarif (artifact)")).render(r).lines().toList();
        assertThat(custom).hasSize(7).last().asString().isEqualTo(
                "mergegate: 24 more findings (13 errors, 10 warnings, 1 note) not annotated here; see mergegate.sarif (artifact).");
    }

    @Test
    void nothing_to_say_for_a_clean_run() {
        assertThat(new GitHubAnnotations().render(TestReports.passing())).isEmpty();
    }
}
