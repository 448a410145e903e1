package io.mergegate.core;

/** Lifecycle of a rule. A deprecated rule names its replacement; ids are never reused. */
public enum RuleStatus {
    STABLE, PREVIEW, DEPRECATED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
