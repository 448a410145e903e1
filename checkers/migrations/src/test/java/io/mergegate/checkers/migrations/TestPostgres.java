package io.mergegate.checkers.migrations;

import io.mergegate.testkit.FixturePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL for dry-run tests: {@code MERGEGATE_POSTGRES_URL} when set (CI starts one server and
 * exports it), else one started here with {@code shared/services/postgres.sh} and stopped when the JVM exits.
 * Under {@code CI=true} a missing server is a failure, never a skip.
 */
final class TestPostgres {

    private static Optional<String> url;

    private TestPostgres() {
    }

    static synchronized Optional<String> url() {
        if (url == null) {
            url = find();
        }
        return url;
    }

    private static Optional<String> find() {
        String env = System.getenv(MigrationSettings.URL_VARIABLE);
        if (env != null && !env.isBlank()) {
            return Optional.of(env);
        }
        Path script = FixturePaths.shared().resolve("services/postgres.sh");
        try {
            Path state = Files.createTempDirectory("mergegate-migrations-pg");
            Path pid = state.resolve("pid");
            Process p = new ProcessBuilder("bash", script.toString(), "start", "--pid-file", pid.toString(),
                    "--url-file", state.resolve("url").toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("jdbc:postgresql:")) {
                return unavailable("postgres.sh start failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new ProcessBuilder("bash", script.toString(), "stop", "--pid-file", pid.toString())
                            .redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            return Optional.of(out.lines().reduce((a, b) -> b).orElse(out));
        } catch (IOException e) {
            return unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(e.toString());
        }
    }

    private static Optional<String> unavailable(String why) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but no PostgreSQL for the dry-run tests: " + why);
        }
        return Optional.empty();
    }
}
