package io.mergegate.checkers.openapi;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One node of a parsed spec with the 1-based line and column where it starts: a map (keys in
 * document order), a list, or a scalar with its YAML core type ({@code str}, {@code int},
 * {@code float}, {@code bool}, {@code null}).
 */
final class SpecNode {

    enum Kind { MAP, LIST, SCALAR }

    private final Kind kind;
    private final int line;
    private final int column;
    private final Map<String, SpecNode> map;
    private final List<SpecNode> list;
    private final String text;
    private final String type;
    /** Where the key of a map entry holding this collection starts: findings point at the key, not its first child. */
    private int keyLine;
    private int keyColumn;

    private SpecNode(Kind kind, int line, int column, Map<String, SpecNode> map, List<SpecNode> list, String text,
            String type) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.map = map;
        this.list = list;
        this.text = text;
        this.type = type;
    }

    static SpecNode map(int line, int column, Map<String, SpecNode> entries) {
        return new SpecNode(Kind.MAP, line, column, Collections.unmodifiableMap(entries), List.of(), null, null);
    }

    static SpecNode list(int line, int column, List<SpecNode> items) {
        return new SpecNode(Kind.LIST, line, column, Map.of(), Collections.unmodifiableList(items), null, null);
    }

    static SpecNode scalar(int line, int column, String text, String type) {
        return new SpecNode(Kind.SCALAR, line, column, Map.of(), List.of(), text, type);
    }

    Kind kind() {
        return kind;
    }

    boolean isMap() {
        return kind == Kind.MAP;
    }

    boolean isList() {
        return kind == Kind.LIST;
    }

    boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    int line() {
        return keyLine > 0 ? keyLine : line;
    }

    int column() {
        return keyLine > 0 ? keyColumn : column;
    }

    /** Records the key a block collection is the value of (the first key wins for a node shared by aliases). */
    void keyAt(int line, int column) {
        if (kind != Kind.SCALAR && keyLine == 0 && line > 0) {
            keyLine = line;
            keyColumn = column;
        }
    }

    /** Entries of a map; empty for other kinds. */
    Map<String, SpecNode> fields() {
        return map;
    }

    SpecNode get(String key) {
        return map.get(key);
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    /** Items of a list; empty for other kinds. */
    List<SpecNode> items() {
        return list;
    }

    /** The scalar text, or null for maps and lists. */
    String text() {
        return text;
    }

    /** The scalar's core type: str, int, float, bool or null. */
    String type() {
        return type;
    }

    /** A scalar field's text, or null when absent or not a scalar. */
    String string(String key) {
        SpecNode n = map.get(key);
        return n != null && n.isScalar() && !"null".equals(n.type) ? n.text : null;
    }

    boolean flag(String key) {
        return "true".equalsIgnoreCase(string(key));
    }

    /** A canonical one-line rendering, used to compare values (enum members, defaults, const). */
    String canonical() {
        StringBuilder sb = new StringBuilder();
        canonical(sb, 0);
        return sb.toString();
    }

    private void canonical(StringBuilder sb, int depth) {
        if (depth > 64 || sb.length() > 10_000) {
            sb.append("…");
            return;
        }
        switch (kind) {
            case SCALAR -> {
                if ("float".equals(type) || "int".equals(type)) {
                    sb.append(numeric(text));
                } else if ("null".equals(type)) {
                    sb.append("null");
                } else {
                    sb.append(text);
                }
            }
            case LIST -> {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    list.get(i).canonical(sb, depth + 1);
                }
                sb.append(']');
            }
            case MAP -> {
                sb.append('{');
                boolean first = true;
                for (String k : new java.util.TreeSet<>(map.keySet())) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    sb.append(k).append(": ");
                    map.get(k).canonical(sb, depth + 1);
                }
                sb.append('}');
            }
        }
    }

    private static String numeric(String t) {
        try {
            return new java.math.BigDecimal(t.replace("_", "")).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return t;
        }
    }

    @Override
    public String toString() {
        return kind + "@" + line + ":" + column + (kind == Kind.SCALAR ? "=" + text : "");
    }
}
