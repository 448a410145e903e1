package io.mergegate.checkers.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema normalised for comparison: refs resolved, {@code allOf} flattened into one set of
 * properties and keywords, and the three ways of saying "may be null" ({@code nullable: true}, a
 * {@code "null"} member of a type array, a {@code {type: "null"}} member of {@code oneOf}/{@code anyOf})
 * unified into {@link #nullable}.
 */
final class SchemaView {

    private static final int MAX_ALLOF_DEPTH = 16;

    final Located at;
    final Set<String> types = new LinkedHashSet<>();
    boolean nullable;
    final Map<String, Located> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();
    /** Other keywords, first definition wins, each with its location. */
    final Map<String, Located> keywords = new LinkedHashMap<>();
    final List<Located> oneOf = new ArrayList<>();
    final List<Located> anyOf = new ArrayList<>();

    private SchemaView(Located at) {
        this.at = at;
    }

    static SchemaView of(Workspace ws, Located schema) {
        return of(ws, schema, 0);
    }

    private static SchemaView of(Workspace ws, Located schema, int depth) {
        Located resolved = ws.resolve(schema);
        SchemaView v = new SchemaView(resolved);
        v.absorb(ws, resolved, 0);
        if (depth < MAX_ALLOF_DEPTH) {
            v.unwrapNullVariants(ws, depth);
        }
        v.typeVariantsToTypeList(ws);
        return v;
    }

    boolean present() {
        return at.node() != null;
    }

    Located keyword(String name) {
        return keywords.get(name);
    }

    String text(String name) {
        Located k = keywords.get(name);
        return k == null || k.node() == null || !k.node().isScalar() ? null : k.node().text();
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(text(name));
    }

    private void absorb(Workspace ws, Located s, int depth) {
        SpecNode n = s.node();
        if (n == null || !n.isMap() || depth > MAX_ALLOF_DEPTH) {
            return;
        }
        for (Map.Entry<String, SpecNode> e : n.fields().entrySet()) {
            String key = e.getKey();
            Located child = s.child(key);
            switch (key) {
                case "$ref" -> { }
                case "type" -> {
                    SpecNode t = e.getValue();
                    if (t.isScalar()) {
                        addType(t.text());
                    } else {
                        t.items().forEach(i -> addType(i.text()));
                    }
                }
                case "nullable" -> nullable |= "true".equalsIgnoreCase(e.getValue().text());
                case "properties" -> e.getValue().fields().keySet()
                        .forEach(p -> properties.putIfAbsent(p, child.child(p)));
                case "required" -> e.getValue().items().forEach(i -> {
                    if (i.isScalar()) {
                        required.add(i.text());
                    }
                });
                case "allOf" -> {
                    for (int i = 0; i < e.getValue().items().size(); i++) {
                        absorb(ws, ws.resolve(child.item(i)), depth + 1);
                    }
                }
                case "oneOf" -> {
                    if (oneOf.isEmpty()) {
                        for (int i = 0; i < e.getValue().items().size(); i++) {
                            oneOf.add(child.item(i));
                        }
                    }
                }
                case "anyOf" -> {
                    if (anyOf.isEmpty()) {
                        for (int i = 0; i < e.getValue().items().size(); i++) {
                            anyOf.add(child.item(i));
                        }
                    }
                }
                default -> keywords.putIfAbsent(key, child);
            }
        }
    }

    private void addType(String t) {
        if (t == null) {
            return;
        }
        if (t.equals("null")) {
            nullable = true;
        } else {
            types.add(t);
        }
    }

    /** {@code oneOf: [X, {type: null}]} is X, nullable. */
    private void unwrapNullVariants(Workspace ws, int depth) {
        for (List<Located> variants : List.of(oneOf, anyOf)) {
            boolean removed = variants.removeIf(v -> isNullSchema(ws.resolve(v).node()));
            if (removed) {
                nullable = true;
                if (variants.size() == 1 && types.isEmpty() && properties.isEmpty()) {
                    Located only = variants.remove(0);
                    SchemaView inner = of(ws, only, depth + 1);
                    types.addAll(inner.types);
                    inner.properties.forEach(properties::putIfAbsent);
                    required.addAll(inner.required);
                    inner.keywords.forEach(keywords::putIfAbsent);
                    if (oneOf.isEmpty()) {
                        oneOf.addAll(inner.oneOf);
                    }
                    if (anyOf.isEmpty()) {
                        anyOf.addAll(inner.anyOf);
                    }
                }
            }
        }
    }

    /** {@code oneOf: [{type: string}, {type: integer}]} is the type list {@code [string, integer]}. */
    private void typeVariantsToTypeList(Workspace ws) {
        for (List<Located> variants : List.of(oneOf, anyOf)) {
            if (variants.isEmpty() || !types.isEmpty()) {
                continue;
            }
            Set<String> found = new LinkedHashSet<>();
            for (Located v : variants) {
                SpecNode n = ws.resolve(v).node();
                if (n == null || !n.isMap() || n.fields().size() != 1 || n.string("type") == null) {
                    return;
                }
                found.add(n.string("type"));
            }
            types.addAll(found);
            variants.clear();
        }
    }

    private static boolean isNullSchema(SpecNode n) {
        if (n == null || !n.isMap()) {
            return false;
        }
        SpecNode t = n.get("type");
        if (t == null) {
            return false;
        }
        if (t.isScalar()) {
            return "null".equals(t.text());
        }
        return t.items().size() == 1 && "null".equals(t.items().get(0).text());
    }
}
