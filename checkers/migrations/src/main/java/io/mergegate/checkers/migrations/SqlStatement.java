package io.mergegate.checkers.migrations;

/**
 * One statement cut out of a migration file.
 *
 * @param text         the statement without its terminator, leading comments removed
 * @param offset       character offset of the statement's first character in the file
 * @param line         1-based line of the first character
 * @param column       1-based column of the first character
 * @param unterminated true when a quote, comment or dollar-quoted body ran to the end of the file
 */
public record SqlStatement(String text, int offset, int line, int column, boolean unterminated) {
}
