package io.mergegate.core;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is. Ordered from most to least severe. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    /** The lower-case name used in config files, SARIF levels and reports. */
    public String id() {
        return id;
    }

    /** True when this severity is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.id.equals(t)) {
                return Optional.of(s);
            }
        }
        if (t.equals("warn")) {
            return Optional.of(WARNING);
        }
        if (t.equals("info")) {
            return Optional.of(NOTE);
        }
        return Optional.empty();
    }
}
