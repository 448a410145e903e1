package io.mergegate.checkers.openapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rules this checker emits, read from {@code openapi-rules.tsv} (name, oasdiff-style level
 * ERR/WARN/INFO, version impact). The catalogue holds one file per name with the matching severity.
 */
final class Rules {

    /** The version bump a change needs; NONE for policy rules that say nothing about compatibility. */
    enum Impact { MAJOR, MINOR, PATCH, NONE }

    record Rule(String name, String level, Impact impact) {
    }

    private static final Map<String, Rule> RULES = load();

    private Rules() {
    }

    static boolean has(String name) {
        return RULES.containsKey(name);
    }

    static Rule get(String name) {
        return RULES.get(name);
    }

    static Set<String> names() {
        return Collections.unmodifiableSet(RULES.keySet());
    }

    private static Map<String, Rule> load() {
        Map<String, Rule> out = new LinkedHashMap<>();
        try (InputStream in = Rules.class.getResourceAsStream("openapi-rules.tsv")) {
            if (in == null) {
                throw new IllegalStateException("openapi-rules.tsv missing from the checker jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.put(f[0], new Rule(f[0], f[1], Impact.valueOf(f[2].toUpperCase(java.util.Locale.ROOT))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
