package io.mergegate.maven;

import io.mergegate.core.Finding;
import io.mergegate.core.RunReport;
import io.mergegate.engine.GateOutcome;
import io.mergegate.reports.junit.JUnitWriter;
import io.mergegate.reports.markdown.MarkdownSummary;
import io.mergegate.reports.sarif.SarifWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the reports of a run into {@code target/mergegate/}: {@code mergegate.sarif},
 * {@code mergegate-junit.xml} (surefire-report and CI test widgets pick it up), {@code summary.md}
 * and a plain {@code mergegate.txt}.
 */
final class MavenReports {

    private MavenReports() {
    }

    static void write(GateOutcome outcome, Path dir) throws IOException {
        Files.createDirectories(dir);
        RunReport r = outcome.report();
        new SarifWriter(SarifWriter.Options.defaults()).write(r, dir.resolve("mergegate.sarif"));
        new JUnitWriter().write(r, dir.resolve("mergegate-junit.xml"));
        new MarkdownSummary().write(r, dir.resolve("summary.md"));
        StringBuilder sb = new StringBuilder();
        for (Finding f : r.findings()) {
            sb.append(f.location().optionalPath().orElse(f.location().optionalLogical().orElse("(repository)")));
            if (f.location().line() > 0) {
                sb.append(':').append(f.location().line());
            }
            sb.append(' ').append(f.severity().name().toLowerCase(Locale.ROOT)).append(' ').append(f.ruleId()).append(' ')
                    .append(f.message()).append(f.isSuppressed() ? " (suppressed)" : "").append('\n');
        }
        sb.append(r.passed() ? "PASSED" : "BLOCKED").append(": ").append(r.blockingCount()).append(" blocking, ")
                .append(r.findings().size()).append(" total\n");
        Files.writeString(dir.resolve("mergegate.txt"), sb, StandardCharsets.UTF_8);
    }
}
