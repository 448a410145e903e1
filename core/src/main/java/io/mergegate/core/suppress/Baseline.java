package io.mergegate.core.suppress;

import io.mergegate.core.Finding;
import io.mergegate.core.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Accepted findings, keyed by fingerprint only: no line numbers and no timestamps, so the file is
 * deterministic and merges cleanly. Findings in the baseline are reported as suppressed.
 */
public final class Baseline {

    /** Allowed decisions; {@code accepted} is the default written by {@code mergegate baseline}. */
    public static final List<String> DECISIONS = List.of("accepted", "false-positive", "accepted-risk", "revoked");

    private final Map<String, Entry> entries;

    /**
     * One accepted finding.
     *
     * @param fingerprint the finding's fingerprint
     * @param rule        its rule id (for humans and for reporting unused entries)
     * @param decision    one of {@link #DECISIONS}
     * @param reason      why it is accepted
     */
    public record Entry(String fingerprint, String rule, String decision, String reason) {
    }

    public Baseline(Collection<Entry> entries) {
        TreeMap<String, Entry> m = new TreeMap<>();
        for (Entry e : entries) {
            m.put(e.fingerprint(), e);
        }
        this.entries = m;
    }

    public static Baseline empty() {
        return new Baseline(List.of());
    }

    /** A baseline accepting every given finding. */
    public static Baseline of(Collection<Finding> findings, String reason) {
        List<Entry> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(new Entry(f.fingerprint(), f.ruleId(), "accepted", reason));
        }
        return new Baseline(out);
    }

    public Optional<Entry> find(String fingerprint) {
        return Optional.ofNullable(entries.get(fingerprint));
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    /** Parses the JSON form; throws IllegalArgumentException naming what is wrong. */
    public static Baseline parse(String json) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (Json.JsonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> m) || !(m.get("entries") instanceof List<?> list)) {
            throw new IllegalArgumentException("expected an object with an \"entries\" array");
        }
        List<Entry> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> e) || !(e.get("fingerprint") instanceof String fp) || fp.isBlank()) {
                throw new IllegalArgumentException("every entry needs a \"fingerprint\" string");
            }
            String decision = e.get("decision") == null ? "accepted" : String.valueOf(e.get("decision"));
            if (!DECISIONS.contains(decision)) {
                throw new IllegalArgumentException("unknown decision \"" + decision + "\" for " + fp
                        + "; use one of " + DECISIONS);
            }
            out.add(new Entry(fp, e.get("rule") == null ? "" : String.valueOf(e.get("rule")), decision,
                    e.get("reason") == null ? "" : String.valueOf(e.get("reason"))));
        }
        return new Baseline(out);
    }

    /** Deterministic JSON: entries sorted by rule, then fingerprint. */
    public String toJson() {
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing(Entry::rule).thenComparing(Entry::fingerprint));
        List<Object> list = new ArrayList<>();
        for (Entry e : sorted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fingerprint", e.fingerprint());
            m.put("rule", e.rule());
            m.put("decision", e.decision());
            m.put("reason", e.reason());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("entries", list);
        return Json.write(root);
    }
}
