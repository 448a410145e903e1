package io.mergegate.checkers.openapi;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * Lifecycle settings: "today" (injectable) and the minimum notice between deprecation and sunset,
 * per stability level.
 *
 * @param today           the date deprecation rules compare against
 * @param deprecationDays minimum days from today to {@code x-sunset}, by stability level
 */
record Policy(LocalDate today, Map<String, Integer> deprecationDays) {

    static final Map<String, Integer> DEFAULT_DAYS = Map.of("stable", 180, "beta", 90, "alpha", 0, "draft", 0);

    int daysFor(String stability) {
        String s = stability == null ? "stable" : stability.toLowerCase(Locale.ROOT);
        Integer d = deprecationDays.get(s);
        return d != null ? d : deprecationDays.getOrDefault("stable", 180);
    }
}
