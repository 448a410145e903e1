package io.mergegate.reports.console;

import io.mergegate.core.Finding;
import io.mergegate.core.RunReport;
import io.mergegate.core.RunReport.CheckerRun;
import io.mergegate.core.Severity;
import io.mergegate.core.Suppression;
import io.mergegate.reports.ReportText;
import io.mergegate.reports.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Human-readable output for a terminal or a CI log.
 *
 * <pre>
 * src/app/config.yml:12:5 error secrets/aws-access-key AWS access key ...
 * src/app/config.yml:40 warning openapi/... ...
 *
 * pull request
 *   error pr/missing-ticket The title names no ticket ...
 *
 * FAILED: 1 blocking finding (fail-on: error) · 1 error, 1 warning, 0 notes, 1 suppressed
 * timings: branch 0.012 s, secrets 0.340 s
 * </pre>
 *
 * Findings are grouped by file (files in the report's order, a blank line between groups); findings
 * without a path are listed last under {@code pull request}. Suppressed findings are listed dimmed
 * with their reason when {@link Options#showSuppressed()}, and always counted. Colour is used only
 * when {@link Options#color()} is set: the CLI decides (a TTY and no {@code NO_COLOR}). Every piece of
 * text from the repository is made single-line and stripped of control characters, so it cannot
 * move the cursor or recolour the terminal.
 */
public final class ConsoleWriter implements ReportWriter {

    /**
     * @param color          ANSI colours and dimming
     * @param showSuppressed list suppressed findings (dimmed) instead of only counting them
     */
    public record Options(boolean color, boolean showSuppressed) {
        public static Options plain() {
            return new Options(false, true);
        }
    }

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    private final Options options;

    public ConsoleWriter() {
        this(Options.plain());
    }

    public ConsoleWriter(boolean color) {
        this(new Options(color, true));
    }

    public ConsoleWriter(Options options) {
        this.options = options;
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        List<Finding> pullRequest = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.isSuppressed() && !options.showSuppressed()) {
                continue;
            }
            if (f.location().path() == null) {
                pullRequest.add(f);
            } else {
                byFile.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(f);
            }
        }
        boolean first = true;
        for (List<Finding> group : byFile.values()) {
            if (!first) {
                out.write('\n');
            }
            first = false;
            for (Finding f : group) {
                out.write(line(ReportText.oneLine(ReportText.where(f.location())), f));
            }
        }
        if (!pullRequest.isEmpty()) {
            if (!first) {
                out.write('\n');
            }
            first = false;
            out.write(paint(BOLD, ReportText.PULL_REQUEST) + "\n");
            for (Finding f : pullRequest) {
                String logical = f.location().logical();
                boolean plain = logical == null || logical.equals(ReportText.PULL_REQUEST);
                out.write("  " + line(plain ? null : ReportText.oneLine(logical) + ":", f));
            }
        }
        for (CheckerRun c : report.checkers()) {
            if (c.error() != null) {
                if (!first) {
                    out.write('\n');
                }
                first = false;
                out.write(paint(RED + BOLD, "checker " + ReportText.oneLine(c.id()) + " failed: ")
                        + ReportText.oneLine(c.error()) + "\n");
            }
        }
        if (!first) {
            out.write('\n');
        }
        String verdict = ReportText.verdict(report);
        String colour = report.passed() ? GREEN + BOLD : RED + BOLD;
        int colon = verdict.indexOf(':');
        out.write(paint(colour, verdict.substring(0, colon)) + verdict.substring(colon) + " · " + ReportText.countsLine(report) + "\n");
        out.write(timings(report) + "\n");
        out.flush();
    }

    private String line(String where, Finding f) {
        StringBuilder sb = new StringBuilder();
        if (where != null) {
            sb.append(where).append(' ');
        }
        String rest;
        if (f.isSuppressed()) {
            Suppression s = f.suppression();
            String reason = s.justification() == null || s.justification().isBlank() ? "" : ": " + ReportText.oneLine(s.justification());
            rest = f.severity().id() + " " + f.ruleId() + " " + ReportText.oneLine(f.message())
                    + " [suppressed (" + (s.kind() == Suppression.Kind.INLINE ? "inline" : "baseline") + ")" + reason + "]";
            return options.color() ? DIM + sb + rest + RESET + "\n" : sb + rest + "\n";
        }
        sb.append(paint(colour(f.severity()), f.severity().id())).append(' ')
                .append(paint(BOLD, f.ruleId())).append(' ')
                .append(ReportText.oneLine(f.message()));
        return sb.append('\n').toString();
    }

    private static String colour(Severity s) {
        return switch (s) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case NOTE -> CYAN;
        };
    }

    private String paint(String code, String text) {
        return options.color() ? code + text + RESET : text;
    }

    /** {@code timings: branch 0.012 s, secrets FAILED after 0.340 s}; checkers in the report's order. */
    private String timings(RunReport report) {
        if (report.checkers().isEmpty()) {
            return paint(DIM, "timings: no checker ran");
        }
        StringBuilder sb = new StringBuilder("timings: ");
        boolean first = true;
        for (CheckerRun c : report.checkers()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(ReportText.oneLine(c.id())).append(' ');
            if (c.error() != null) {
                sb.append("FAILED after ");
            }
            sb.append(ReportText.seconds(c.millis())).append(" s");
        }
        return paint(DIM, sb.toString());
    }
}
