package io.mergegate.checkers.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.testkit.FixturePaths;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real schema registry for integration tests: the URL in {@code MERGEGATE_SCHEMA_REGISTRY_URL}
 * (as {@code .ci/run} exports it), or one started here with the shared script and stopped afterwards.
 * Under {@code CI=true} a registry that cannot be reached fails the tests instead of skipping them.
 */
final class LocalRegistry implements AutoCloseable {

    static final String ENV = "MERGEGATE_SCHEMA_REGISTRY_URL";

    final String url;
    private final Path state;

    private LocalRegistry(String url, Path state) {
        this.url = url;
        this.state = state;
        assertThat(URI.create(url).getHost()).as("tests only talk to a local registry").isEqualTo("127.0.0.1");
    }

    private static LocalRegistry shared;

    /**
     * One registry per test JVM, shared by the test classes: the given URL, or one started on first use
     * and stopped when the JVM exits.
     */
    static synchronized LocalRegistry obtain() throws Exception {
        if (shared == null) {
            shared = start();
            if (shared.state != null) {
                LocalRegistry started = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (Exception e) {
                        // the JVM is exiting; the script's pid file names the process if it survives
                    }
                }));
            }
        }
        return shared;
    }

    private static LocalRegistry start() throws Exception {
        String given = System.getenv(ENV);
        if (given != null && !given.isBlank()) {
            return new LocalRegistry(given.strip(), null);
        }
        Path script = FixturePaths.shared().resolve("services/schema-registry.sh");
        Path state = Files.createTempDirectory("avro-registry-it");
        try {
            if (!Files.isExecutable(script)) {
                throw new IllegalStateException("no registry script at " + script);
            }
            Process p = new ProcessBuilder(script.toString(), "start", "--pid-file", state.resolve("pid").toString(),
                    "--log-file", state.resolve("log").toString(), "--url-file", state.resolve("url").toString())
                    .redirectError(state.resolve("start.err").toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("registry start timed out");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException("registry did not start: "
                        + Files.readString(state.resolve("start.err")));
            }
            return new LocalRegistry(out.lines().reduce((a, b) -> b).orElseThrow(), state);
        } catch (IOException | IllegalStateException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort("no schema registry available outside CI: " + e.getMessage());
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        if (state != null) {
            Path script = FixturePaths.shared().resolve("services/schema-registry.sh");
            Process stop = new ProcessBuilder(script.toString(), "stop", "--pid-file", state.resolve("pid").toString())
                    .redirectErrorStream(true).redirectOutput(state.resolve("stop.log").toFile()).start();
            boolean stopped = stop.waitFor(60, TimeUnit.SECONDS) && stop.exitValue() == 0;
            if (stopped) {
                try (var files = Files.walk(state)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            // otherwise the pid file and the logs stay in the state folder for a manual stop
        }
    }
}
