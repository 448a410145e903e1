package io.mergegate.core.suppress;

import io.mergegate.core.source.TextLines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mergegate:ignore <rule-id>[,<rule-id>...] -- <reason>} comments. A comment applies to findings on
 * its own line and on the line below. A rule id may be a family wildcard ({@code secrets/*}).
 */
public final class InlineSuppressions {

    private static final Pattern MARKER = Pattern.compile(
            "mergegate:ignore(?:[ \\t]+([A-Za-z0-9_*][A-Za-z0-9_./*-]*(?:[ \\t]*,[ \\t]*[A-Za-z0-9_*][A-Za-z0-9_./*-]*)*))?"
                    + "(?:[ \\t]+--[ \\t]*(.*?))?[ \\t]*(?:\\*/|-->|#}|$)");

    private final List<Entry> entries;

    private InlineSuppressions(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * One comment.
     *
     * @param line   1-based line of the comment
     * @param column 1-based column of the marker
     * @param rules  rule ids or {@code family/*} wildcards; empty when the author named none
     * @param reason the text after {@code --}, empty when missing
     */
    public record Entry(int line, int column, List<String> rules, String reason) {

        public boolean hasReason() {
            return !reason.isBlank();
        }

        public boolean covers(String ruleId) {
            for (String r : rules) {
                if (r.equals(ruleId) || (r.endsWith("/*") && ruleId.startsWith(r.substring(0, r.length() - 1)))
                        || r.equals("*")) {
                    return true;
                }
            }
            return false;
        }
    }

    public static InlineSuppressions parse(String text) {
        List<Entry> out = new ArrayList<>();
        if (text.indexOf("mergegate:ignore") < 0) {
            return new InlineSuppressions(out);
        }
        List<String> lines = TextLines.split(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf("mergegate:ignore");
            if (at < 0) {
                continue;
            }
            Matcher m = MARKER.matcher(line);
            if (!m.find(at)) {
                out.add(new Entry(i + 1, at + 1, List.of(), ""));
                continue;
            }
            List<String> rules = new ArrayList<>();
            if (m.group(1) != null) {
                for (String r : m.group(1).split(",")) {
                    if (!r.isBlank()) {
                        rules.add(r.trim());
                    }
                }
            }
            String reason = m.group(2) == null ? "" : m.group(2).trim();
            out.add(new Entry(i + 1, at + 1, rules, reason));
        }
        return new InlineSuppressions(out);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The comment (with a reason) that suppresses a rule on a line: on that line or the line above. */
    public java.util.Optional<Entry> find(String ruleId, int line) {
        for (Entry e : entries) {
            if ((e.line() == line || e.line() == line - 1) && e.covers(ruleId)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }
}
