package io.mergegate.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code reports/src/test/resources/golden/}; rewritten only when the build runs with
 * {@code -Dmergegate.updateGoldens=true}. Test reports carry a fixed tool version and fixed timings,
 * so nothing volatile needs normalising beyond line endings.
 */
public final class Goldens {

    private Goldens() {
    }

    public static Path dir() {
        String root = System.getProperty("mergegate.root");
        if (root != null && Files.isDirectory(Path.of(root, "reports", "src", "test", "resources"))) {
            return Path.of(root, "reports", "src", "test", "resources", "golden");
        }
        return Path.of("src", "test", "resources", "golden").toAbsolutePath();
    }

    public static boolean update() {
        return Boolean.parseBoolean(System.getProperty("mergegate.updateGoldens", "false"));
    }

    public static void assertMatches(String name, String actual) throws IOException {
        Path file = dir().resolve(name);
        if (update()) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file %s missing: run with -Dmergegate.updateGoldens=true", file).exists();
        String expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertThat(actual.replace("\r\n", "\n")).as("output differs from golden %s (rewrite with -Dmergegate.updateGoldens=true)", name)
                .isEqualTo(expected);
    }
}
