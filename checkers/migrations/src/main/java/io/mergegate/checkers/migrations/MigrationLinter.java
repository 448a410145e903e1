package io.mergegate.checkers.migrations;

import io.mergegate.core.Finding;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.RuleBook;
import io.mergegate.core.spi.SimpleGateContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mergegate migrations lint FILE…}: the statement and header rules on single files, without
 * history, phases across files or references (there is no base to compare with). Each file is judged
 * against an empty schema, so every table it does not create counts as existing.
 */
public final class MigrationLinter {

    private MigrationLinter() {
    }

    /**
     * Lints the given files.
     *
     * @param files  path (as it should appear in findings) to content
     * @param config the {@code migrations} section of the configuration (dialect, placeholders, header fields)
     * @param rules  the rule catalogue
     * @return the findings, in file and line order
     */
    public static List<Finding> lint(Map<String, byte[]> files, CheckerConfig config, RuleBook rules) {
        Map<String, Object> values = new LinkedHashMap<>(config.raw());
        values.put("paths", List.of("**"));
        CheckerConfig section = new CheckerConfig(values);
        SourceTree head = new MemorySourceTree("files", files);
        SimpleGateContext ctx = new SimpleGateContext(Mode.TREE, SourceTree.empty("none"), head, null, null, null,
                Map.of(MigrationChecker.ID, section), MigrationChecker.ID, null, rules, null, Map.of());
        MigrationSettings settings = MigrationSettings.from(section, Map.of());
        List<Finding> out = new java.util.ArrayList<>(new MigrationRun(ctx, settings, true).run());
        out.sort(java.util.Comparator.comparing((Finding f) -> String.valueOf(f.location().path()))
                .thenComparingInt(f -> f.location().line()));
        return out;
    }
}
