package io.mergegate.core.spi;

import java.util.Objects;

/**
 * Typed key of a fact that one checker publishes and others consume.
 *
 * @param name unique name
 * @param type the value type
 * @param <T>  the value type
 */
public record FactKey<T>(String name, Class<T> type) {

    public FactKey {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
    }

    public static <T> FactKey<T> of(String name, Class<T> type) {
        return new FactKey<>(name, type);
    }
}
