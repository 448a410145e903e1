package io.mergegate.checkers.codeowners;

import io.mergegate.core.source.MemorySourceTree;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Times {@code codeowners audit} of a 100,000-file tree with a 2,000-line CODEOWNERS. Not a unit test:
 * run it with {@code mvn -o -q -pl checkers/codeowners test-compile exec:java} or from the IDE, e.g.
 * {@code java -cp target/test-classes:target/classes:<core jar> io.mergegate.checkers.codeowners.AuditBenchmark}.
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Platform platform = args.length > 2 ? Platform.parse(args[2]).orElseThrow() : Platform.GITHUB;
        Random random = new Random(42);
        Map<String, byte[]> tree = new TreeMap<>();
        String[] ext = {".java", ".md", ".yaml", ".sql", ".ts", ".json", ".rb"};
        while (tree.size() < files) {
            int svc = random.nextInt(800);
            String path = "services/svc-" + svc + "/" + (random.nextBoolean() ? "src/main/java/com/acme/m" + random.nextInt(20)
                    : random.nextBoolean() ? "migrations" : "docs/d" + random.nextInt(5)) + "/File" + random.nextInt(5_000)
                    + ext[random.nextInt(ext.length)];
            tree.put(path, new byte[0]);
        }
        StringBuilder co = new StringBuilder("* @acme/maintainers\n");
        int n = 1;
        while (n < lines) {
            int svc = random.nextInt(800);
            String team = "@acme/team-" + random.nextInt(60);
            switch (n % 8) {
                case 0 -> co.append("/services/svc-").append(svc).append("/ ").append(team);
                case 1 -> co.append("/services/svc-").append(svc).append("/docs/* ").append(team);
                case 2 -> co.append("services/svc-").append(svc).append("/**/*.sql ").append(team).append(" @acme/dba");
                case 3 -> co.append("*.svc").append(svc).append(".md ").append(team);
                case 4 -> co.append("/services/svc-").append(svc).append("/src/main/java/com/acme/m").append(svc % 20)
                        .append("/ ").append(team);
                case 5 -> co.append("**/m").append(svc % 20).append("/File").append(svc).append(".java ").append(team);
                case 6 -> co.append("/services/svc-").append(svc).append("/migrations/ @acme/dba ").append(team);
                default -> co.append("/services/svc-").append(svc).append("/src/*/java/ ").append(team);
            }
            co.append('\n');
            n++;
        }
        String location = platform.locations().get(0);
        tree.put(location, co.toString().getBytes(StandardCharsets.UTF_8));
        MemorySourceTree source = new MemorySourceTree("bench", tree);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            CodeownersAudit audit = new CodeownersAudit(source, platform);
            long[] chars = {0};
            CodeownersAudit.Summary s = audit.audit(false, row -> chars[0] += row.length());
            long ms = (System.nanoTime() - start) / 1_000_000;
            long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            System.out.printf("round %d: %,d files, %,d CODEOWNERS lines (%s): parse+compile+audit %d ms wall, %d ms CPU,"
                    + " %.1f%% owned, %,d output chars%n", round, s.files(), lines, platform.id(), ms, cpuMs,
                    s.coveragePercent(), chars[0]);
        }
    }
}
