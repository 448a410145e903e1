package io.mergegate.checkers.codeowners;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns CODEOWNERS patterns into regular expressions over repository-relative paths, with each
 * platform's own semantics. Written from the platforms' documentation, not from a gitignore library.
 */
final class PatternTranslator {

    /** A compiled pattern, or why the platform rejects it. */
    record Result(String regex, PatternKey key, String error, String literal, boolean dirOnly, PathGlob glob) {

        Result(String regex, PatternKey key, String error, PathGlob glob) {
            this(regex, key, error, null, false, glob);
        }

        static Result error(String why) {
            return new Result(null, PatternKey.ANY, why, null);
        }

        boolean ok() {
            return error == null;
        }

        Pattern compile(boolean ignoreCase) {
            return Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        }
    }

    private static final String NOTHING = "(?!)";

    private PatternTranslator() {
    }

    static Result translate(String pattern, Platform platform) {
        return platform == Platform.GITHUB ? github(pattern) : gitlab(pattern);
    }

    /**
     * GitHub: case-sensitive; a leading or middle {@code /} anchors at the root, a single segment
     * matches at any depth; a trailing {@code /} means the folder's contents; a final literal
     * segment owns itself and its subtree; a final lone {@code *} owns exactly one level;
     * {@code *} and {@code ?} stay within a segment; {@code **} spans folders.
     */
    static Result github(String raw) {
        if (raw.startsWith("!")) {
            return Result.error("negation (`!`) is not supported by GitHub");
        }
        if (raw.startsWith("\\#")) {
            return Result.error("escaping `#` with `\\` is not supported by GitHub");
        }
        if (raw.indexOf('[') >= 0 || raw.indexOf(']') >= 0) {
            return Result.error("character ranges (`[ ]`) are not supported by GitHub");
        }
        if (raw.endsWith("\\") && !raw.endsWith("\\\\")) {
            return Result.error("the pattern ends with an escape character");
        }
        boolean anchored = raw.startsWith("/");
        String p = anchored ? raw.substring(1) : raw;
        boolean dirOnly = p.endsWith("/");
        if (dirOnly) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return new Result(NOTHING, PatternKey.ANY, null, new PathGlob.Builder().segment("", true, false).build());
        }
        List<String> segments = collapse(p.split("/", -1));
        if (segments.size() > 1) {
            anchored = true;
        }
        StringBuilder re = new StringBuilder();
        PathGlob.Builder glob = new PathGlob.Builder();
        if (!anchored) {
            re.append("(?:.*/)?");
            glob.anyDepth();
        }
        boolean needSlash = false;
        int n = segments.size();
        for (int i = 0; i < n; i++) {
            String seg = segments.get(i);
            boolean last = i == n - 1;
            if (seg.equals("**")) {
                if (n == 1) {
                    re.append(".+");
                    glob.oneSegment().anyDepth();
                } else if (i == 0) {
                    re.append("(?:.*/)?");
                    glob.anyDepth();
                } else if (last) {
                    re.append("/.+");
                    glob.oneSegment().anyDepth();
                } else {
                    re.append("(?:/.+)?");
                    glob.anyDepth();
                    needSlash = true;
                }
                continue;
            }
            if (needSlash) {
                re.append('/');
            }
            if (seg.equals("*")) {
                re.append("[^/]+");
                glob.oneSegment();
            } else {
                appendGitHubSegment(re, seg);
                glob.segment(seg, false, false);
                if (last && !dirOnly) {
                    re.append("(?:/.*)?");
                    glob.anyDepth();
                }
            }
            needSlash = true;
        }
        if (dirOnly) {
            re.append("/.*");
            glob.oneSegment().anyDepth();
        }
        List<String> plain = unescaped(segments);
        String literal = null;
        if (anchored && segments.stream().allMatch(PatternKey::isLiteral)) {
            literal = String.join("/", plain);
        }
        return new Result(re.toString(), PatternKey.of(plain, anchored), null, literal, dirOnly, glob.build());
    }

    private static void appendGitHubSegment(StringBuilder re, String seg) {
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            if (c == '\\' && i + 1 < seg.length()) {
                literal(re, seg.charAt(++i));
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                literal(re, c);
            }
        }
    }

    /**
     * GitLab: the pattern is normalised as GitLab does ({@code *} becomes {@code /**}{@code /*}, a
     * pattern without a leading {@code /} gets {@code /**}{@code /} in front, a trailing {@code /}
     * gets {@code **}{@code /*}) and then matched like Ruby's {@code File.fnmatch} with
     * {@code FNM_PATHNAME | FNM_DOTMATCH} against {@code /path}.
     */
    static Result gitlab(String raw) {
        String p = raw.startsWith("\\#") ? raw.substring(1) : raw;
        p = p.replace("\\/", "/"); // an escaped separator is still a separator
        if (p.equals("*")) {
            p = "/**/*";
        }
        if (!p.startsWith("/")) {
            p = "/**/" + p;
        }
        if (p.endsWith("/")) {
            p = p + "**/*";
        }
        StringBuilder re = new StringBuilder();
        int i = 1; // the leading '/' of the normalised pattern stands for the root
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*') {
                if (p.startsWith("**/", i) && p.charAt(i - 1) == '/') {
                    re.append("(?:[^/]*/)*");
                    i += 3;
                    continue;
                }
                while (i + 1 < p.length() && p.charAt(i + 1) == '*') {
                    i++;
                }
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int end = bracketEnd(p, i);
                if (end < 0) {
                    literal(re, c);
                } else {
                    appendBracket(re, p.substring(i + 1, end));
                    i = end;
                }
            } else if (c == '\\' && i + 1 < p.length()) {
                literal(re, p.charAt(++i));
            } else {
                literal(re, c);
            }
            i++;
        }
        List<String> segments = new ArrayList<>(List.of(p.substring(1).split("/", -1)));
        PathGlob.Builder glob = new PathGlob.Builder();
        for (int k = 0; k < segments.size(); k++) {
            if (segments.get(k).equals("**") && k < segments.size() - 1) {
                glob.anyDepth();
            } else {
                glob.segment(segments.get(k), false, true);
            }
        }
        return new Result(re.toString(), PatternKey.of(segments, true), null, glob.build());
    }

    private static int bracketEnd(String p, int open) {
        int j = open + 1;
        if (j < p.length() && (p.charAt(j) == '!' || p.charAt(j) == '^')) {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++;
        }
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == ']') {
                return j;
            }
            if (c == '/') {
                return -1;
            }
            j++;
        }
        return -1;
    }

    private static void appendBracket(StringBuilder re, String body) {
        boolean negate = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
        String b = negate ? body.substring(1) : body;
        re.append(negate ? "[^/" : "(?!/)[");
        for (int k = 0; k < b.length(); k++) {
            char c = b.charAt(k);
            if (c == '\\' && k + 1 < b.length()) {
                c = b.charAt(++k);
                if (Character.isLetterOrDigit(c)) {
                    re.append(c);
                } else {
                    re.append('\\').append(c);
                }
            } else if (c == '-' && k > 0 && k < b.length() - 1) {
                re.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                re.append(c);
            } else {
                re.append('\\').append(c);
            }
        }
        re.append(']');
    }

    private static void literal(StringBuilder re, char c) {
        if (Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == ' ') {
            re.append(c);
        } else if (c > 0x7e) {
            re.append(c);
        } else if (c < 0x20) {
            re.append(String.format("\\x{%x}", (int) c));
        } else {
            re.append('\\').append(c);
        }
    }

    private static List<String> collapse(String[] parts) {
        List<String> out = new ArrayList<>();
        for (String s : parts) {
            if (s.equals("**") && !out.isEmpty() && out.get(out.size() - 1).equals("**")) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    private static List<String> unescaped(List<String> segments) {
        List<String> out = new ArrayList<>();
        for (String s : segments) {
            out.add(unescape(s));
        }
        return out;
    }

    /**
     * Drops each escaping backslash ({@code \\*} is {@code *}); by hand, since a regex replace per
     * segment was most of the parse time of a 2,000-line file.
     */
    static String unescape(String s) {
        int i = s.indexOf('\\');
        if (i < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && !lineTerminator(s.charAt(i + 1))) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** What a regex {@code .} does not match, so the escape of one stays as it is. */
    private static boolean lineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
