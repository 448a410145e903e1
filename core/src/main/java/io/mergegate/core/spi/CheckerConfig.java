package io.mergegate.core.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checker's section of {@code .mergegate.yml}, already validated against the JSON Schema.
 * Accessors fall back to the given default when a key is absent.
 */
public final class CheckerConfig {

    private final Map<String, Object> values;

    public CheckerConfig(Map<String, ?> values) {
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    }

    public static CheckerConfig empty() {
        return new CheckerConfig(Map.of());
    }

    public Map<String, Object> raw() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String string(String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        return v instanceof Boolean b ? b : v == null ? fallback : Boolean.parseBoolean(String.valueOf(v));
    }

    public int integer(String key, int fallback) {
        Object v = values.get(key);
        return v instanceof Number n ? n.intValue() : v == null ? fallback : Integer.parseInt(String.valueOf(v));
    }

    public double number(String key, double fallback) {
        Object v = values.get(key);
        return v instanceof Number n ? n.doubleValue() : v == null ? fallback : Double.parseDouble(String.valueOf(v));
    }

    /** A list of strings; a single string counts as a one-element list. */
    public List<String> strings(String key, List<String> fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(o -> out.add(String.valueOf(o)));
            return out;
        }
        return List.of(String.valueOf(v));
    }

    /** A nested map, or an empty map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object v = values.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public CheckerConfig section(String key) {
        return new CheckerConfig(map(key));
    }
}
