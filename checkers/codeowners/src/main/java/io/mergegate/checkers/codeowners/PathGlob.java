package io.mergegate.checkers.codeowners;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled CODEOWNERS pattern matched segment by segment without regular expressions, so no
 * pattern (however many {@code *}) can make matching take exponential time. A pattern is a list of
 * segment globs and "zero or more segments" markers; a segment glob holds literal characters,
 * {@code ?}, {@code *} and character classes, none of which ever match {@code /}.
 */
final class PathGlob {

    private final Segment[] segments;

    private PathGlob(List<Segment> segments) {
        this.segments = segments.toArray(new Segment[0]);
    }

    /** Builder used by {@link PatternTranslator}. */
    static final class Builder {
        private final List<Segment> out = new ArrayList<>();

        /** Zero or more whole segments. */
        Builder anyDepth() {
            if (out.isEmpty() || out.get(out.size() - 1) != null) {
                out.add(null);
            }
            return this;
        }

        /** Exactly one segment, not empty. */
        Builder oneSegment() {
            out.add(Segment.parse("*", true, false));
            return this;
        }

        /** A segment glob; {@code brackets} enables {@code [...]} classes (GitLab). */
        Builder segment(String glob, boolean nonEmpty, boolean brackets) {
            out.add(Segment.parse(glob, nonEmpty, brackets));
            return this;
        }

        PathGlob build() {
            return new PathGlob(out);
        }
    }

    /** True when the repository-relative path matches. */
    boolean matches(String path) {
        return matches(path, cuts(path));
    }

    /**
     * The segment boundaries of a path: segment {@code j} runs from {@code cuts[j] + 1} to
     * {@code cuts[j + 1]}. Computed once per path and shared by every rule tested against it.
     */
    static int[] cuts(String path) {
        int n = 2;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        int[] cuts = new int[n];
        cuts[0] = -1;
        int k = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                cuts[k++] = i;
            }
        }
        cuts[k] = path.length();
        return cuts;
    }

    /**
     * {@link #matches(String)} with the path's {@link #cuts(String)}: the segment-level twin of
     * {@link Segment#matches}, where a "zero or more segments" marker plays the star. Returning only to
     * the latest marker is enough, so this is O(segments × pattern) at worst and allocates nothing.
     */
    boolean matches(String path, int[] cuts) {
        int s = cuts.length - 1;
        int n = segments.length;
        int p = 0;
        int j = 0;
        int starP = -1;
        int starJ = -1;
        while (j < s) {
            if (p < n && segments[p] == null) {
                starP = p++;
                starJ = j;
            } else if (p < n && segments[p].matches(path, cuts[j] + 1, cuts[j + 1])) {
                p++;
                j++;
            } else if (starP >= 0) {
                p = starP + 1;
                j = ++starJ;
            } else {
                return false;
            }
        }
        while (p < n && segments[p] == null) {
            p++;
        }
        return p == n;
    }

    /** One segment glob. */
    private static final class Segment {
        private static final byte CHAR = 0;
        private static final byte ONE = 1;
        private static final byte STAR = 2;
        private static final byte CLASS = 3;

        private final byte[] kinds;
        private final char[] chars;
        private final String[] classes;
        private final boolean[] negated;
        private final boolean nonEmpty;
        private final String literal;

        private Segment(byte[] kinds, char[] chars, String[] classes, boolean[] negated, boolean nonEmpty) {
            this.kinds = kinds;
            this.chars = chars;
            this.classes = classes;
            this.negated = negated;
            boolean plain = true;
            for (byte k : kinds) {
                plain &= k == CHAR;
            }
            this.nonEmpty = nonEmpty;
            this.literal = plain ? new String(chars) : null;
        }

        static Segment parse(String glob, boolean nonEmpty, boolean brackets) {
            int max = glob.length();
            byte[] kinds = new byte[max];
            char[] chars = new char[max];
            String[] classes = new String[max];
            boolean[] negated = new boolean[max];
            int n = 0;
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                byte kind = CHAR;
                String cls = null;
                boolean neg = false;
                if (c == '\\' && i + 1 < glob.length()) {
                    c = glob.charAt(++i);
                } else if (c == '*') {
                    if (n > 0 && kinds[n - 1] == STAR) {
                        continue;
                    }
                    kind = STAR;
                } else if (c == '?') {
                    kind = ONE;
                } else if (c == '[' && brackets) {
                    int end = classEnd(glob, i);
                    if (end > 0) {
                        String body = glob.substring(i + 1, end);
                        neg = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
                        cls = unescape(neg ? body.substring(1) : body);
                        kind = CLASS;
                        i = end;
                    }
                }
                kinds[n] = kind;
                chars[n] = c;
                classes[n] = cls;
                negated[n] = neg;
                n++;
            }
            return new Segment(Arrays.copyOf(kinds, n), Arrays.copyOf(chars, n), Arrays.copyOf(classes, n),
                    Arrays.copyOf(negated, n), nonEmpty);
        }

        private static int classEnd(String g, int open) {
            int j = open + 1;
            if (j < g.length() && (g.charAt(j) == '!' || g.charAt(j) == '^')) {
                j++;
            }
            if (j < g.length() && g.charAt(j) == ']') {
                j++;
            }
            while (j < g.length()) {
                char c = g.charAt(j);
                if (c == '\\') {
                    j += 2;
                    continue;
                }
                if (c == ']') {
                    return j;
                }
                j++;
            }
            return -1;
        }

        /** Class bodies keep ranges as {@code a-z}; escapes become plain characters marked by a leading NUL. */
        private static String unescape(String body) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < body.length(); k++) {
                char c = body.charAt(k);
                if (c == '\\' && k + 1 < body.length()) {
                    sb.append('\0').append(body.charAt(++k));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        private boolean single(int t, char c) {
            return switch (kinds[t]) {
                case CHAR -> chars[t] == c;
                case ONE -> true;
                case CLASS -> inClass(classes[t], c) != negated[t];
                default -> false;
            };
        }

        private static boolean inClass(String body, char c) {
            int k = 0;
            while (k < body.length()) {
                char lo = body.charAt(k);
                if (lo == '\0' && k + 1 < body.length()) {
                    lo = body.charAt(++k);
                }
                if (k + 2 < body.length() && body.charAt(k + 1) == '-') {
                    char hi = body.charAt(k + 2);
                    if (hi == '\0' && k + 3 < body.length()) {
                        hi = body.charAt(k + 3);
                        k++;
                    }
                    if (c >= lo && c <= hi) {
                        return true;
                    }
                    k += 3;
                } else {
                    if (c == lo) {
                        return true;
                    }
                    k++;
                }
            }
            return false;
        }

        /** Wildcard match of path[from, to) in O(length × pattern) at worst. */
        boolean matches(String path, int from, int to) {
            if (nonEmpty && to == from) {
                return false;
            }
            if (literal != null) {
                return to - from == literal.length() && path.startsWith(literal, from);
            }
            int n = kinds.length;
            int p = 0;
            int s = from;
            int starP = -1;
            int starS = -1;
            while (s < to) {
                if (p < n && kinds[p] == STAR) {
                    starP = p++;
                    starS = s;
                } else if (p < n && single(p, path.charAt(s))) {
                    p++;
                    s++;
                } else if (starP >= 0) {
                    p = starP + 1;
                    s = ++starS;
                } else {
                    return false;
                }
            }
            while (p < n && kinds[p] == STAR) {
                p++;
            }
            return p == n;
        }
    }
}
