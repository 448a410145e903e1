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
        if (c == 0 && pre != null != (o.pre != null)) {
            c = pre == null ? 1 : -1;
        }
        return c;
    }
}
