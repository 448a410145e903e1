package io.mergegate.checkers.migrations;

import static io.mergegate.checkers.migrations.MigrationRun.args;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Head against base with Flyway's eyes: an applied versioned migration must stay byte-for-byte the
 * same (line endings aside, since Flyway checksums lines), must not disappear, and new versions must be
 * unique and above the applied maximum. Repeatable migrations may change.
 */
final class HistoryRules {

    private final MigrationRun run;
    private final Map<String, Migration> base;
    private final Map<String, Migration> head;
    private final List<Migration> judged;

    HistoryRules(MigrationRun run, Map<String, Migration> base, Map<String, Migration> head, List<Migration> judged) {
        this.run = run;
        this.base = base;
        this.head = head;
        this.judged = judged;
    }

    void run() {
        for (Migration b : base.values()) {
            if (b.name.isEmpty() || !b.name.get().isVersioned()) {
                continue;
            }
            Migration h = head.get(b.path);
            if (h == null) {
                if (!movedUnchanged(b)) {
                    run.reportAt(MigrationRuleIds.APPLIED_MIGRATION_DELETED, b.path, 0, 0, "version " + version(b),
                            args("version", version(b)));
                }
            } else if (run.maybeChanged(b.path)) {
                List<String> bl = b.checksumLines();
                List<String> hl = h.checksumLines();
                if (!bl.equals(hl)) {
                    int line = 1;
                    while (line <= Math.min(bl.size(), hl.size()) && bl.get(line - 1).equals(hl.get(line - 1))) {
                        line++;
                    }
                    run.reportAt(MigrationRuleIds.APPLIED_MIGRATION_MODIFIED, h.path, Math.min(line,
                            Math.max(1, hl.size())), 0, "version " + version(b), args("version", version(b),
                                    "changedLine", line));
                }
            }
        }
        List<BigInteger> applied = null;
        for (Migration b : base.values()) {
            if (b.name.isPresent() && b.name.get().isVersioned() && (applied == null
                    || MigrationName.compareVersions(b.name.get().version(), applied) > 0)) {
                applied = b.name.get().version();
            }
        }
        for (Migration m : judged) {
            if (m.name.isEmpty()) {
                run.reportAt(MigrationRuleIds.INVALID_FILE_NAME, m.path, 0, 0, m.fileName,
                        args("name", m.fileName, "problem", nameProblem(m.fileName)));
                continue;
            }
            if (!m.name.get().isVersioned() || base.containsKey(m.path)) {
                continue;
            }
            for (Migration other : head.values()) {
                if (other != m && other.name.isPresent() && other.name.get().isVersioned()
                        && MigrationName.compareVersions(other.name.get().version(), m.name.get().version()) == 0) {
                    run.reportAt(MigrationRuleIds.DUPLICATE_VERSION, m.path, 0, 0, "version " + version(m),
                            args("version", version(m), "other", other.path));
                    break;
                }
            }
            if (applied != null && MigrationName.compareVersions(m.name.get().version(), applied) < 0) {
                run.reportAt(MigrationRuleIds.OUT_OF_ORDER_VERSION, m.path, 0, 0, "version " + version(m),
                        args("version", version(m), "applied", String.join(".",
                                applied.stream().map(BigInteger::toString).toList())));
            }
        }
    }

    private boolean movedUnchanged(Migration b) {
        for (Migration h : head.values()) {
            Optional<MigrationName> n = h.name;
            if (n.isPresent() && n.get().isVersioned() && !base.containsKey(h.path)
                    && MigrationName.compareVersions(n.get().version(), b.name.get().version()) == 0
                    && h.checksumLines().equals(b.checksumLines())) {
                return true;
            }
        }
        return false;
    }

    private static String version(Migration m) {
        return m.name.map(MigrationName::versionText).orElse("?");
    }

    static String nameProblem(String name) {
        if (!name.endsWith(".sql")) {
            return "it does not end in .sql";
        }
        if (name.matches("[VUR][0-9._]*_[^_].*") && !name.contains("__")) {
            return "the version and the description must be separated by two underscores";
        }
        if (name.matches("[vur][0-9].*")) {
            return "the prefix must be an upper-case V, U or R";
        }
        if (name.matches("[VU]__.*")) {
            return "the version is missing";
        }
        if (name.matches("R[0-9].*")) {
            return "a repeatable migration has no version";
        }
        if (name.matches("[VU][0-9._]*[._]__.*")) {
            return "the version ends in a separator";
        }
        if (name.matches("[VUR][0-9._]*__\\.sql")) {
            return "the description is missing";
        }
        return "it matches neither V<version>__<description>.sql, R__<description>.sql nor <timestamp>_<description>.sql";
    }
}
