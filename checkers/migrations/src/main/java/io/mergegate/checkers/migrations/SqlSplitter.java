package io.mergegate.checkers.migrations;

import io.mergegate.core.source.TextLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration into statements without ever failing: {@code '…'} with doubled quotes,
 * {@code E'…'} with backslash escapes, {@code "…"}, MySQL backticks, {@code $tag$…$tag$} bodies,
 * {@code --}, {@code #} (MySQL) and nested {@code /* *}{@code /} comments, {@code BEGIN ATOMIC … END}
 * function bodies and MySQL {@code DELIMITER} lines. Flyway {@code ${placeholders}} stay as they are.
 */
public final class SqlSplitter {

    private final String s;
    private final Dialect dialect;
    private final TextLines lines;
    private final List<SqlStatement> out = new ArrayList<>();
    private String delimiter = ";";
    private int pos;
    private int start = -1;
    private boolean unterminated;

    private SqlSplitter(String text, Dialect dialect) {
        this.s = text;
        this.dialect = dialect;
        this.lines = TextLines.of(text);
    }

    public static List<SqlStatement> split(String text, Dialect dialect) {
        SqlSplitter sp = new SqlSplitter(text, dialect);
        sp.run();
        return sp.out;
    }

    private void run() {
        int atomicDepth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (start < 0 && atLineStart() && startsWithIgnoreCase("DELIMITER") && pos + 9 < s.length()
                    && Character.isWhitespace(s.charAt(pos + 9))) {
                readDelimiterLine();
                continue;
            }
            if (c == '-' && next(1) == '-') {
                skipLineComment();
            } else if (c == '#' && dialect == Dialect.MYSQL) {
                skipLineComment();
            } else if (c == '/' && next(1) == '*') {
                skipBlockComment();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (atomicDepth == 0 && s.startsWith(delimiter, pos)) {
                finish(pos);
                pos += delimiter.length();
            } else {
                if (start < 0) {
                    start = pos;
                }
                if (c == '\'') {
                    boolean escapes = dialect == Dialect.MYSQL || (pos > 0 && (s.charAt(pos - 1) == 'E'
                            || s.charAt(pos - 1) == 'e') && (pos < 2 || !isIdentChar(s.charAt(pos - 2))));
                    skipQuoted('\'', escapes);
                } else if (c == '"') {
                    skipQuoted('"', dialect == Dialect.MYSQL);
                } else if (c == '`') {
                    skipQuoted('`', false);
                } else if (c == '$' && dollarTagEnd(pos) > 0) {
                    skipDollar();
                } else if (isIdentStart(c)) {
                    int e = pos;
                    while (e < s.length() && isIdentChar(s.charAt(e))) {
                        e++;
                    }
                    String word = s.substring(pos, e).toUpperCase(Locale.ROOT);
                    if (word.equals("ATOMIC") && precededByBegin()) {
                        atomicDepth++;
                    } else if (atomicDepth > 0 && word.equals("CASE")) {
                        atomicDepth++;
                    } else if (atomicDepth > 0 && word.equals("END")) {
                        atomicDepth--;
                    }
                    pos = e;
                } else {
                    pos++;
                }
            }
        }
        finish(s.length());
    }

    private boolean precededByBegin() {
        int i = pos - 1;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        int e = i + 1;
        while (i >= 0 && isIdentChar(s.charAt(i))) {
            i--;
        }
        return s.substring(i + 1, e).equalsIgnoreCase("BEGIN");
    }

    private boolean atLineStart() {
        int i = pos - 1;
        while (i >= 0 && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || s.charAt(i) == '\n' || s.charAt(i) == '\r';
    }

    private boolean startsWithIgnoreCase(String word) {
        return s.regionMatches(true, pos, word, 0, word.length());
    }

    private void readDelimiterLine() {
        int e = pos + 9;
        while (e < s.length() && s.charAt(e) != '\n' && s.charAt(e) != '\r') {
            e++;
        }
        String d = s.substring(pos + 9, e).trim();
        int space = d.indexOf(' ');
        if (space > 0) {
            d = d.substring(0, space);
        }
        if (!d.isEmpty()) {
            delimiter = d;
        }
        pos = e;
    }

    private void finish(int end) {
        if (start >= 0) {
            String text = s.substring(start, Math.max(start, end)).strip();
            if (!text.isEmpty()) {
                out.add(new SqlStatement(text, start, lines.lineOf(start), lines.columnOf(start), unterminated));
            }
        }
        start = -1;
        unterminated = false;
    }

    private char next(int k) {
        return pos + k < s.length() ? s.charAt(pos + k) : '\0';
    }

    private void skipLineComment() {
        while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        while (pos < s.length()) {
            if (s.charAt(pos) == '/' && next(1) == '*') {
                depth++;
                pos += 2;
            } else if (s.charAt(pos) == '*' && next(1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0 || dialect == Dialect.MYSQL) {
                    return;
                }
            } else {
                pos++;
            }
        }
        unterminated = true;
    }

    private void skipQuoted(char q, boolean backslashEscapes) {
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == q) {
                if (next(1) == q) {
                    pos += 2;
                } else {
                    pos++;
                    return;
                }
            } else {
                pos++;
            }
        }
        pos = s.length();
        unterminated = true;
    }

    /** End (exclusive) of a {@code $tag$} opening at i, or -1 when i does not open a dollar quote. */
    int dollarTagEnd(int i) {
        return dollarTagEnd(s, i);
    }

    static int dollarTagEnd(String s, int i) {
        if (i > 0 && isIdentChar(s.charAt(i - 1))) {
            return -1;
        }
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '$') {
            return j + 1;
        }
        if (j >= s.length() || !(Character.isLetter(s.charAt(j)) || s.charAt(j) == '_')) {
            return -1;
        }
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
    }

    private void skipDollar() {
        int tagEnd = dollarTagEnd(pos);
        String tag = s.substring(pos, tagEnd);
        int close = s.indexOf(tag, tagEnd);
        if (close < 0) {
            pos = s.length();
            unterminated = true;
        } else {
            pos = close + tag.length();
        }
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
