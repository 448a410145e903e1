package io.mergegate.integrations;

import static io.mergegate.integrations.Cli.git;
import static io.mergegate.integrations.Cli.mergegate;
import static io.mergegate.integrations.Cli.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit fast path: a 5,000-file repository with 10 staged files, judged by the installed
 * hook (JVM start, class-data sharing archive, {@code check --staged}). Prints the wall times and
 * writes them to {@code target/benchmarks/staged-check.txt}; the goal is under 1 s on an idle
 * 2-core machine, the assertion only catches gross regressions since CI machines are shared.
 */
class StagedBenchmarkTest {

    static final int FILES = 5_000;
    static final int STAGED = 10;
    static final int RUNS = 3;

    @TempDir
    Path tmp;

    @Test
    void check_staged_on_a_5000_file_repository_with_10_staged_files() throws Exception {
        Path repo = tmp.resolve("repo");
        for (int i = 0; i < FILES; i++) {
            int pkg = i / 50;
            Path f = repo.resolve("src/pkg" + pkg + "/File" + i + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "package pkg" + pkg + ";\n\n/** File " + i + ". */\npublic class File" + i
                    + " {\n    int value() {\n        return " + i + ";\n    }\n}\n");
        }
        Files.writeString(repo.resolve("CODEOWNERS"), "* @acme/core\n");
        ok(git(repo, "init", "-q", "-b", "main"));
        ok(git(repo, "add", "-A"));
        ok(git(repo, "commit", "-q", "-m", "base"));
        ok(git(repo, "checkout", "-q", "-b", "feature/CORE-9-bench"));
        for (int i = 0; i < STAGED; i++) {
            Path f = repo.resolve("src/pkg" + i + "/File" + (i * 50) + ".java");
            Files.writeString(f, Files.readString(f) + "// change " + i + "\n");
        }
        ok(git(repo, "add", "-A"));
        assertThat(ok(git(repo, "diff", "--cached", "--name-only")).out().lines()).hasSize(STAGED);

        Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        ok(mergegate(repo, env, "install-hook"));
        Path hook = repo.resolve(".git/hooks/pre-commit");
        List<String> cmd = List.of("sh", hook.toString());

        long t0 = System.nanoTime();
        Cli.Result first = Cli.run(repo, env, cmd);
        double firstSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(first.exit()).as(first.all()).isZero();
        try (var archives = Files.list(tmp.resolve("cache/mergegate"))) {
            assertThat(archives.toList()).as("the first run writes the class-data sharing archive").hasSize(1);
        }

        List<Double> cds = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            Cli.Result r = Cli.run(repo, env, cmd);
            cds.add((System.nanoTime() - s) / 1e9);
            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(r.out()).contains("PASSED");
        }
        Collections.sort(cds);
        double median = cds.get(RUNS / 2);
        String report = String.format(java.util.Locale.ROOT,
                "check --staged, %d files, %d staged, installed hook: first run (writes the CDS archive) %.2f s; "
                        + "with CDS median %.2f s (min %.2f, max %.2f) over %d runs; %d CPUs%n",
                FILES, STAGED, firstSeconds, median, cds.get(0), cds.get(RUNS - 1), RUNS,
                Runtime.getRuntime().availableProcessors());
        System.out.print("benchmark: " + report);
        Path out = Path.of("target/benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("staged-check.txt"), report);
        assertThat(median).as(report).isLessThan(20.0);
    }
}
