package io.mergegate.integrations;

import static io.mergegate.integrations.Cli.git;
import static io.mergegate.integrations.Cli.mergegate;
import static io.mergegate.integrations.Cli.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit fast path as a user installs it: a repository with staged files judged by the
 * installed hook (launcher, class-data sharing archive, {@code check --staged}). The first run
 * writes the archive, later runs reuse it and judge the same. Speed is measured by
 * {@code bench/run.sh --staged}, not here.
 */
class InstalledHookClassDataSharingTest {

    static final int FILES = 500;
    static final int STAGED = 10;
    static final int RUNS = 2;

    @TempDir
    Path tmp;

    @Test
    void theInstalledHookWritesOneArchiveOnItsFirstRunAndReusesIt() throws Exception {
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

        Cli.Result first = Cli.run(repo, env, cmd);
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(first.out()).contains("PASSED");
        Path cache = tmp.resolve("cache/mergegate");
        List<Path> archives = jsaFiles(cache);
        assertThat(archives).as("the first run writes the class-data sharing archive").hasSize(1);
        long written = Files.getLastModifiedTime(archives.get(0)).toMillis();

        for (int i = 0; i < RUNS; i++) {
            Cli.Result r = Cli.run(repo, env, cmd);
            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(r.out().lines().findFirst()).as("the verdict; timings differ").isEqualTo(first.out().lines().findFirst());
        }
        assertThat(jsaFiles(cache)).as("later runs reuse the archive").isEqualTo(archives);
        assertThat(Files.getLastModifiedTime(archives.get(0)).toMillis()).isEqualTo(written);
    }

    private static List<Path> jsaFiles(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }
}
