package io.mergegate.checkers.migrations;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comment header at the top of a migration: {@code -- Key: value} lines (also {@code #} and lines
 * inside a leading {@code /* *}{@code /} block), read until the first line that is neither blank nor a comment.
 *
 * @param fields field name (lower-cased) to value and the 1-based line it was on
 * @param present whether the file starts with any {@code Key: value} comment at all
 */
public record MigrationHeader(Map<String, Field> fields, boolean present) {

    /** One header field. */
    public record Field(String name, String value, int line) {
    }

    private static final Pattern FIELD = Pattern.compile("^\\s*(?:--+|#|/\\*+|\\*)?\\s*([A-Za-z][A-Za-z /_-]{0,40}?)\\s*:\\s*(.*?)\\s*(?:\\*/)?\\s*$");

    public static MigrationHeader parse(String text) {
        Map<String, Field> fields = new LinkedHashMap<>();
        boolean inBlock = false;
        // line by line as TextLines splits them, stopping at the header's end instead of splitting the file
        int length = text.length();
        int start = 0;
        for (int k = 0; start < length; k++) {
            int end = start;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(start, end).strip();
            start = end + 1 < length && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            if (line.isEmpty()) {
                continue;
            }
            boolean comment = inBlock || line.startsWith("--") || line.startsWith("#") || line.startsWith("/*");
            if (!comment) {
                break;
            }
            if (line.startsWith("/*")) {
                inBlock = true;
            }
            if (inBlock && line.contains("*/")) {
                inBlock = false;
            }
            Matcher m = FIELD.matcher(line);
            if (m.matches()) {
                String key = m.group(1).strip().toLowerCase(Locale.ROOT);
                fields.putIfAbsent(key, new Field(m.group(1).strip(), m.group(2), k + 1));
            }
        }
        return new MigrationHeader(fields, !fields.isEmpty());
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
    }

    /** A field with a non-blank value. */
    public Optional<String> value(String name) {
        return field(name).map(Field::value).filter(v -> !v.isBlank());
    }
}
