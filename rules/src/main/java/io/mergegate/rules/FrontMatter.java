package io.mergegate.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A fast reader for the simple front matter rule files use ({@code key: value} lines with plain,
 * single- or double-quoted scalars and flow lists of plain words). Anything else returns empty and
 * the caller falls back to a full YAML parser, so both give the same result; this only keeps the
 * start of every command from paying for hundreds of YAML parses.
 */
final class FrontMatter {

    private static final Resolver RESOLVER = new Resolver();
    private static final Pattern LINE = Pattern.compile("([a-z][a-z-]*): +(.*)");
    private static final Pattern PLAIN = Pattern.compile("[^\\s\"'\\[\\]{}&*!|>%@`#,?:-][^#]*");
    /** A colon that YAML could read as a mapping indicator: anything but one inside a word or URL. */
    private static final Pattern COLON_INDICATOR = Pattern.compile(":(?![A-Za-z0-9/])");
    private static final Pattern LIST_ITEM = Pattern.compile("[A-Za-z0-9_./-]+");

    private FrontMatter() {
    }

    static Optional<Map<String, Object>> parse(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String raw : text.split("\n", -1)) {
            int end = raw.length();
            while (end > 0 && (raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\t')) {
                end--;
            }
            String line = raw.substring(0, end);
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches() || out.containsKey(m.group(1))) {
                return Optional.empty();
            }
            Optional<Object> value = value(m.group(2));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            out.put(m.group(1), value.get());
        }
        return Optional.of(out);
    }

    private static Optional<Object> value(String v) {
        if (!printable(v) || v.indexOf('\t') >= 0) {
            return Optional.empty();
        }
        if (v.startsWith("\"")) {
            return doubleQuoted(v);
        }
        if (v.startsWith("'")) {
            return singleQuoted(v);
        }
        if (v.startsWith("[")) {
            return list(v);
        }
        if (!PLAIN.matcher(v).matches() || COLON_INDICATOR.matcher(v).find()) {
            return Optional.empty();
        }
        // Plain scalars can be numbers, dates, yes/no...: keep only what YAML itself reads as a string.
        Tag tag = RESOLVER.resolve(NodeId.scalar, v, true);
        if (Tag.STR.equals(tag)) {
            return Optional.of(v);
        }
        if (Tag.BOOL.equals(tag) && (v.equals("true") || v.equals("false"))) {
            return Optional.of(Boolean.valueOf(v));
        }
        return Optional.empty();
    }

    /** The characters YAML accepts in a stream; anything else is left to the YAML parser to reject. */
    private static boolean printable(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = c == '\t' || (c >= 0x20 && c <= 0x7E)
                    || ((c >= 0xA0 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD) && !Character.isSpaceChar(c)
                    && !Character.isWhitespace(c) && c != 0xFEFF);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Object> list(String v) {
        if (!v.endsWith("]")) {
            return Optional.empty();
        }
        List<Object> items = new ArrayList<>();
        String inner = v.substring(1, v.length() - 1).strip();
        if (inner.isEmpty()) {
            return Optional.of(items);
        }
        for (String item : inner.split(",", -1)) {
            String t = item.strip();
            if (!LIST_ITEM.matcher(t).matches() || t.equals("true") || t.equals("false") || t.equals("null")) {
                return Optional.empty();
            }
            items.add(t);
        }
        return Optional.of(items);
    }

    private static Optional<Object> singleQuoted(String v) {
        if (v.length() < 2 || !v.endsWith("'")) {
            return Optional.empty();
        }
        String body = v.substring(1, v.length() - 1);
        if (body.replace("''", "").contains("'")) {
            return Optional.empty();
        }
        return Optional.of(body.replace("''", "'"));
    }

    private static Optional<Object> doubleQuoted(String v) {
        StringBuilder sb = new StringBuilder();
        int i = 1;
        while (i < v.length()) {
            char c = v.charAt(i);
            if (c == '"') {
                return i == v.length() - 1 ? Optional.of(sb.toString()) : Optional.empty();
            }
            if (c == '\\') {
                if (i + 1 >= v.length()) {
                    return Optional.empty();
                }
                char e = v.charAt(i + 1);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    default -> {
                        return Optional.empty();
                    }
                }
                i += 2;
                continue;
            }
            sb.append(c);
            i++;
        }
        return Optional.empty();
    }
}
