package io.mergegate.testkit;

import io.mergegate.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;

/** The rule catalogue as it is in the source tree, so tests see rule files of the same change. */
public final class TestRules {

    private static volatile RuleCatalog catalog;

    private TestRules() {
    }

    public static RuleCatalog catalog() {
        RuleCatalog c = catalog;
        if (c == null) {
            Path dir = FixturePaths.repoRoot().resolve("rules/src/main/resources/" + RuleCatalog.ROOT);
            c = Files.isDirectory(dir) ? RuleCatalog.loadDirectory(dir) : RuleCatalog.builtIn();
            catalog = c;
        }
        return c;
    }
}
