package io.mergegate.core.spi;

import java.util.Locale;
import java.util.Optional;

/** The semantic-versioning level a change needs. Ordered from none to major. */
public enum ChangeLevel {
    NONE, PATCH, MINOR, MAJOR;

    public static ChangeLevel max(ChangeLevel a, ChangeLevel b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    public static Optional<ChangeLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
