package io.mergegate.reports.markdown;

import io.mergegate.core.Finding;
import io.mergegate.core.RunReport;
import io.mergegate.core.RunReport.CheckerRun;
import io.mergegate.core.Severity;
import io.mergegate.reports.ReportText;
import io.mergegate.reports.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A short GitHub-flavoured Markdown job summary for {@code $GITHUB_STEP_SUMMARY} and
 * {@code buildkite-agent annotate}: the verdict, a table of counts and times per checker, the top
 * findings (blocking ones first, then worst first) and how many more the full reports hold.
 *
 * <p>Repository text (messages, paths) is escaped so that it cannot add HTML, links, images or table
 * cells; backtick code spans in catalogue messages are kept when balanced. The output never exceeds
 * {@link Options#maxBytes()} (UTF-8), far below GitHub's 1 MiB per-step limit: when the findings
 * table would pass it, rows are left out and counted in the closing line.
 */
public final class MarkdownSummary implements ReportWriter {

    /** GitHub refuses summaries over 1 MiB; stay well clear of it. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    /**
     * @param maxFindings  rows in the top-findings table
     * @param maxBytes     hard cap on the UTF-8 size of the whole summary
     * @param fullReport   how the closing line names the complete report, e.g. "the SARIF report"
     */
    public record Options(int maxFindings, int maxBytes, String fullReport) {
        public Options {
            maxFindings = Math.max(0, maxFindings);
            maxBytes = Math.max(1024, Math.min(maxBytes, 1024 * 1024 - 1));
            fullReport = fullReport == null || fullReport.isBlank() ? "the SARIF report" : fullReport;
        }

        public static Options defaults() {
            return new Options(20, DEFAULT_MAX_BYTES, null);
        }
    }

    private static final int MAX_MESSAGE = 300;

    private final Options options;

    public MarkdownSummary() {
        this(Options.defaults());
    }

    public MarkdownSummary(Options options) {
        this.options = options;
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        out.write(summary(report));
        out.flush();
    }

    /** The summary text, at most {@link Options#maxBytes()} bytes of UTF-8. */
    public String summary(RunReport report) {
        StringBuilder head = new StringBuilder();
        long blocking = report.blockingCount();
        String icon = report.exitCode() == 3 ? "⚠️" : report.passed() ? "✅" : "❌";
        String title = report.exitCode() == 3 ? "internal error, failing closed"
                : report.passed() ? "passed" : ReportText.plural(blocking, "blocking finding");
        head.append("## ").append(icon).append(" mergegate: ").append(title).append("\n\n");
        head.append(escape(ReportText.verdict(report))).append(" · ").append(escape(ReportText.countsLine(report)));
        if (report.baseLabel() != null && report.headLabel() != null) {
            head.append("\n\nbase ").append(code(report.baseLabel())).append(" → head ").append(code(report.headLabel()));
        }
        head.append("\n\n");
        head.append(checkerTable(report));

        List<Finding> top = new ArrayList<>(report.findings().stream().filter(f -> !f.isSuppressed()).toList());
        top.sort(Comparator.comparing((Finding f) -> !report.isBlocking(f)).thenComparing(ReportText.WORST_FIRST));
        StringBuilder body = new StringBuilder();
        int shown = 0;
        if (!top.isEmpty() && options.maxFindings() > 0) {
            String tableHead = "\n### Top findings\n\n| Severity | Rule | Where | Message |\n| --- | --- | --- | --- |\n";
            // reserve room for the header, the closing line and a little slack
            int budget = options.maxBytes() - bytes(head) - bytes(tableHead) - 400;
            StringBuilder rows = new StringBuilder();
            for (Finding f : top) {
                if (shown >= options.maxFindings()) {
                    break;
                }
                String row = row(report, f);
                if (bytes(rows) + bytes(row) > budget) {
                    break;
                }
                rows.append(row);
                shown++;
            }
            if (shown > 0) {
                body.append(tableHead).append(rows);
            }
        }
        int more = top.size() - shown;
        if (more > 0) {
            body.append("\n…and ").append(ReportText.plural(more, "more finding")).append(" in ")
                    .append(escape(options.fullReport())).append(".\n");
        }
        String text = head.append(body).toString();
        return bytes(text) <= options.maxBytes() ? text : truncate(text, options.maxBytes());
    }

    private String checkerTable(RunReport report) {
        if (report.checkers().isEmpty()) {
            return "No checker ran.\n";
        }
        Map<String, String> owner = new HashMap<>();
        report.checkers().forEach(c -> c.ruleIds().forEach(id -> owner.putIfAbsent(id, c.id())));
        Map<String, int[]> counts = new HashMap<>();
        for (Finding f : report.findings()) {
            String checker = owner.getOrDefault(f.ruleId(), f.family());
            int[] c = counts.computeIfAbsent(checker, k -> new int[5]);
            if (f.isSuppressed()) {
                c[3]++;
            } else {
                c[f.severity().ordinal()]++;
                if (report.isBlocking(f)) {
                    c[4]++;
                }
            }
        }
        StringBuilder sb = new StringBuilder("| Checker | Result | Errors | Warnings | Notes | Suppressed | Time |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (CheckerRun c : report.checkers()) {
            int[] n = counts.getOrDefault(c.id(), new int[5]);
            String result = c.error() != null ? "⚠️ crashed" : n[4] > 0 ? "❌ " + n[4] + " blocking" : "✅ pass";
            sb.append("| ").append(escape(c.id())).append(" | ").append(result).append(" | ")
                    .append(n[Severity.ERROR.ordinal()]).append(" | ").append(n[Severity.WARNING.ordinal()]).append(" | ")
                    .append(n[Severity.NOTE.ordinal()]).append(" | ").append(n[3]).append(" | ")
                    .append(ReportText.seconds(c.millis())).append(" s |\n");
        }
        return sb.toString();
    }

    private static String row(RunReport report, Finding f) {
        String sev = f.severity().id() + (report.isBlocking(f) ? " (blocking)" : "");
        String where = f.location().path() == null ? escape(ReportText.where(f.location())) : code(ReportText.where(f.location()));
        return "| " + sev + " | " + code(f.ruleId()) + " | " + where + " | "
                + inline(ReportText.cap(ReportText.oneLine(f.message()), MAX_MESSAGE)) + " |\n";
    }

    /** Escapes Markdown and HTML meta-characters (and table pipes) in plain text. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : ReportText.oneLine(s).toCharArray()) {
            if ("\\`*_[]<>|~&!#".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** A code span; text containing a backtick is escaped instead. */
    static String code(String s) {
        String t = ReportText.oneLine(s);
        if (t.isEmpty() || t.indexOf('`') >= 0 || t.startsWith(" ") || t.endsWith(" ")) {
            return escape(t);
        }
        return "`" + t.replace("|", "\\|") + "`";
    }

    /** Message text: balanced backtick spans stay code spans, everything else is escaped. */
    static String inline(String s) {
        String t = ReportText.oneLine(s);
        String[] parts = t.split("`", -1);
        if (parts.length % 2 == 0) {
            return escape(t);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                sb.append(escape(parts[i]));
            } else if (parts[i].isEmpty() || parts[i].isBlank()) {
                sb.append(escape("`" + parts[i] + "`"));
            } else {
                sb.append('`').append(parts[i].replace("|", "\\|")).append('`');
            }
        }
        return sb.toString();
    }

    private static int bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Last resort: cut at a line boundary below the cap. */
    private static String truncate(String text, int maxBytes) {
        String note = "\n…summary truncated.\n";
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (bytes(sb) + bytes(line) + 1 + bytes(note) > maxBytes) {
                break;
            }
            sb.append(line).append('\n');
        }
        return sb.append(note).toString();
    }
}
