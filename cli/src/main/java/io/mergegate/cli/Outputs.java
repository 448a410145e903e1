package io.mergegate.cli;

import io.mergegate.core.RunReport;
import io.mergegate.engine.GateOutcome;
import io.mergegate.reports.ReportWriter;
import io.mergegate.reports.console.ConsoleWriter;
import io.mergegate.reports.junit.JUnitWriter;
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
     * @param format        console or json on standard output
     * @param color         ANSI colours on the console
     * @param sarif         SARIF file or null
     * @param sarifCategory SARIF automationDetails.id or null
     * @param junit         JUnit file or null
     */
    record Options(String format, boolean color, Path sarif, String sarifCategory, Path junit) {
    }

    static void write(GateOutcome outcome, Options o, PrintWriter out) throws IOException {
        RunReport report = outcome.report();
        if (o.sarif() != null) {
            SarifWriter.Options so = SarifWriter.Options.defaults();
            if (o.sarifCategory() != null) {
                so = so.withCategory(o.sarifCategory());
            }
            new SarifWriter(so).write(report, o.sarif());
        }
        if (o.junit() != null) {
            new JUnitWriter().write(report, o.junit());
        }
        ReportWriter stdout = o.format().equals("json") ? jsonWriter() : new ConsoleWriter(o.color());
        stdout.write(report, out);
        out.flush();
    }

    private static ReportWriter jsonWriter() {
        return new ConsoleWriter(false);
    }
}
