package io.mergegate.checkers.codeowners;

import java.util.List;

/**
 * What a path must contain for a pattern to have a chance of matching, so that a lookup tests only
 * a few candidate rules instead of every line.
 *
 * @param kind   which index holds the rule
 * @param values the leading literal segments ({@link Kind#PREFIX}), or one segment name or suffix
 */
public record PatternKey(Kind kind, List<String> values) {

    /** The index a rule sits in. */
    public enum Kind {
        /** Anchored: the path starts with these literal segments. */
        PREFIX,
        /** Some path segment equals this name. */
        NAME,
        /** Some path segment ends with this literal suffix ({@code .md}, {@code Test.java}, {@code _test.go}). */
        SUFFIX,
        /** Tested for every path. */
        ANY
    }

    static final PatternKey ANY = new PatternKey(Kind.ANY, List.of());

    public PatternKey {
        values = List.copyOf(values);
    }

    /** The key for a pattern split into segments ({@code **} segments included), anchored or not. */
    static PatternKey of(List<String> segments, boolean anchored) {
        if (anchored) {
            int n = 0;
            while (n < segments.size() && isLiteral(segments.get(n))) {
                n++;
            }
            if (n > 0) {
                return new PatternKey(Kind.PREFIX, segments.subList(0, n));
            }
        }
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (isLiteral(segments.get(i))) {
                // the deepest literal segment is usually the most selective (a service name, not "services")
                return new PatternKey(Kind.NAME, List.of(segments.get(i)));
            }
        }
        if (!segments.isEmpty()) {
            // whatever follows the last wildcard must end the segment: "*Test.java" needs "Test.java"
            String last = segments.get(segments.size() - 1);
            int wild = Math.max(last.lastIndexOf('*'), Math.max(last.lastIndexOf('?'), last.lastIndexOf(']')));
            if (wild >= 0 && wild < last.length() - 1 && isLiteral(last.substring(wild + 1))) {
                return new PatternKey(Kind.SUFFIX, List.of(last.substring(wild + 1)));
            }
        }
        return ANY;
    }

    static boolean isLiteral(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
