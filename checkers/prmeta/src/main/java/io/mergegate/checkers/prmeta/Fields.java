package io.mergegate.checkers.prmeta;

import io.mergegate.checkers.prmeta.MarkdownSections.Line;
import io.mergegate.checkers.prmeta.MarkdownSections.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code key: value} fields of a description section; list markers and bold around the key are
 * allowed, and lines below a field that are not fields themselves continue its value.
 */
final class Fields {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9 ()/&'-]{0,60}");

    /**
     * One field.
     *
     * @param name  the key as written
     * @param value the text after the colon and the continuation lines, trimmed
     * @param lines the value lines (first line after the colon, then continuation lines)
     */
    record Field(String name, String value, List<String> lines) {

        boolean isEmptyOrPlaceholder() {
            List<Line> ls = new ArrayList<>();
            lines.forEach(l -> ls.add(new Line(0, l, false)));
            return MarkdownSections.isEmptyOrPlaceholder(ls);
        }
    }

    private final Map<String, Field> byKey = new LinkedHashMap<>();

    private Fields() {
    }

    static Fields of(Section section) {
        Fields f = new Fields();
        String key = null;
        String name = null;
        List<String> lines = new ArrayList<>();
        for (Line l : section.content()) {
            if (l.code()) {
                continue;
            }
            if (l.text().isBlank() || l.text().strip().startsWith("#")) {
                f.put(key, name, lines);
                key = null;
                continue;
            }
            String s = MarkdownSections.stripDecoration(l.text().strip().replaceFirst("^(?:[-*+]|\\d+[.)])\\s+", ""));
            String raw = MarkdownSections.unquote(l.text().strip()).replaceFirst("^(?:[-*+]|\\d+[.)])\\s+", "");
            String[] kv = split(raw);
            if (kv != null && !raw.startsWith("[") && !s.isEmpty()) {
                f.put(key, name, lines);
                name = kv[0];
                key = key(name);
                lines = new ArrayList<>();
                lines.add(kv[1]);
            } else if (key != null) {
                lines.add(l.text().strip());
            }
        }
        f.put(key, name, lines);
        return f;
    }

    /** {@code key: value} with optional bold around the key or after the colon, or null. */
    static String[] split(String raw) {
        int colon = raw.indexOf(':');
        if (colon < 1 || colon > 70) {
            return null;
        }
        String k = MarkdownSections.trim(raw.substring(0, colon).strip(), "*_").strip();
        if (!KEY.matcher(k).matches()) {
            return null;
        }
        String v = raw.substring(colon + 1).strip();
        if (v.startsWith("**") || v.startsWith("__")) {
            v = v.substring(2).strip();
        }
        if (v.endsWith("**") || v.endsWith("__")) {
            v = v.substring(0, v.length() - 2).strip();
        }
        return new String[] {k.strip(), v};
    }

    private void put(String key, String name, List<String> lines) {
        if (key == null) {
            return;
        }
        List<String> kept = new ArrayList<>(lines);
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        byKey.putIfAbsent(key, new Field(name, String.join("\n", kept).strip(), List.copyOf(kept)));
    }

    /** Letters and digits only, lower case: "Backward Compatibility (Strategy)" becomes "backwardcompatibilitystrategy". */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The first field whose key is one of the names. */
    Optional<Field> find(List<String> names) {
        for (String n : names) {
            Field f = byKey.get(key(n));
            if (f != null) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
