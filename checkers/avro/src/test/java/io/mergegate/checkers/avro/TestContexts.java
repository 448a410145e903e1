package io.mergegate.checkers.avro;

import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.Facts;
import io.mergegate.core.spi.History;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.TestRules;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gate contexts for unit tests: in-memory trees, an optional history and an avro config section. */
final class TestContexts {

    private TestContexts() {
    }

    static SimpleGateContext of(Map<String, byte[]> base, Map<String, byte[]> head, History history,
            Map<String, ?> avroConfig, Facts facts) {
        SourceTree b = new MemorySourceTree("base", base);
        SourceTree h = new MemorySourceTree("head", head);
        Map<String, CheckerConfig> sections = new HashMap<>();
        sections.put("avro", new CheckerConfig(avroConfig));
        return new SimpleGateContext(Mode.PULL_REQUEST, b, h, null, history, null, sections, "avro", facts,
                TestRules.catalog(), null, Map.of());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A history holding the given committed versions of one path, oldest first. */
    static History history(String path, List<String> versions) {
        return new History() {
            @Override
            public List<FileVersion> versionsOf(String p) {
                if (!p.equals(path)) {
                    return List.of();
                }
                java.util.ArrayList<FileVersion> out = new java.util.ArrayList<>();
                for (int i = 0; i < versions.size(); i++) {
                    out.add(new FileVersion(String.format("%040d", i + 1), p, utf8(versions.get(i))));
                }
                return out;
            }

            @Override
            public List<Commit> commits() {
                return List.of();
            }
        };
    }
}
