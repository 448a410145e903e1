package io.mergegate.checkers.openapi;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Warm-JVM timing of one PR that changes a 4,500-line spec (not a unit test; run by hand):
 * {@code java -cp target/classes:target/test-classes:<test classpath> io.mergegate.checkers.openapi.DiffBenchmark}.
 * Prints the median and 90th percentile of the whole checker run (parse, validate, diff, rules)
 * and of the diff alone on already parsed documents.
 */
public final class DiffBenchmark {

    private DiffBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 140; // 32 lines each: 4,486 lines
        String base = LargeSpecs.spec(operations, "1.4.0", false);
        String head = LargeSpecs.spec(operations, "1.4.0", true);
        System.out.printf(Locale.ROOT, "spec: %d lines, %d bytes%n", head.split("\n").length, head.length());
        Map<String, String> b = Map.of("api/openapi.yaml", base);
        Map<String, String> h = Map.of("api/openapi.yaml", head);
        long[] check = time(30, 40, () -> CheckerRun.text(b, h));
        Policy policy = new Policy(LocalDate.of(2026, 6, 1), Policy.DEFAULT_DAYS);
        io.mergegate.core.source.MemorySourceTree bt = io.mergegate.core.source.MemorySourceTree.ofText("b", b);
        io.mergegate.core.source.MemorySourceTree ht = io.mergegate.core.source.MemorySourceTree.ofText("h", h);
        Workspace bw = new Workspace(bt::file);
        Workspace hw = new Workspace(ht::file);
        bw.load("api/openapi.yaml");
        hw.load("api/openapi.yaml");
        long[] diff = time(30, 40, () -> new OpenApiDiff(bw, "api/openapi.yaml", hw, "api/openapi.yaml", policy, false).run());
        report("checker run (parse + validate + diff + rules)", check);
        report("diff only (parsed documents)", diff);
    }

    private interface Body {
        Object run() throws Exception;
    }

    private static long[] time(int warmup, int runs, Body body) throws Exception {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        long[] out = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            body.run();
            out[i] = System.nanoTime() - t0;
        }
        Arrays.sort(out);
        return out;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-48s median %6.1f ms, p90 %6.1f ms%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.9)] / 1e6);
    }
}
