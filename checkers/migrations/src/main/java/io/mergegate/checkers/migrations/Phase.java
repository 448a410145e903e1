package io.mergegate.checkers.migrations;

import java.util.Locale;
import java.util.Optional;

/** Expand-contract phase of a migration. */
public enum Phase {
    EXPAND, BACKFILL, CONTRACT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Phase> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String v = s.strip().toLowerCase(Locale.ROOT);
        for (Phase p : values()) {
            if (v.equals(p.id()) || v.startsWith(p.id() + " ") || v.startsWith(p.id() + ":")) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
