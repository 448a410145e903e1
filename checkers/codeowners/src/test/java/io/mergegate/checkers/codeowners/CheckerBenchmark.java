package io.mergegate.checkers.codeowners;

import io.mergegate.core.Finding;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.TestRules;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Times the checker on a pull request that rewrites a 2,000-line CODEOWNERS in a 100,000-file tree
 * (every line linted against the tree, required owners over the tree, coverage). Not a unit test:
 * run its main method.
 */
public final class CheckerBenchmark {

    private CheckerBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(42);
        Map<String, byte[]> base = new TreeMap<>();
        String[] ext = {".java", ".md", ".yaml", ".sql", ".ts", ".json", ".rb"};
        while (base.size() < 100_000) {
            int svc = random.nextInt(800);
            base.put("services/svc-" + svc + "/" + (random.nextBoolean() ? "src/main/java/com/acme/m" + random.nextInt(20)
                    : random.nextBoolean() ? "migrations" : "docs/d" + random.nextInt(5)) + "/File" + random.nextInt(5_000)
                    + ext[random.nextInt(ext.length)], new byte[0]);
        }
        StringBuilder co = new StringBuilder("* @acme/maintainers\n");
        for (int n = 1; n < 2_000; n++) {
            int svc = random.nextInt(800);
            String team = "@acme/team-" + random.nextInt(60);
            switch (n % 4) {
                case 0 -> co.append("/services/svc-").append(svc).append("/ ").append(team);
                case 1 -> co.append("/services/svc-").append(svc).append("/docs/* ").append(team);
                case 2 -> co.append("services/svc-").append(svc).append("/**/*.sql ").append(team).append(" @acme/dba");
                default -> co.append("**/m").append(svc % 20).append("/File").append(svc).append(".java ").append(team);
            }
            co.append('\n');
        }
        Map<String, byte[]> head = new TreeMap<>(base);
        base.put(".github/CODEOWNERS", "* @acme/maintainers\n".getBytes(StandardCharsets.UTF_8));
        head.put(".github/CODEOWNERS", co.toString().getBytes(StandardCharsets.UTF_8));
        CheckerConfig config = new CheckerConfig(Map.of("required-owners",
                Map.of("**/migrations/*.sql", List.of("@acme/dba")), "coverage", 90));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            SimpleGateContext ctx = new SimpleGateContext(Mode.PULL_REQUEST, new MemorySourceTree("base", base),
                    new MemorySourceTree("head", head), null, null, null, Map.of("codeowners", config), "codeowners",
                    null, TestRules.catalog(), null, null);
            List<Finding> findings = new CodeownersChecker().check(ctx);
            System.out.printf("round %d: %,d findings, %d ms wall, %d ms CPU%n", round, findings.size(),
                    (System.nanoTime() - wall) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
        }
    }
}
