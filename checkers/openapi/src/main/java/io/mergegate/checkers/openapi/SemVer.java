package io.mergegate.checkers.openapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version as written in {@code info.version}; a leading {@code v} is allowed. */
record SemVer(int major, int minor, int patch, String pre) implements Comparable<SemVer> {

    private static final Pattern FORMAT = Pattern.compile(
            "v?(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

    static SemVer parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        return new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                m.group(4));
    }

    @Override
    public int compareTo(SemVer o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        if (c != 0 || pre == null && o.pre == null) {
            return c;
        }
        if (pre == null || o.pre == null) {
            return pre == null ? 1 : -1; // a release is above its pre-releases
        }
        return comparePreRelease(pre.split("\\."), o.pre.split("\\."));
    }

    /** SemVer 2.0.0 item 11: identifiers left to right, numbers numerically and below words, more is higher. */
    private static int comparePreRelease(String[] a, String[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean an = a[i].matches("\\d+");
            boolean bn = b[i].matches("\\d+");
            int c = an && bn ? new java.math.BigInteger(a[i]).compareTo(new java.math.BigInteger(b[i]))
                    : an != bn ? (an ? -1 : 1) : a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    boolean sameRelease(SemVer o) {
        return major == o.major && minor == o.minor && patch == o.patch;
    }
}
