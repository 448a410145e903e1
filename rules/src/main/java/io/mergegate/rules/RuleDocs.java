package io.mergegate.rules;

import io.mergegate.core.RuleDescriptor;
import java.util.Map;
import java.util.TreeMap;

/** Generates the rule documentation ({@code docs/rules/}) from the catalogue. */
public final class RuleDocs {

    private RuleDocs() {
    }

    /** Relative file name → Markdown content: one page per rule plus an index. */
    public static Map<String, String> render(RuleCatalog catalog) {
        Map<String, String> out = new TreeMap<>();
        StringBuilder index = new StringBuilder("# mergegate rules\n\n"
                + "Generated from `rules/src/main/resources/mergegate-rules/` by `CatalogueTest` (`mvn verify -Dmergegate.updateGoldens=true`); do not edit by hand.\n");
        String family = "";
        for (RuleDescriptor r : catalog.all()) {
            if (!r.family().equals(family)) {
                family = r.family();
                index.append("\n## ").append(family).append("\n\n| rule | severity | status | summary |\n|---|---|---|---|\n");
            }
            index.append("| [`").append(r.id()).append("`](").append(r.id()).append(".md) | ")
                    .append(r.defaultSeverity().id()).append(" | ").append(r.status().id()).append(" | ")
                    .append(r.shortDescription().replace("|", "\\|")).append(" |\n");
            out.put(r.id() + ".md", page(r, catalog.body(r.id())));
        }
        out.put("README.md", index.toString());
        return out;
    }

    static String page(RuleDescriptor r, String body) {
        StringBuilder sb = new StringBuilder();
        sb.append("# `").append(r.id()).append("`\n\n");
        sb.append(r.shortDescription()).append("\n\n");
        sb.append("| | |\n|---|---|\n");
        sb.append("| default severity | ").append(r.defaultSeverity().id()).append(" |\n");
        sb.append("| status | ").append(r.status().id()).append(" |\n");
        sb.append("| enabled by default | ").append(r.enabledByDefault() ? "yes" : "no (opt-in)").append(" |\n");
        if (!r.tags().isEmpty()) {
            sb.append("| tags | ").append(String.join(", ", r.tags())).append(" |\n");
        }
        if (!r.replacedBy().isEmpty()) {
            sb.append("| replaced by | `").append(r.replacedBy()).append("` |\n");
        }
        sb.append("| message | ").append(r.messageTemplate().replace("|", "\\|")).append(" |\n\n");
        sb.append(body).append('\n');
        return sb.toString();
    }
}
