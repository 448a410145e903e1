package io.mergegate.reports;

import io.mergegate.core.Finding;
import io.mergegate.core.Location;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small text helpers shared by the writers. */
public final class ReportText {

    /** What path-less findings are grouped under in human-readable output. */
    public static final String PULL_REQUEST = "pull request";

    /** Worst first (severity), then the report's own order (path, line, column, rule). */
    public static final Comparator<Finding> WORST_FIRST = Comparator.comparing(Finding::severity);

    private ReportText() {
    }

    /**
     * One line of display text: line breaks and tabs become spaces, other control characters
     * (including ESC, so repository content cannot drive the terminal) become {@code \\uXXXX}.
     */
    public static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Cuts {@code s} to at most {@code max} characters, ending with an ellipsis when cut. */
    public static String cap(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    /** {@code path:line:col}, {@code path:line}, {@code path}, or the logical location / "pull request". */
    public static String where(Location l) {
        if (l.path() == null) {
            return l.logical() == null ? PULL_REQUEST : l.logical();
        }
        StringBuilder sb = new StringBuilder(l.path());
        if (l.line() > 0) {
            sb.append(':').append(l.line());
            if (l.column() > 0) {
                sb.append(':').append(l.column());
            }
        }
        return sb.toString();
    }

    /** {@link #where} followed by a space, or by {@code ": "} for a location without a path ({@code "branch: "}). */
    public static String lead(Location l) {
        return oneLine(where(l)) + (l.path() == null ? ": " : " ");
    }

    /** Counts of non-suppressed findings per severity (every severity present, possibly 0). */
    public static Map<Severity, Integer> activeCounts(List<Finding> findings) {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0);
        }
        findings.stream().filter(f -> !f.isSuppressed()).forEach(f -> m.merge(f.severity(), 1, Integer::sum));
        return m;
    }

    /** "1 error", "2 warnings", "0 notes". */
    public static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** e.g. "3 errors, 1 warning, 0 notes, 2 suppressed". */
    public static String countsLine(RunReport report) {
        Map<Severity, Integer> c = activeCounts(report.findings());
        long suppressed = report.findings().stream().filter(Finding::isSuppressed).count();
        return plural(c.get(Severity.ERROR), "error") + ", " + plural(c.get(Severity.WARNING), "warning") + ", "
                + plural(c.get(Severity.NOTE), "note") + ", " + suppressed + " suppressed";
    }

    /**
     * "error" or "error, warning": the blocking severities, most severe first, then each checker's own
     * setting as its config key: "error; openapi.fail-on: error, warning".
     */
    public static String failOn(RunReport report) {
        StringBuilder sb = new StringBuilder(severities(report.failOn()));
        new java.util.TreeMap<>(report.checkerFailOn()).forEach((id, set) ->
                sb.append("; ").append(id).append(".fail-on: ").append(severities(set)));
        return sb.toString();
    }

    private static String severities(java.util.Set<Severity> set) {
        return set.stream().sorted().map(Severity::id).reduce((a, b) -> a + ", " + b).orElse("nothing");
    }

    /** Seconds with three decimals, plain (no exponent, no locale): {@code 1234 -> "1.234"}. */
    public static String seconds(long millis) {
        long ms = Math.max(0, millis);
        return ms / 1000 + "." + String.format("%03d", ms % 1000);
    }

    /** The one-line verdict shared by the console and Markdown outputs (without decoration). */
    public static String verdict(RunReport report) {
        long blocking = report.blockingCount();
        if (report.exitCode() == 3) {
            return "ERROR: the gate could not complete (internal error); failing closed";
        }
        if (report.passed()) {
            return "PASSED: nothing blocks the merge (fail-on: " + failOn(report) + ")";
        }
        return "FAILED: " + plural(blocking, "blocking finding") + " (fail-on: " + failOn(report) + ")";
    }
}
