package io.mergegate.checkers.migrations;

/**
 * A lexical token of one statement.
 *
 * @param type   what it is
 * @param text   the value: a word upper-cased, a quoted identifier or string without its quotes
 * @param offset character offset in the statement text
 */
record Token(Type type, String text, int offset) {

    enum Type { WORD, QUOTED_IDENT, STRING, DOLLAR_STRING, NUMBER, PLACEHOLDER, SYMBOL }

    boolean is(String word) {
        return type == Type.WORD && text.equals(word);
    }

    boolean isSymbol(String sym) {
        return type == Type.SYMBOL && text.equals(sym);
    }

    boolean isName() {
        return type == Type.WORD || type == Type.QUOTED_IDENT || type == Type.PLACEHOLDER;
    }
}
