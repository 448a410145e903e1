package io.mergegate.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the repository root (and so {@code fixtures/}) from a test's working directory. */
public final class FixturePaths {

    private FixturePaths() {
    }

    /** The repository root: the {@code mergegate.root} system property, else the first parent holding fixtures/README.md. */
    public static Path repoRoot() {
        String prop = System.getProperty("mergegate.root");
        if (prop != null && !prop.isBlank() && Files.isRegularFile(Paths.get(prop, "fixtures", "README.md"))) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("fixtures/README.md"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find fixtures/README.md above " + Paths.get("").toAbsolutePath());
    }

    public static Path fixtures() {
        return repoRoot().resolve("fixtures");
    }

    /** The shared folder next to the repository (schemas, validators, corpora), which CI provides. */
    public static Path shared() {
        String env = System.getenv("MERGEGATE_SHARED");
        if (env != null && !env.isBlank()) {
            return Paths.get(env).toAbsolutePath().normalize();
        }
        return repoRoot().resolve("../shared").normalize();
    }

    /** True when goldens may be rewritten ({@code -Dmergegate.updateGoldens=true}); CI never sets it. */
    public static boolean updateGoldens() {
        return Boolean.getBoolean("mergegate.updateGoldens");
    }
}
