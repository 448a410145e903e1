package io.mergegate.cli;

import io.mergegate.core.Finding;
import io.mergegate.core.spi.Checker;
import io.mergegate.core.spi.GateContext;
import java.util.List;
import java.util.Set;

/**
 * Test-only checker (registered from test resources) that throws when the head holds a file named
 * {@code CRASH-ME}, so the end-to-end tests can drive the fail-closed path through the real CLI.
 */
public final class CrashingChecker implements Checker {

    @Override
    public String id() {
        return "crash-test";
    }

    @Override
    public String description() {
        return "Throws on a CRASH-ME file (tests only)";
    }

    @Override
    public Set<String> ruleIds() {
        return Set.of();
    }

    @Override
    public List<Finding> check(GateContext ctx) {
        if (ctx.head().contains("CRASH-ME")) {
            throw new IllegalStateException("planted failure for the fail-closed test");
        }
        return List.of();
    }
}
