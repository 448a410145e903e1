package io.mergegate.checkers.secrets;

import io.mergegate.core.Finding;
import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.History;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.TestRules;
import java.util.List;
import java.util.Map;

/** Small helpers to run the checker on in-memory trees. */
final class TestTrees {

    private TestTrees() {
    }

    static SourceTree tree(String label, Map<String, String> files) {
        Map<String, String> expanded = new java.util.TreeMap<>();
        files.forEach((p, c) -> expanded.put(p, new String(FakeSecrets.expand(p, c.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.nio.charset.StandardCharsets.UTF_8)));
        return MemorySourceTree.ofText(label, expanded);
    }

    static List<Finding> run(Mode mode, SourceTree base, SourceTree head, History history, Map<String, Object> config) {
        SimpleGateContext ctx = new SimpleGateContext(mode, base, head, ChangeSet.between(base, head), history, null,
                Map.of("secrets", new CheckerConfig(config)), "secrets", null, TestRules.catalog(), null, Map.of());
        return new SecretsChecker().check(ctx);
    }

    static List<Finding> tree(Map<String, String> files) {
        SourceTree head = tree("head", files);
        return run(Mode.TREE, SourceTree.empty("base"), head, null, Map.of());
    }

    static History commits(List<History.Commit> commits) {
        return new History() {
            @Override
            public List<FileVersion> versionsOf(String path) {
                return List.of();
            }

            @Override
            public List<Commit> commits() {
                return commits;
            }
        };
    }
}
