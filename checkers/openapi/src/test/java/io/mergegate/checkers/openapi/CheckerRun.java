package io.mergegate.checkers.openapi;

import io.mergegate.core.Finding;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.Facts;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.TestRules;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Runs the checker on in-memory trees, as the engine would. */
final class CheckerRun {

    final Facts facts = new Facts();
    final List<Finding> findings;

    private CheckerRun(SourceTree base, SourceTree head, Map<String, Object> config) throws Exception {
        SimpleGateContext ctx = new SimpleGateContext(Mode.PULL_REQUEST, base, head, null, null, null,
                Map.of("openapi", new CheckerConfig(config)), "openapi", facts, TestRules.catalog(),
                Clock.fixed(java.time.LocalDate.of(2026, 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC),
                Map.of());
        findings = new OpenApiChecker().check(ctx);
    }

    static CheckerRun bytes(Map<String, byte[]> base, Map<String, byte[]> head) throws Exception {
        return new CheckerRun(new MemorySourceTree("base", base), new MemorySourceTree("head", head), Map.of());
    }

    static CheckerRun text(Map<String, String> base, Map<String, String> head) throws Exception {
        return new CheckerRun(MemorySourceTree.ofText("base", base), MemorySourceTree.ofText("head", head), Map.of());
    }

    List<String> rules() {
        return findings.stream().map(Finding::ruleId).toList();
    }

    Finding first(String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " not in " + rules()));
    }
}
