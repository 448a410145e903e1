package io.mergegate.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the validators in {@code ../shared/tools} ({@code MERGEGATE_SHARED} overrides the location). */
public final class SharedTools {

    private SharedTools() {
    }

    public static Path shared() {
        String env = System.getenv("MERGEGATE_SHARED");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String root = System.getProperty("mergegate.root");
        Path repo = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
        if (!Files.isDirectory(repo.resolve("core"))) {
            repo = Path.of("..").toAbsolutePath().normalize();
        }
        return repo.toAbsolutePath().normalize().resolveSibling("shared");
    }

    /** Runs {@code tools/<script> args... files...}; asserts exit 0 and returns the combined output. */
    public static String validate(String script, List<String> args, Path... files) throws IOException, InterruptedException {
        Path tool = shared().resolve("tools").resolve(script);
        assumeTrue(Files.isExecutable(tool), "validator not found: " + tool + " (set MERGEGATE_SHARED)");
        List<String> cmd = new ArrayList<>();
        cmd.add(tool.toString());
        cmd.addAll(args);
        for (Path f : files) {
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("validator finished").isTrue();
        assertThat(p.exitValue()).as("%s says:%n%s", script, out).isZero();
        return out;
    }
}
