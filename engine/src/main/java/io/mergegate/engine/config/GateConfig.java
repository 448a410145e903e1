package io.mergegate.engine.config;

import io.mergegate.core.Finding;
import io.mergegate.core.Severity;
import io.mergegate.core.source.Glob;
import io.mergegate.core.spi.CheckerConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated {@code .mergegate.yml}. Documented defaults: every checker enabled, {@code fail-on: error},
 * no excludes, no severity overrides, baseline {@code .mergegate-baseline.json}.
 *
 * @param raw      the parsed document
 * @param source   the file it came from, or {@code <defaults>}
 * @param bytes    the file's bytes (for the policy digest), empty for defaults
 */
public record GateConfig(Map<String, Object> raw, String source, byte[] bytes) {

    public static final String DEFAULT_FILE = ".mergegate.yml";
    public static final String DEFAULT_BASELINE = ".mergegate-baseline.json";

    public GateConfig {
        raw = raw == null ? Map.of() : raw;
        bytes = bytes == null ? new byte[0] : bytes;
    }

    /** This config with values set on the command line merged into their sections. */
    @SuppressWarnings("unchecked")
    public GateConfig withOverrides(Map<String, Map<String, Object>> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, Object> merged = new LinkedHashMap<>(raw);
        overrides.forEach((section, values) -> {
            Map<String, Object> m = merged.get(section) instanceof Map<?, ?> old
                    ? new LinkedHashMap<>((Map<String, Object>) old) : new LinkedHashMap<>();
            m.putAll(values);
            merged.put(section, m);
        });
        return new GateConfig(merged, source, bytes);
    }

    public static GateConfig defaults() {
        return new GateConfig(Map.of(), "<defaults>", new byte[0]);
    }

    /** Severities that block the merge. */
    public Set<Severity> failOn() {
        Object v = raw.get("fail-on");
        return v == null ? EnumSet.of(Severity.ERROR) : failOn(v);
    }

    /**
     * Checker id → severities that block its findings, for each of the checkers whose section sets
     * {@code fail-on} (e.g. {@code openapi: {fail-on: warning}}); the others follow {@link #failOn()}.
     */
    public Map<String, Set<Severity>> checkerFailOn(java.util.Collection<String> checkerIds) {
        Map<String, Set<Severity>> out = new LinkedHashMap<>();
        for (String id : checkerIds) {
            section(id).get("fail-on").ifPresent(v -> out.put(id, failOn(v)));
        }
        return out;
    }

    private static Set<Severity> failOn(Object v) {
        Set<Severity> out = EnumSet.noneOf(Severity.class);
        if (v instanceof List<?> l) {
            l.forEach(x -> Severity.parse(String.valueOf(x)).ifPresent(out::add));
            return out;
        }
        return blockingSeverities(String.valueOf(v)).orElse(EnumSet.of(Severity.ERROR));
    }

    /**
     * A fail-on level as written in the config, {@code --fail-on} or {@code mergegate.failOn}: the named
     * severity and every worse one, none for {@code none}; empty when the text names no level.
     */
    public static java.util.Optional<Set<Severity>> blockingSeverities(String level) {
        if (level.trim().equalsIgnoreCase("none")) {
            return java.util.Optional.of(EnumSet.noneOf(Severity.class));
        }
        return Severity.parse(level).map(min -> {
            Set<Severity> out = EnumSet.noneOf(Severity.class);
            for (Severity s : Severity.values()) {
                if (s.atLeast(min)) {
                    out.add(s);
                }
            }
            return out;
        });
    }

    public List<Glob> excludes() {
        return Glob.all(strings(raw.get("exclude")));
    }

    /** Rule id (or {@code family/*}) → severity, empty for {@code off}. */
    public Map<String, Optional<Severity>> ruleOverrides() {
        Map<String, Optional<Severity>> out = new LinkedHashMap<>();
        if (raw.get("rules") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), Severity.parse(String.valueOf(v))));
        }
        return out;
    }

    /**
     * The finding with its rule's severity override ({@code rules:}) applied; empty when the rule is {@code off}.
     *
     * @param overrides {@link #ruleOverrides()}, read once for all the findings of a run
     */
    public static Optional<Finding> override(Map<String, Optional<Severity>> overrides, Finding f) {
        Optional<Severity> o = overrides.containsKey(f.ruleId()) ? overrides.get(f.ruleId())
                : overrides.get(f.family() + "/*");
        if (o == null) {
            return Optional.of(f);
        }
        return o.map(f::withSeverity);
    }

    /** Whether a checker runs: {@code checkers.<id>}, then {@code <id>.enabled}, default true. */
    public boolean isEnabled(String checkerId) {
        if (raw.get("checkers") instanceof Map<?, ?> m && m.get(checkerId) instanceof Boolean b) {
            return b;
        }
        return section(checkerId).bool("enabled", true);
    }

    public String baselineFile() {
        return raw.get("baseline") == null ? DEFAULT_BASELINE : String.valueOf(raw.get("baseline"));
    }

    @SuppressWarnings("unchecked")
    public CheckerConfig section(String name) {
        Object v = raw.get(name);
        return v instanceof Map<?, ?> m ? new CheckerConfig((Map<String, ?>) m) : CheckerConfig.empty();
    }

    /** Every top-level map section as checker config. */
    public Map<String, CheckerConfig> sections() {
        Map<String, CheckerConfig> out = new HashMap<>();
        raw.forEach((k, v) -> {
            if (v instanceof Map<?, ?>) {
                out.put(k, section(k));
            }
        });
        return out;
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        } else if (v != null) {
            out.add(String.valueOf(v));
        }
        return out;
    }
}
