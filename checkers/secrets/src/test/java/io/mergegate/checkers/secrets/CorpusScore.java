package io.mergegate.checkers.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recall and line precision of one scanner on the {@link LabelledCorpus}. Recall: planted secrets with an
 * alarm on their line. Line precision: alarmed lines that hold a planted secret. Both are measured by line
 * so that any scanner's report (mergegate's findings, gitleaks' JSON) can be scored the same way.
 *
 * @param tool        the scanner's name
 * @param secrets     planted secrets
 * @param misses      planted secrets without an alarm on their line
 * @param alarmLines  distinct alarmed lines
 * @param falseAlarms alarmed lines without a planted secret, each with what was planted there (if anything)
 */
record CorpusScore(String tool, int secrets, List<LabelledCorpus.Label> misses, int alarmLines, List<String> falseAlarms) {

    /**
     * One reported line.
     *
     * @param path repository-relative path
     * @param line 1-based line
     * @param rule the scanner's rule id
     */
    record Alarm(String path, int line, String rule) {
    }

    static CorpusScore of(String tool, List<LabelledCorpus.Label> labels, Collection<Alarm> alarms) {
        Map<String, Set<String>> rulesByLine = new TreeMap<>();
        for (Alarm a : alarms) {
            rulesByLine.computeIfAbsent(a.path() + ":" + a.line(), k -> new LinkedHashSet<>()).add(a.rule());
        }
        Map<String, LabelledCorpus.Label> labelled = new HashMap<>();
        Set<String> secretLines = new java.util.HashSet<>();
        for (LabelledCorpus.Label l : labels) {
            String key = l.path() + ":" + l.line();
            labelled.putIfAbsent(key, l);
            if (l.secret()) {
                secretLines.add(key);
                labelled.put(key, l);
            }
        }
        List<LabelledCorpus.Label> misses = new ArrayList<>();
        int secrets = 0;
        for (LabelledCorpus.Label l : labels) {
            if (l.secret()) {
                secrets++;
                if (!rulesByLine.containsKey(l.path() + ":" + l.line())) {
                    misses.add(l);
                }
            }
        }
        List<String> falseAlarms = new ArrayList<>();
        rulesByLine.forEach((line, rules) -> {
            if (!secretLines.contains(line)) {
                LabelledCorpus.Label l = labelled.get(line);
                falseAlarms.add(line + " " + rules + (l == null ? " (unlabelled line)" : " (hard negative: " + l.kind() + ")"));
            }
        });
        return new CorpusScore(tool, secrets, List.copyOf(misses), rulesByLine.size(), List.copyOf(falseAlarms));
    }

    int found() {
        return secrets - misses.size();
    }

    int trueAlarmLines() {
        return alarmLines - falseAlarms.size();
    }

    /** Per kind of planted secret (a provider family, a password shape): how many were planted and how many found. */
    Map<String, int[]> recallByKind(List<LabelledCorpus.Label> labels) {
        Map<String, int[]> out = new TreeMap<>();
        for (LabelledCorpus.Label l : labels) {
            if (l.secret()) {
                out.computeIfAbsent(l.kind(), k -> new int[2])[1]++;
            }
        }
        Set<LabelledCorpus.Label> missed = new java.util.HashSet<>(misses);
        for (LabelledCorpus.Label l : labels) {
            if (l.secret() && !missed.contains(l)) {
                out.get(l.kind())[0]++;
            }
        }
        return out;
    }

    double recall() {
        return secrets == 0 ? 0 : (double) found() / secrets;
    }

    double precision() {
        return alarmLines == 0 ? 0 : (double) trueAlarmLines() / alarmLines;
    }

    String summary() {
        return String.format(Locale.ROOT, "%s: recall %.1f %% (%d of %d planted secrets), line precision %.1f %% (%d of %d alarmed lines)",
                tool, 100 * recall(), found(), secrets, 100 * precision(), trueAlarmLines(), alarmLines);
    }

    /** The summary, then every miss (with a count per kind) and every false alarm. */
    String report() {
        StringBuilder sb = new StringBuilder(summary()).append('\n');
        Map<String, Integer> byKind = new TreeMap<>();
        misses.forEach(m -> byKind.merge(m.kind(), 1, Integer::sum));
        sb.append("  misses by kind: ").append(byKind).append('\n');
        for (LabelledCorpus.Label m : misses) {
            sb.append("  miss: ").append(m.path()).append(':').append(m.line()).append(' ').append(m.kind()).append('\n');
        }
        for (String f : falseAlarms) {
            sb.append("  false alarm: ").append(f).append('\n');
        }
        return sb.toString();
    }
}
