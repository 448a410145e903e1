package io.mergegate.checkers.secrets;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Benchmark input, not a test: {@code java -cp … io.mergegate.checkers.secrets.SecretsHistoryBenchmark COMMITS [SEED]}
 * writes a {@code git fast-import} stream of a repository on {@code main} with COMMITS commits of source changes to
 * standard output (for {@code bench/secrets-history.sh}): an initial import of 400 files, then commits that edit one
 * to four files (replace, insert and delete lines), and now and then add or delete a file. A few commits plant a
 * fake secret (generated from parts) that later commits keep editing around and sometimes remove again; the number
 * of planted secrets goes to standard error, so the bench can show that the scan found each once. Same seed, same
 * stream, fast: no git process per commit.
 */
public final class SecretsHistoryBenchmark {

    private static final String[] DIRS = {"services/orders/src/main/java/com/acme/orders", "services/billing/app",
        "services/gateway/src", "web/src/components", "infra/terraform", "deploy/k8s", "docs", "scripts"};
    private static final String[] EXT = {".java", ".py", ".ts", ".go", ".yml", ".tf", ".md", ".sh", ".json", ".sql"};
    private static final String[] KINDS = {"github-classic", "stripe-live", "gitlab-pat", "slack-bot", "npm"};

    private SecretsHistoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        int planted;
        try (OutputStream out = new BufferedOutputStream(System.out, 1 << 16)) {
            planted = write(commits, seed, out);
        }
        System.err.println(planted);
    }

    /** Writes the stream; returns how many distinct secrets it planted. */
    static int write(int commits, long seed, OutputStream out) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        TreeMap<String, List<String>> files = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            files.put(path(r, i), lines(r, 1_000 + r.nextInt(6_000)));
        }
        // about ten secrets spread over the history (one per 500 commits of 5,000), none in the last few commits
        int every = Math.max(25, commits / 10);
        int planted = 0;
        long time = 1_767_225_600L; // 2026-01-01
        for (int c = 1; c <= commits; c++) {
            List<String> changed = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            String message;
            if (c == 1) {
                changed.addAll(files.keySet());
                message = "initial import";
            } else if (c % every == every / 2 && c + 5 < commits) {
                String p = pick(r, files);
                List<String> body = files.get(p);
                String kind = KINDS[planted % KINDS.length];
                body.add(r.nextInt(body.size()), "    token: " + FakeSecrets.value(kind, "history" + seed + "-" + c));
                planted++;
                changed.add(p);
                message = "configure the " + kind + " client";
            } else {
                int n = 1 + r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    int action = r.nextInt(100);
                    if (action < 4) {
                        String p = path(r, files.size() + c * 7 + k);
                        files.put(p, lines(r, 800 + r.nextInt(4_000)));
                        changed.add(p);
                    } else if (action < 6 && files.size() > 100) {
                        String p = pick(r, files);
                        files.remove(p);
                        changed.remove(p);
                        deleted.add(p);
                    } else {
                        String p = pick(r, files);
                        edit(r, files.get(p));
                        changed.add(p);
                    }
                }
                message = "change " + c;
            }
            time += 600 + r.nextInt(7_200);
            StringBuilder head = new StringBuilder("commit refs/heads/main\nmark :").append(c)
                    .append("\ncommitter Bench <bench@example.invalid> ").append(time).append(" +0000\n");
            data(head, message);
            if (c > 1) {
                head.append("from :").append(c - 1).append('\n');
            }
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            for (String p : deleted) {
                out.write(("D " + p + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (String p : changed.stream().distinct().toList()) {
                StringBuilder m = new StringBuilder("M 100644 inline ").append(p).append('\n');
                data(m, String.join("\n", files.get(p)) + "\n");
                out.write(m.toString().getBytes(StandardCharsets.UTF_8));
            }
            out.write('\n');
        }
        return planted;
    }

    private static void data(StringBuilder sb, String text) {
        sb.append("data ").append(text.getBytes(StandardCharsets.UTF_8).length).append('\n').append(text).append('\n');
    }

    /** Replaces, inserts and deletes a few lines, as a small code change does (a planted secret may go too). */
    private static void edit(SplittableRandom r, List<String> lines) {
        int n = 1 + r.nextInt(6);
        for (int k = 0; k < n; k++) {
            int at = r.nextInt(lines.size());
            List<String> fresh = lines(r, 60 + r.nextInt(200));
            switch (r.nextInt(3)) {
                case 0 -> lines.set(at, fresh.get(0));
                case 1 -> lines.addAll(at, fresh);
                default -> {
                    if (lines.size() > 5) {
                        lines.remove(at);
                    }
                }
            }
        }
    }

    private static List<String> lines(SplittableRandom r, int size) {
        return new ArrayList<>(SecretsBenchmark.body(r, size).lines().toList());
    }

    private static String path(SplittableRandom r, int i) {
        return DIRS[r.nextInt(DIRS.length)] + "/module" + (i % 17) + "/File" + i + EXT[r.nextInt(EXT.length)];
    }

    private static String pick(SplittableRandom r, TreeMap<String, List<String>> files) {
        int n = r.nextInt(files.size());
        for (String p : files.keySet()) {
            if (n-- == 0) {
                return p;
            }
        }
        throw new IllegalStateException("no files");
    }
}
