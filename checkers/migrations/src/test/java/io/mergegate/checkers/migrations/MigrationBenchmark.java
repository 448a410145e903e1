package io.mergegate.checkers.migrations;

import io.mergegate.core.Finding;
import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.core.spi.RuleBook;
import io.mergegate.rules.RuleCatalog;
import io.mergegate.testkit.FixturePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A long-lived service: 2,000 applied migrations at the base, three new ones at the head (diff mode).
 * Prints the first (cold, right after JVM start) and the best of ten warm runs of the checker.
 * Run: {@code java -cp <test classpath> io.mergegate.checkers.migrations.MigrationBenchmark [count]}.
 */
public final class MigrationBenchmark {

    private MigrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        boolean contract = args.length > 1 && args[1].equals("contract");
        Map<String, String> base = new LinkedHashMap<>();
        for (int v = 1; v <= count; v++) {
            base.put(String.format("service/src/main/resources/db/migration/V%d__%s.sql", v, kind(v)), migration(v));
        }
        base.put("service/src/main/java/app/Repository.java", "class Repository { String q = \"SELECT col_3 FROM t_1\"; }\n");
        Map<String, String> head = new LinkedHashMap<>(base);
        List<ChangedPath> changes = new ArrayList<>();
        for (int v = count + 1; v <= count + 3; v++) {
            String path = String.format("service/src/main/resources/db/migration/V%d__%s.sql", v, kind(v));
            head.put(path, migration(v));
            changes.add(ChangedPath.added(path));
        }
        if (contract) {
            String path = String.format("service/src/main/resources/db/migration/V%d__contract_drop_col_5.sql",
                    count + 4);
            head.put(path, "-- Team: core\n-- Date: 2026-01-01\n-- Description: drop\n-- Risk: low\n"
                    + "-- Estimated Time: 1 minute\n-- Rollback script: none\n-- Phase: contract\n"
                    + "ALTER TABLE t_4 DROP COLUMN col_5;\n");
            changes.add(ChangedPath.added(path));
        }
        RuleBook rules = migrationRules();
        MemorySourceTree b = MemorySourceTree.ofText("base", base);
        MemorySourceTree h = MemorySourceTree.ofText("head", head);
        ChangeSet changeSet = new ChangeSet(changes);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        List<Finding> first = run(b, h, changeSet, rules);
        long cold = (System.nanoTime() - t0) / 1_000_000;
        long coldCpu = (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000;
        long sinceStart = System.currentTimeMillis() - jvmStart;
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long s = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            run(b, h, changeSet, rules);
            best = Math.min(best, (System.nanoTime() - s) / 1_000_000);
            bestCpu = Math.min(bestCpu, (cpu.getCurrentThreadCpuTime() - c) / 1_000_000);
        }
        System.out.printf("%d base migrations + %s, %d findings: first run %d ms wall / %d ms CPU (JVM start to "
                + "result %d ms); best warm run %d ms wall / %d ms CPU; load average %.1f on %d cores%n", count,
                contract ? "3 new and a contract drop (base replayed, code searched)" : "3 new expand/backfill",
                first.size(), cold, coldCpu, sinceStart, best, bestCpu,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Only this family's catalogue, so the figure does not depend on other families' rule files. */
    private static RuleBook migrationRules() throws IOException {
        Path src = FixturePaths.repoRoot().resolve("rules/src/main/resources/" + RuleCatalog.ROOT + "/migration");
        Path dir = Files.createTempDirectory("mergegate-bench");
        Path family = Files.createDirectories(dir.resolve("migration"));
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, family.resolve(f.getFileName()));
            }
        }
        return RuleCatalog.loadDirectory(dir);
    }

    private static List<Finding> run(MemorySourceTree b, MemorySourceTree h, ChangeSet changes, RuleBook rules)
            throws Exception {
        SimpleGateContext ctx = new SimpleGateContext(Mode.PULL_REQUEST, b, h, changes, null, null, Map.of(),
                MigrationChecker.ID, null, rules, null, null);
        return new MigrationChecker().check(ctx);
    }

    private static String kind(int v) {
        return switch (v % 4) {
            case 0 -> "create_t_" + v;
            case 1 -> "expand_add_col_" + v;
            case 2 -> "index_t_" + v;
            default -> "backfill_t_" + v;
        };
    }

    private static String migration(int v) {
        String t = "t_" + (v - v % 4);
        String header = "-- Team: core\n-- Date: 2026-01-01\n-- Description: step " + v + "\n-- Risk: low\n"
                + "-- Estimated Time: 1 minute\n-- Rollback script: none\n";
        return header + switch (v % 4) {
            case 0 -> "-- Phase: expand\nCREATE TABLE " + t + " (\n  id bigint PRIMARY KEY,\n  name varchar(100) NOT NULL,\n"
                    + "  created_at timestamptz NOT NULL DEFAULT now(),\n  payload jsonb DEFAULT '{}'::jsonb\n);\n"
                    + "COMMENT ON TABLE " + t + " IS 'table number " + v + "; generated';\n";
            case 1 -> "-- Phase: expand\nALTER TABLE " + t + " ADD COLUMN col_" + v + " text;\n"
                    + "ALTER TABLE " + t + " ADD CONSTRAINT chk_" + v + " CHECK (col_" + v + " <> '') NOT VALID;\n";
            case 2 -> "-- Phase: expand\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx_" + v + " ON " + t + " (name);\n";
            default -> "-- Phase: backfill\nUPDATE " + t + " SET col_" + (v - 2) + " = name WHERE col_" + (v - 2)
                    + " IS NULL;\nALTER TABLE " + t + " VALIDATE CONSTRAINT chk_" + (v - 2) + ";\nDO $$\nBEGIN\n"
                    + "  PERFORM pg_sleep(0);\nEND\n$$;\n";
        };
    }
}
