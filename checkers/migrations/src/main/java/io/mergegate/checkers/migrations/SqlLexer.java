package io.mergegate.checkers.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns one statement into tokens; comments are dropped, nothing throws. */
final class SqlLexer {

    private SqlLexer() {
    }

    static List<Token> tokens(String s, Dialect dialect) {
        List<Token> out = new ArrayList<>();
        int pos = 0;
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos);
            char d = pos + 1 < n ? s.charAt(pos + 1) : '\0';
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && d == '-' || c == '#' && dialect == Dialect.MYSQL) {
                while (pos < n && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && d == '*') {
                int depth = 0;
                while (pos < n) {
                    if (s.startsWith("/*", pos)) {
                        depth++;
                        pos += 2;
                    } else if (s.startsWith("*/", pos)) {
                        pos += 2;
                        if (--depth == 0) {
                            break;
                        }
                    } else {
                        pos++;
                    }
                }
            } else if ((c == 'E' || c == 'e') && d == '\'') {
                pos = quoted(s, pos + 1, '\'', true, Token.Type.STRING, pos, out);
            } else if (c == '\'') {
                pos = quoted(s, pos, '\'', dialect == Dialect.MYSQL, Token.Type.STRING, pos, out);
            } else if (c == '"') {
                pos = quoted(s, pos, '"', false,
                        dialect == Dialect.MYSQL ? Token.Type.STRING : Token.Type.QUOTED_IDENT, pos, out);
            } else if (c == '`') {
                pos = quoted(s, pos, '`', false, Token.Type.QUOTED_IDENT, pos, out);
            } else if (c == '$' && d == '{') {
                int close = s.indexOf('}', pos);
                int end = close < 0 ? n : close + 1;
                out.add(new Token(Token.Type.PLACEHOLDER, s.substring(pos, end), pos));
                pos = end;
            } else if (c == '$' && SqlSplitter.dollarTagEnd(s, pos) > 0) {
                int tagEnd = SqlSplitter.dollarTagEnd(s, pos);
                String tag = s.substring(pos, tagEnd);
                int close = s.indexOf(tag, tagEnd);
                int bodyEnd = close < 0 ? n : close;
                out.add(new Token(Token.Type.DOLLAR_STRING, s.substring(tagEnd, bodyEnd), tagEnd));
                pos = close < 0 ? n : close + tag.length();
            } else if (SqlSplitter.isIdentStart(c)) {
                int e = pos;
                while (e < n && SqlSplitter.isIdentChar(s.charAt(e))) {
                    e++;
                }
                out.add(new Token(Token.Type.WORD, s.substring(pos, e).toUpperCase(Locale.ROOT), pos));
                pos = e;
            } else if (Character.isDigit(c) || c == '.' && Character.isDigit(d)) {
                int e = pos;
                while (e < n && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '.')) {
                    e++;
                }
                out.add(new Token(Token.Type.NUMBER, s.substring(pos, e), pos));
                pos = e;
            } else if (c == ':' && d == ':') {
                out.add(new Token(Token.Type.SYMBOL, "::", pos));
                pos += 2;
            } else {
                out.add(new Token(Token.Type.SYMBOL, String.valueOf(c), pos));
                pos++;
            }
        }
        return out;
    }

    private static int quoted(String s, int pos, char q, boolean backslash, Token.Type type, int tokenStart,
            List<Token> out) {
        StringBuilder sb = new StringBuilder();
        int i = pos + 1;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (backslash && c == '\\' && i + 1 < n) {
                char e = s.charAt(i + 1);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
                i += 2;
            } else if (c == q) {
                if (i + 1 < n && s.charAt(i + 1) == q) {
                    sb.append(q);
                    i += 2;
                } else {
                    i++;
                    break;
                }
            } else {
                sb.append(c);
                i++;
            }
        }
        out.add(new Token(type, sb.toString(), tokenStart));
        return i;
    }
}
