package io.mergegate.checkers.migrations;

/**
 * One schema or data operation found in a statement (an {@code ALTER TABLE} yields one per sub-command).
 * A plain mutable holder filled by {@link StatementAnalyzer}; rules only read it.
 */
final class Op {

    enum Kind {
        CREATE_TABLE, DROP_TABLE, CREATE_INDEX, DROP_INDEX, ADD_COLUMN, DROP_COLUMN, ALTER_COLUMN_TYPE, SET_NOT_NULL,
        RENAME_COLUMN, RENAME_TABLE, ADD_CONSTRAINT, VALIDATE_CONSTRAINT, DETACH_PARTITION, TABLE_REWRITE, REINDEX,
        DML, TRUNCATE, ENUM_ADD_VALUE, BEGIN, COMMIT, SET_LOCK_TIMEOUT, CREATE_OTHER, DEFINITION, OTHER_DDL, QUERY,
        MYSQL_COPY, MYSQL_LOCK, SESSION
    }

    enum Constraint { FOREIGN_KEY, CHECK, UNIQUE, PRIMARY_KEY, EXCLUDE, OTHER }

    final Kind kind;
    /** Offset in the file, for line and column. */
    int offset;
    String table;
    String column;
    /** Constraint or index name. */
    String name;
    /** Column type as written, upper-cased and without spaces, e.g. {@code VARCHAR(100)}. */
    String type;
    boolean notNull;
    boolean hasDefault;
    boolean volatileDefault;
    boolean expressionDefault;
    /** serial, identity or stored generated column. */
    boolean rewritingColumn;
    boolean concurrently;
    boolean notValid;
    boolean usingIndex;
    Constraint constraint;
    /** For {@code CHECK (col IS NOT NULL)}: the column. */
    String checkNotNullColumn;
    /** The text of the statement the operation belongs to. */
    String source;
    /** True when found inside a DO block or an EXECUTE string. */
    boolean hidden;
    /** True for a column or constraint that is part of a CREATE TABLE. */
    boolean inCreate;

    Op(Kind kind, int offset) {
        this.kind = kind;
        this.offset = offset;
    }

    /** A one-line excerpt of the statement, e.g. {@code ALTER TABLE users DROP COLUMN email}. */
    String what() {
        return excerpt(source == null ? "" : source);
    }

    static String excerpt(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 90));
        boolean space = false;
        for (int i = 0; i < text.length() && sb.length() < 80; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.length() >= 80 ? sb.substring(0, 77) + "..." : sb.toString();
    }

    boolean isDdl() {
        return switch (kind) {
            case DML, QUERY, BEGIN, COMMIT, SET_LOCK_TIMEOUT, SESSION, DEFINITION -> false;
            default -> true;
        };
    }

    @Override
    public String toString() {
        return kind + (table == null ? "" : " " + table) + (column == null ? "" : "." + column);
    }
}
