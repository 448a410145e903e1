package io.mergegate.core.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Path globs as users write them in {@code .mergegate.yml}: {@code *} and {@code ?} stay inside one
 * path segment, {@code **} spans segments ({@code **}{@code /} also matches zero folders), {@code {a,b}}
 * alternatives, {@code [abc]} classes. A pattern without {@code /} matches the file name at any depth.
 */
public final class Glob {

    private final String pattern;
    private final Pattern regex;

    private Glob(String pattern) {
        this.pattern = pattern;
        String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        boolean anyDepth = !p.contains("/");
        this.regex = Pattern.compile((anyDepth ? "(?:.*/)?" : "") + toRegex(p));
    }

    public static Glob of(String pattern) {
        return new Glob(pattern);
    }

    /** True when any of the globs matches. */
    public static boolean anyMatch(List<Glob> globs, String path) {
        for (Glob g : globs) {
            if (g.matches(path)) {
                return true;
            }
        }
        return false;
    }

    public static List<Glob> all(List<String> patterns) {
        return patterns.stream().map(Glob::of).toList();
    }

    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    public String pattern() {
        return pattern;
    }

    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                        if (slashAfter) {
                            re.append("(?:.*/)?");
                            i += 2;
                        } else {
                            re.append(".*");
                            i += 1;
                        }
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                case '[' -> {
                    int close = glob.indexOf(']', i + 1);
                    if (close > i + 1) {
                        String body = glob.substring(i + 1, close).replace("\\", "\\\\");
                        if (body.startsWith("!")) {
                            body = "^" + body.substring(1);
                        }
                        re.append('[').append(body).append(']');
                        i = close;
                    } else {
                        re.append("\\[");
                    }
                }
                default -> {
                    if ("\\.^$|+()".indexOf(c) >= 0) {
                        re.append('\\');
                    }
                    re.append(c);
                }
            }
        }
        while (braces-- > 0) {
            re.append(')');
        }
        return re.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
