package io.mergegate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the validators in {@code ../shared/tools} (SARIF, JUnit, CI YAML). Outside CI a missing
 * shared folder skips the test; under {@code CI=true} it fails, so CI never passes without validating.
 */
public final class SharedValidators {

    private SharedValidators() {
    }

    /** Runs {@code bash tools/<script> args... files...}; asserts exit 0 and returns the output. */
    public static String validate(String script, List<String> args, Path... files) {
        Path tool = FixturePaths.shared().resolve("tools").resolve(script);
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(Files.isRegularFile(tool), "validator not found: " + tool + " (set MERGEGATE_SHARED)");
        }
        assertThat(tool).as("shared validator").isRegularFile();
        List<String> cmd = new ArrayList<>(List.of("bash", tool.toString()));
        cmd.addAll(args);
        for (Path f : files) {
            cmd.add(f.toString());
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("%s finished", script).isTrue();
            assertThat(p.exitValue()).as("%s says:%n%s", script, out).isZero();
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + tool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String sarif(Path... files) {
        return validate("validate-sarif.sh", List.of("--strict"), files);
    }

    public static String junit(Path... files) {
        return validate("validate-junit.sh", List.of(), files);
    }
}
