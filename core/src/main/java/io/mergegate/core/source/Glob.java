package io.mergegate.core.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Path globs as users write them in {@code .mergegate.yml}: {@code *} and {@code ?} stay inside one
 * path segment, {@code **} spans segments ({@code **}{@code /} also matches zero folders), {@code {a,b}}
 * alternatives, {@code [abc]} classes. A pattern without {@code /} matches the file name at any depth.
 */
public final class Glob {

    /** Shapes matched without a regex (a regex with a leading {@code .*} costs a scan of 20,000 paths seconds). */
    private enum Shape { NAME_ANYWHERE, UNDER_FOLDER, FOLDER_ANYWHERE, SUFFIX_ANYWHERE, REGEX }

    private static final String WILDCARDS = "*?[]{},\\";

    private final String pattern;
    private final Pattern regex;
    private final Shape shape;
    private final String literal;

    private Glob(String pattern) {
        this.pattern = pattern;
        String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        boolean anyDepth = !p.contains("/");
        this.regex = Pattern.compile((anyDepth ? "(?:.*/)?" : "") + toRegex(p));
        String name = p.startsWith("**/") ? p.substring(3) : anyDepth ? p : null;
        if (name != null && plain(name) && !name.contains("/")) {
            shape = Shape.NAME_ANYWHERE; // **/package-lock.json, yarn.lock
            literal = name;
        } else if (p.endsWith("/**") && plain(p.substring(0, p.length() - 3)) && !p.startsWith("**/")) {
            shape = Shape.UNDER_FOLDER; // fixtures/**
            literal = p.substring(0, p.length() - 3);
        } else if (p.startsWith("**/") && p.endsWith("/**") && p.length() > 6 && plain(p.substring(3, p.length() - 3))) {
            shape = Shape.FOLDER_ANYWHERE; // **/generated/**, **/src/test/resources/**
            literal = p.substring(3, p.length() - 3);
        } else if (name != null && name.startsWith("*") && plain(name.substring(1)) && !name.contains("/")) {
            shape = Shape.SUFFIX_ANYWHERE; // *.sql, **/*.min.js
            literal = name.substring(1);
        } else {
            shape = Shape.REGEX;
            literal = null;
        }
    }

    private static boolean plain(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (WILDCARDS.indexOf(s.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
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
        return switch (shape) {
            case NAME_ANYWHERE -> path.endsWith(literal)
                    && (path.length() == literal.length() || path.charAt(path.length() - literal.length() - 1) == '/');
            case UNDER_FOLDER -> path.length() > literal.length() && path.startsWith(literal)
                    && path.charAt(literal.length()) == '/';
            case FOLDER_ANYWHERE -> folderAnywhere(path);
            case SUFFIX_ANYWHERE -> path.endsWith(literal) && path.lastIndexOf('/') < path.length() - literal.length();
            case REGEX -> regex.matcher(path).matches();
        };
    }

    /** {@code **}{@code /x/y/**}: the folders x/y at any depth, with something below them. */
    private boolean folderAnywhere(String path) {
        for (int at = path.indexOf(literal); at >= 0; at = path.indexOf(literal, at + 1)) {
            int end = at + literal.length();
            if ((at == 0 || path.charAt(at - 1) == '/') && end < path.length() && path.charAt(end) == '/') {
                return true;
            }
        }
        return false;
    }

    /** The same answer through the regex: what the fast paths are tested against. */
    boolean matchesByRegex(String path) {
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
