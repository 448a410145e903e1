package io.mergegate.integrations;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and the shared folder are, for the integration tests. */
final class Repo {

    private Repo() {
    }

    /** The {@code mergegate.root} system property, else the first parent holding {@code .pre-commit-hooks.yaml}. */
    static Path root() {
        String prop = System.getProperty("mergegate.root");
        if (prop != null && !prop.isBlank() && Files.isRegularFile(Path.of(prop, ".pre-commit-hooks.yaml"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(".pre-commit-hooks.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    /** {@code MERGEGATE_SHARED}, else {@code ../shared} next to the repository. */
    static Path shared() {
        String env = System.getenv("MERGEGATE_SHARED");
        return env != null && !env.isBlank() ? Path.of(env) : root().resolve("../shared").normalize();
    }

    /** True when {@code tool} is an executable on PATH. */
    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Tests that need a tool may skip without it only outside CI. */
    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equals("false");
    }
}
