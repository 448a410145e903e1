package io.mergegate.checkers.secrets;

import io.mergegate.core.Finding;
import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.TestRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Benchmark, not a test: {@code java -cp … io.mergegate.checkers.secrets.SecretsBenchmark [--generate-only] [DIR] [MB] [FILES]}.
 * Generates a source tree (default 200 MB in 20,000 files) with realistic keyword density and a few
 * planted secrets, then reports the wall-clock full-tree scan rate and a staged 10-file change;
 * {@code --generate-only} just writes the tree (for {@code bench/secrets-vs-gitleaks.sh}, which times the tools).
 */
public final class SecretsBenchmark {

    private static final String[] LINES = {
        "    private final String name;",
        "    public int compute(int a, int b) { return a * b + offset; }",
        "import java.util.concurrent.ConcurrentHashMap;",
        "  url: https://api.example.com/v1/items?page=2",
        "    String token = request.getHeader(\"X-Token\");",
        "    if (password == null || password.isEmpty()) { throw new IllegalArgumentException(); }",
        "const secretName = `${prefix}-db-credentials`;",
        "  logging.level.root: INFO",
        "    // TODO: the access key rotation job runs nightly",
        "def get_api_key(self): return self._settings.api_key",
        "    <dependency><groupId>org.example</groupId><artifactId>core</artifactId></dependency>",
        "  - name: Authorization",
        "      in: header",
        "SELECT id, name, created_at FROM users WHERE tenant_id = ? AND deleted = false;",
        "    for (int i = 0; i < items.size(); i++) { total += items.get(i).price(); }",
        "        return new ResponseEntity<>(body, HttpStatus.OK);",
        "  tokenizer: standard",
        "export function hashPassword(pw) { return bcrypt.hash(pw, 12); }",
        "    server: postgres-primary.internal:5432",
        "        \"description\": \"The secret is read from Vault at start-up\",",
    };

    private SecretsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        boolean generateOnly = args.length > 0 && args[0].equals("--generate-only");
        if (generateOnly) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        } else {
            staged(jvmStart);
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/mergegate-secrets-bench");
        int mb = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int files = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        generate(dir, mb, files);
        if (generateOnly) {
            return;
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            DirectorySourceTree tree = new DirectorySourceTree(dir, "bench");
            SecretScan.Result r = SecretScan.tree(tree, SecretScan.Options.defaults());
            double s = (System.nanoTime() - t0) / 1e9;
            double mbs = r.stats().bytes() / 1e6 / s;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf("tree scan run %d: %d files, %.1f MB in %.2f s = %.1f MB/s wall; %.2f CPU-s = %.1f MB per CPU-s;"
                    + " load %.1f; %d findings (%s)%n", run, r.stats().files(), r.stats().bytes() / 1e6, s, mbs, cpu,
                    r.stats().bytes() / 1e6 / cpu, os.getSystemLoadAverage(), r.matches().size(), r.stats());
        }
    }

    /** A staged change of 10 files, measured once from JVM start (cold) and then warm. */
    private static void staged(long jvmStart) {
        long c0 = System.nanoTime();
        TestRules.catalog();
        long c1 = System.nanoTime();
        SecretScanner.defaults();
        System.out.printf("cold start: catalogue %.0f ms, detector table %.0f ms, %d ms after JVM start%n", (c1 - c0) / 1e6,
                (System.nanoTime() - c1) / 1e6, System.currentTimeMillis() - jvmStart);
        Map<String, byte[]> base = new TreeMap<>();
        Map<String, byte[]> head = new TreeMap<>();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 10; i++) {
            String text = body(r, 8_000);
            base.put("src/F" + i + ".java", text.getBytes(StandardCharsets.UTF_8));
            String changed = text + "\n    String apiKey = \"" + FakeSecrets.value("high-entropy", "s" + i) + "\";\n" + body(r, 2_000);
            head.put("src/F" + i + ".java", changed.getBytes(StandardCharsets.UTF_8));
        }
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            MemorySourceTree b = new MemorySourceTree("HEAD", base);
            MemorySourceTree h = new MemorySourceTree("index", head);
            SimpleGateContext ctx = new SimpleGateContext(Mode.STAGED, b, h, ChangeSet.between(b, h), null, null,
                    Map.of("secrets", CheckerConfig.empty()), "secrets", null, TestRules.catalog(), null, Map.of());
            List<Finding> findings = new SecretsChecker().check(ctx);
            long now = System.currentTimeMillis();
            System.out.printf("staged 10-file change run %d: %.1f ms (%d findings)%s%n", run, (System.nanoTime() - t0) / 1e6,
                    findings.size(), run == 1 ? String.format(", %d ms after JVM start", now - jvmStart) : "");
        }
    }

    private static void generate(Path dir, int mb, int files) throws IOException {
        Path marker = dir.resolve(".bench-" + mb + "-" + files);
        if (Files.exists(marker)) {
            return;
        }
        long t0 = System.nanoTime();
        SplittableRandom r = new SplittableRandom(42);
        int perFile = (int) ((long) mb * 1_000_000 / files);
        String[] ext = {".java", ".ts", ".py", ".yml", ".json", ".md", ".go", ".sql", ".properties", ".xml"};
        for (int i = 0; i < files; i++) {
            Path f = dir.resolve("m" + (i % 50) + "/pkg" + (i % 400) + "/File" + i + ext[i % ext.length]);
            Files.createDirectories(f.getParent());
            StringBuilder sb = new StringBuilder(body(r, perFile));
            if (i % 1000 == 0) {
                sb.append("\ntoken: ").append(FakeSecrets.value("github-classic", "bench" + i)).append('\n');
            }
            Files.writeString(f, sb, StandardCharsets.UTF_8);
        }
        Files.writeString(marker, "");
        System.out.printf("generated %d files, %d MB in %.1f s%n", files, mb, (System.nanoTime() - t0) / 1e9);
    }

    /** Source-like lines with realistic keyword density (and no secret) up to {@code size} characters. */
    static String body(SplittableRandom r, int size) {
        StringBuilder sb = new StringBuilder(size + 200);
        while (sb.length() < size) {
            sb.append(LINES[r.nextInt(LINES.length)]).append(" // ").append(Long.toHexString(r.nextLong() >>> 20)).append('\n');
        }
        return sb.toString();
    }
}
