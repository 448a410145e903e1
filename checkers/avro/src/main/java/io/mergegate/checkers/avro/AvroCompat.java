package io.mergegate.checkers.avro;

import io.mergegate.core.Finding;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.spi.RuleBook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The logic of {@code mergegate avro compat --mode MODE OLDEST.avsc [...] NEWEST.avsc}: the last file
 * is checked as the new version of one subject against the earlier ones, exactly as the checker does
 * for a file's git history. The command line reads the files and writes the reports; this class never
 * touches the file system.
 */
public final class AvroCompat {

    /** Exit code: compatible and valid. */
    public static final int COMPATIBLE = 0;
    /** Exit code: incompatible, or a version is invalid. */
    public static final int FINDINGS = 1;

    /** One schema file as given on the command line. */
    public record Input(String path, byte[] bytes) {
    }

    /**
     * The verdict.
     *
     * @param mode     the mode applied
     * @param findings validity problems and incompatibilities, in the order found
     * @param rules    catalogue entries of every rule the command may emit
     * @param exitCode {@link #COMPATIBLE} or {@link #FINDINGS}
     */
    public record Result(CompatibilityMode mode, List<Finding> findings, List<RuleDescriptor> rules, int exitCode) {
    }

    private AvroCompat() {
    }

    /** The accepted mode names, for help texts. */
    public static List<String> modes() {
        return Arrays.stream(CompatibilityMode.values()).map(Enum::name).toList();
    }

    /**
     * Checks the versions (oldest first, newest last).
     *
     * @throws IllegalArgumentException for an unknown mode or no files (a usage error, exit code 2)
     */
    public static Result run(String mode, List<Input> versions, RuleBook rules) {
        CompatibilityMode m = CompatibilityMode.parse(mode).orElseThrow(() -> new IllegalArgumentException(
                "unknown compatibility mode '" + mode + "'; use one of " + String.join(", ", modes())));
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("give at least one schema file (oldest first, newest last)");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Input in : versions) {
            files.put(in.path(), in.bytes());
        }
        if (files.size() != versions.size()) {
            throw new IllegalArgumentException("each schema file may be given once");
        }
        SchemaReader reader = new SchemaReader(new MemorySourceTree("files", files), p -> true, Long.MAX_VALUE);
        List<Finding> findings = new ArrayList<>();
        List<Compatibility.Version> earlier = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            Input in = versions.get(i);
            boolean newest = i == versions.size() - 1;
            SchemaReader.Parsed p = reader.parseBytes(in.path(), in.bytes(), newest);
            if (!p.ok()) {
                SchemaReader.Problem problem = p.problem();
                findings.add(Finding.builder(rules.require(problem.ruleId()))
                        .at(in.path(), problem.pos().line(), problem.pos().column()).logical(problem.pointer())
                        .arg("file", in.path()).arg("problem", problem.message()).build());
            } else if (!newest) {
                earlier.add(new Compatibility.Version(in.path(), p.schema(), p.json()));
            } else if (findings.isEmpty()) {
                Compatibility.Version head = new Compatibility.Version(in.path(), p.schema(), p.json());
                for (Compatibility.Issue issue : Compatibility.check(m, head, earlier)) {
                    LocatedJson.Pos pos = AvroChecker.position(p.json(), issue.pointer());
                    findings.add(Finding.builder(rules.require(issue.ruleId())).at(in.path(), pos.line(), pos.column())
                            .logical(issue.pointer()).key(issue.pointer() + "|" + issue.name())
                            .arg("name", issue.name()).arg("version", issue.version()).arg("mode", m.name())
                            .arg("subject", AvroChecker.Subjects.stem(in.path()).toLowerCase(Locale.ROOT))
                            .arg("direction", issue.direction().text()).arg("detail", issue.detail()).build());
                }
            }
        }
        List<RuleDescriptor> used = AvroRuleIds.ALL.stream().filter(id -> id.startsWith("avro/"))
                .map(rules::find).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(RuleDescriptor::id)).toList();
        return new Result(m, List.copyOf(findings), used, findings.isEmpty() ? COMPATIBLE : FINDINGS);
    }
}
