package io.mergegate.checkers.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Benchmark helper, not a test (used by {@code bench/secrets-vs-gitleaks.sh}):
 * <pre>
 *   CorpusComparison write DIR LABELS.tsv            the labelled corpus (same seed as LabelledCorpusTest)
 *   CorpusComparison score LABELS.tsv ROOT [--sarif mergegate.sarif] [--gitleaks report.json]
 * </pre>
 * {@code score} prints recall and line precision of each report against the labels, with every miss and
 * false alarm when {@code --verbose} is given. ROOT is the folder both tools scanned; gitleaks reports paths
 * as it was given them, mergegate's SARIF relative to the scanned folder.
 */
public final class CorpusComparison {

    private CorpusComparison() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("write")) {
            LabelledCorpus corpus = LabelledCorpus.generate(LabelledCorpusTest.SEED);
            corpus.write(Path.of(args[1]));
            Files.writeString(Path.of(args[2]), corpus.labelsTsv(), StandardCharsets.UTF_8);
            System.out.printf("corpus: %d files, %d planted secrets, %d hard negatives%n", corpus.files().size(),
                    corpus.secrets().size(), corpus.negatives().size());
            return;
        }
        if (args.length >= 3 && args[0].equals("score")) {
            List<LabelledCorpus.Label> labels = LabelledCorpus.readLabels(Path.of(args[1]));
            Path root = Path.of(args[2]).toAbsolutePath().normalize();
            boolean verbose = List.of(args).contains("--verbose");
            for (int i = 3; i + 1 < args.length; i++) {
                CorpusScore score = switch (args[i]) {
                    case "--sarif" -> CorpusScore.of("mergegate", labels, sarifAlarms(Path.of(args[++i])));
                    case "--gitleaks" -> CorpusScore.of("gitleaks", labels, gitleaksAlarms(Path.of(args[++i]), root));
                    default -> null;
                };
                if (score != null) {
                    System.out.println(verbose ? score.report() : score.summary());
                }
            }
            return;
        }
        System.err.println("usage: CorpusComparison write DIR LABELS | score LABELS ROOT [--sarif F] [--gitleaks F] [--verbose]");
        System.exit(2);
    }

    private static Object json(Path file) throws IOException {
        // JSON is YAML: the test class path already has a YAML parser.
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Results of mergegate's SARIF that warn or block and point at a line (the alarm definition of the test). */
    @SuppressWarnings("unchecked")
    static List<CorpusScore.Alarm> sarifAlarms(Path sarif) throws IOException {
        List<CorpusScore.Alarm> out = new ArrayList<>();
        Map<String, Object> log = (Map<String, Object>) json(sarif);
        for (Object run : (List<Object>) log.get("runs")) {
            for (Object o : (List<Object>) ((Map<String, Object>) run).get("results")) {
                Map<String, Object> r = (Map<String, Object>) o;
                String rule = (String) r.get("ruleId");
                if (r.containsKey("suppressions") || !LabelledCorpusTest.isAlarm(rule,
                        io.mergegate.core.Severity.parse((String) r.get("level")).orElseThrow())) {
                    continue;
                }
                Map<String, Object> physical = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) r.get("locations"))
                        .get(0)).get("physicalLocation");
                String uri = (String) ((Map<String, Object>) physical.get("artifactLocation")).get("uri");
                int line = ((Number) ((Map<String, Object>) physical.get("region")).get("startLine")).intValue();
                out.add(new CorpusScore.Alarm(java.net.URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8), line, rule));
            }
        }
        return out;
    }

    /** Every finding of a gitleaks JSON report (gitleaks has no severities: each finding is an alarm). */
    @SuppressWarnings("unchecked")
    static List<CorpusScore.Alarm> gitleaksAlarms(Path report, Path root) throws IOException {
        List<CorpusScore.Alarm> out = new ArrayList<>();
        Object parsed = json(report);
        if (parsed == null) {
            return out;
        }
        for (Object o : (List<Object>) parsed) {
            Map<String, Object> f = (Map<String, Object>) o;
            Path file = Path.of((String) f.get("File"));
            String path = (file.isAbsolute() ? root.relativize(file.normalize()) : file).toString().replace('\\', '/');
            out.add(new CorpusScore.Alarm(path, ((Number) f.get("StartLine")).intValue(), (String) f.get("RuleID")));
        }
        return out;
    }
}
