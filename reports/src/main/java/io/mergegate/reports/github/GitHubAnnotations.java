package io.mergegate.reports.github;

import io.mergegate.core.Finding;
import io.mergegate.core.Location;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.reports.ReportText;
import io.mergegate.reports.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands that annotate the pull request without code scanning:
 * {@code ::error file=…,line=…,col=…,title=rule-id::message}.
 *
 * <p>GitHub shows at most 10 error and 10 warning annotations per step (and 10 notices), so the
 * non-suppressed findings are printed worst first (in the report's order within a severity), at most
 * {@link Options#maxPerLevel()} per level, followed by one plain line saying how many more there are
 * and where to find them. Findings without a path become annotations without {@code file}.
 *
 * <p>Escaping follows the runner's {@code ActionCommand}: in the message (data) {@code %}, CR and LF
 * become {@code %25}, {@code %0D}, {@code %0A}; property values additionally escape {@code :} and
 * {@code ,} as {@code %3A} and {@code %2C}. That also keeps repository text from starting a command of
 * its own on a new line.
 */
public final class GitHubAnnotations implements ReportWriter {

    /**
     * @param maxPerLevel annotations per severity (GitHub displays 10)
     * @param fullReport  how the overflow line names the complete report
     */
    public record Options(int maxPerLevel, String fullReport) {
        public Options {
            maxPerLevel = Math.max(0, maxPerLevel);
            fullReport = fullReport == null || fullReport.isBlank() ? "the SARIF report" : fullReport;
        }

        public static Options defaults() {
            return new Options(10, null);
        }
    }

    private final Options options;

    public GitHubAnnotations() {
        this(Options.defaults());
    }

    public GitHubAnnotations(Options options) {
        this.options = options;
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        List<Finding> active = new ArrayList<>(report.findings().stream().filter(f -> !f.isSuppressed()).toList());
        active.sort(ReportText.WORST_FIRST);
        Map<Severity, Integer> shown = new EnumMap<>(Severity.class);
        Map<Severity, Integer> left = new EnumMap<>(Severity.class);
        for (Finding f : active) {
            if (shown.getOrDefault(f.severity(), 0) < options.maxPerLevel()) {
                shown.merge(f.severity(), 1, Integer::sum);
                out.write(command(f));
                out.write('\n');
            } else {
                left.merge(f.severity(), 1, Integer::sum);
            }
        }
        int more = left.values().stream().mapToInt(Integer::intValue).sum();
        if (more > 0) {
            List<String> parts = new ArrayList<>();
            left.forEach((s, n) -> parts.add(ReportText.plural(n, s.id())));
            out.write("mergegate: " + ReportText.plural(more, "more finding") + " (" + String.join(", ", parts)
                    + ") not annotated here; see " + options.fullReport() + ".\n");
        }
        out.flush();
    }

    /** One workflow command, without the line break. */
    public static String command(Finding f) {
        StringBuilder sb = new StringBuilder("::").append(level(f.severity())).append(' ');
        Location l = f.location();
        List<String> props = new ArrayList<>();
        if (l.path() != null) {
            props.add("file=" + escapeProperty(l.path()));
            if (l.region() != null) {
                props.add("line=" + l.region().startLine());
                if (l.region().endLine() != l.region().startLine()) {
                    props.add("endLine=" + l.region().endLine());
                }
                if (l.region().startColumn() > 0) {
                    props.add("col=" + l.region().startColumn());
                    if (l.region().endLine() == l.region().startLine() && l.region().endColumn() > l.region().startColumn()) {
                        props.add("endColumn=" + l.region().endColumn());
                    }
                }
            }
        }
        props.add("title=" + escapeProperty(f.ruleId()));
        sb.append(String.join(",", props)).append("::");
        String message = l.path() == null ? ReportText.where(l) + ": " + f.message() : f.message();
        return sb.append(escapeData(message)).toString();
    }

    /** GitHub's level names: error, warning, notice. */
    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
    }

    /** Escapes a command's message: {@code %}, CR, LF. */
    public static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command property value: as {@link #escapeData} plus {@code :} and {@code ,}. */
    public static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
