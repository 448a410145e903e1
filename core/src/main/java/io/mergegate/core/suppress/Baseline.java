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
 * deterministic and merges cleanly. Every entry has a decision and a reason. Findings in the baseline are
 * reported as suppressed; a {@link #REVOKED} one (the secret was rotated, so the value left in the code or
 * history is dead) is also lowered to a note, a reminder to remove it that never blocks.
 */
public final class Baseline {

    public static final String FALSE_POSITIVE = "false-positive";
    public static final String ACCEPTED_RISK = "accepted-risk";
    public static final String REVOKED = "revoked";

    /** The decisions an entry may hold. */
    public static final List<String> DECISIONS = List.of(FALSE_POSITIVE, ACCEPTED_RISK, REVOKED);

    /** What {@code mergegate baseline} wrote before the decisions were named; read as {@link #ACCEPTED_RISK}. */
    public static final String OLD_ACCEPTED = "accepted";

    private final Map<String, Entry> entries;
    private final int oldDecisions;

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
        this(entries, 0);
    }

    private Baseline(Collection<Entry> entries, int oldDecisions) {
        TreeMap<String, Entry> m = new TreeMap<>();
        for (Entry e : entries) {
            m.put(e.fingerprint(), e);
        }
        this.entries = m;
        this.oldDecisions = oldDecisions;
    }

    public static Baseline empty() {
        return new Baseline(List.of());
    }

    /** A baseline accepting the risk of every given finding, for one reason. */
    public static Baseline of(Collection<Finding> findings, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a baseline entry needs a reason");
        }
        List<Entry> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(new Entry(f.fingerprint(), f.ruleId(), ACCEPTED_RISK, reason));
        }
        return new Baseline(out);
    }

    /** How many entries held the old decision {@code accepted} (read as {@code accepted-risk}). */
    public int oldDecisions() {
        return oldDecisions;
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
        int old = 0;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> e) || !(e.get("fingerprint") instanceof String fp) || fp.isBlank()) {
                throw new IllegalArgumentException("every entry needs a \"fingerprint\" string");
            }
            if (e.get("decision") == null) {
                throw new IllegalArgumentException("entry " + fp + " has no \"decision\"; use one of " + DECISIONS);
            }
            String decision = String.valueOf(e.get("decision"));
            if (decision.equals(OLD_ACCEPTED)) {
                decision = ACCEPTED_RISK;
                old++;
            } else if (!DECISIONS.contains(decision)) {
                throw new IllegalArgumentException("unknown decision \"" + decision + "\" for " + fp
                        + "; use one of " + DECISIONS);
            }
            String reason = e.get("reason") == null ? "" : String.valueOf(e.get("reason")).strip();
            if (reason.isEmpty()) {
                throw new IllegalArgumentException("entry " + fp + " (" + decision + ") has no \"reason\"; say why it is "
                        + "accepted");
            }
            out.add(new Entry(fp, e.get("rule") == null ? "" : String.valueOf(e.get("rule")), decision, reason));
        }
        return new Baseline(out, old);
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
