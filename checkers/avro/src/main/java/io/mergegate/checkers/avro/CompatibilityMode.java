package io.mergegate.checkers.avro;

import java.util.Locale;
import java.util.Optional;

/** Confluent Schema Registry's compatibility levels. */
public enum CompatibilityMode {
    BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, NONE;

    /** The new schema must read data written with earlier ones. */
    public boolean backward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Earlier schemas must read data written with the new one. */
    public boolean forward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Compared with every earlier version, not only the latest. */
    public boolean transitive() {
        return name().endsWith("_TRANSITIVE");
    }

    public static Optional<CompatibilityMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
