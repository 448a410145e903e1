package io.mergegate.checkers.secrets;

/** How a secret is shown: a short prefix and its length, never the value. */
public final class Redaction {

    /** The longest prefix ever shown. */
    public static final int MAX_PREFIX = 4;

    private Redaction() {
    }

    /** At most four characters, and at most a quarter of the value, so short passwords show one or none. */
    public static String prefix(String value) {
        int n = Math.min(MAX_PREFIX, value.codePointCount(0, value.length()) / 4);
        return value.substring(0, value.offsetByCodePoints(0, n));
    }

    /** {@code ghp_… (40 characters)}. */
    public static String redact(String value) {
        return prefix(value) + "\u2026 (" + value.codePointCount(0, value.length()) + " characters)";
    }
}
