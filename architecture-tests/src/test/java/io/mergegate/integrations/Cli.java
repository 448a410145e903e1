package io.mergegate.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the shaded {@code cli/target/mergegate.jar}, git and other tools as a user would, in a clean environment. */
final class Cli {

    /** What a process did. */
    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    static Path jar() {
        Path jar = Repo.root().resolve("cli/target/mergegate.jar");
        assumeTrue(Files.isRegularFile(jar) || Repo.inCi(), "cli/target/mergegate.jar is not built");
        assertThat(jar).exists();
        return jar;
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code java -jar mergegate.jar ARGS} in {@code dir}. */
    static Result mergegate(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java().toString(), "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return run(dir, env, cmd);
    }

    static Result git(Path dir, String... args) throws Exception {
        return git(dir, Map.of(), args);
    }

    static Result git(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        return run(dir, env, cmd);
    }

    static Result ok(Result r) {
        assertThat(r.exit()).as(r.all()).isZero();
        return r;
    }

    static Result run(Path dir, Map<String, String> env, List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> e = pb.environment();
        // The gate reads CI variables; the tests must not depend on the CI they run in.
        e.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("CI_") || k.startsWith("BUILDKITE")
                || k.startsWith("GIT_") || k.startsWith("MERGEGATE_") || k.equals("NO_COLOR"));
        e.putAll(env);
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", cmd)).isTrue();
        return new Result(p.exitValue(), out, err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
