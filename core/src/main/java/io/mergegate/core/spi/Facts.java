package io.mergegate.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Facts published during one gate run. Thread-safe; values are kept in publication order per key. */
public final class Facts {

    private final Map<FactKey<?>, List<Object>> values = new ConcurrentHashMap<>();

    public <T> void publish(FactKey<T> key, T value) {
        values.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (values.get(key)) {
            values.get(key).add(key.type().cast(value));
        }
    }

    public <T> List<T> all(FactKey<T> key) {
        List<Object> list = values.get(key);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return list.stream().map(key.type()::cast).toList();
        }
    }
}
