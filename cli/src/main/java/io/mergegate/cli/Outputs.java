package io.mergegate.cli;

import io.mergegate.core.RunReport;
import io.mergegate.engine.GateOutcome;
import io.mergegate.reports.ReportWriter;
import io.mergegate.reports.codequality.CodeQualityWriter;
import io.mergegate.reports.console.ConsoleWriter;
import io.mergegate.reports.github.GitHubAnnotations;
import io.mergegate.reports.json.JsonWriter;
import io.mergegate.reports.junit.JUnitWriter;
import io.mergegate.reports.markdown.MarkdownSummary;
import io.mergegate.reports.sarif.SarifWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes the reports a command asked for. */
final class Outputs {

    private Outputs() {
    }

    /**
     * What to write.
     *
     * @param format            console, json or markdown on standard output
     * @param color             ANSI colours on the console
     * @param sarif             SARIF file or null
     * @param sarifCategory     SARIF automationDetails.id or null
     * @param junit             JUnit file or null
     * @param codequality       GitLab Code Quality file or null
     * @param markdown          Markdown summary file or null
     * @param githubAnnotations print workflow-command annotations too
     */
    record Options(String format, boolean color, Path sarif, String sarifCategory, Path junit, Path codequality,
            Path markdown, boolean githubAnnotations) {

        Options(String format, boolean color, Path sarif, String sarifCategory, Path junit) {
            this(format, color, sarif, sarifCategory, junit, null, null, false);
        }
    }

    static void write(GateOutcome outcome, Options o, PrintWriter out) throws IOException {
        RunReport report = outcome.report();
        String anchor = anchor(outcome);
        if (o.sarif() != null) {
            SarifWriter.Options so = SarifWriter.Options.defaults().withAnchorPath(anchor);
            if (o.sarifCategory() != null) {
                so = so.withCategory(o.sarifCategory());
            }
            new SarifWriter(so).write(report, o.sarif());
        }
        if (o.junit() != null) {
            new JUnitWriter().write(report, o.junit());
        }
        if (o.codequality() != null) {
            new CodeQualityWriter(anchor).write(report, o.codequality());
        }
        if (o.markdown() != null) {
            new MarkdownSummary().write(report, o.markdown());
        }
        ReportWriter stdout = switch (o.format()) {
            case "json" -> new JsonWriter();
            case "markdown" -> new MarkdownSummary();
            default -> new ConsoleWriter(o.color());
        };
        stdout.write(report, out);
        if (o.githubAnnotations()) {
            new GitHubAnnotations().write(report, out);
        }
        out.flush();
    }

    /** Where location-less findings point in SARIF and Code Quality: the config file, relative to the repository. */
    private static String anchor(GateOutcome outcome) {
        String source = outcome.config().source();
        if (source == null || source.startsWith("<")) {
            return ".mergegate.yml";
        }
        Path p = Path.of(source).toAbsolutePath().normalize();
        Path root = outcome.repoRoot() == null ? null : outcome.repoRoot().toAbsolutePath().normalize();
        return root != null && p.startsWith(root) ? root.relativize(p).toString().replace('\\', '/') : ".mergegate.yml";
    }
}
