package io.mergegate.checkers.migrations;

import java.util.HashMap;
import java.util.Map;

/**
 * What earlier migrations built, replayed from their operations: tables with the file that created
 * them, column types, and validated {@code CHECK (col IS NOT NULL)} constraints.
 */
final class Schema {

    /** One table. */
    static final class Table {
        /** The migration that created it; null when it was only altered (created outside migrations). */
        String createdBy;
        final Map<String, String> columns = new HashMap<>();
        final Map<String, String> columnAddedBy = new HashMap<>();
        /** Columns with a validated {@code CHECK (col IS NOT NULL)}. */
        final Map<String, String> notNullChecks = new HashMap<>();
        /** Constraint name to column, for {@code NOT VALID} not-null checks. */
        final Map<String, String> pendingChecks = new HashMap<>();

        Table copy() {
            Table t = new Table();
            t.createdBy = createdBy;
            t.columns.putAll(columns);
            t.columnAddedBy.putAll(columnAddedBy);
            t.notNullChecks.putAll(notNullChecks);
            t.pendingChecks.putAll(pendingChecks);
            return t;
        }
    }

    private final Map<String, Table> tables = new HashMap<>();

    Schema copy() {
        Schema s = new Schema();
        tables.forEach((k, v) -> s.tables.put(k, v.copy()));
        return s;
    }

    Table table(String name) {
        return name == null ? null : tables.get(name);
    }

    /** The migration that created the table, or null. */
    String createdBy(String table) {
        Table t = table(table);
        return t == null ? null : t.createdBy;
    }

    /** The migration that created the column (with its table or later), or null. */
    String columnAddedBy(String table, String column) {
        Table t = table(table);
        return t == null || column == null ? null : t.columnAddedBy.get(column);
    }

    String columnType(String table, String column) {
        Table t = table(table);
        return t == null || column == null ? null : t.columns.get(column);
    }

    boolean hasValidatedNotNullCheck(String table, String column) {
        Table t = table(table);
        return t != null && t.notNullChecks.containsKey(column);
    }

    void apply(Op op, String path) {
        if (op.table == null) {
            return;
        }
        switch (op.kind) {
            case CREATE_TABLE -> {
                Table t = new Table();
                t.createdBy = path;
                tables.put(op.table, t);
            }
            case DROP_TABLE -> tables.remove(op.table);
            case ADD_COLUMN -> {
                Table t = tables.computeIfAbsent(op.table, k -> new Table());
                if (op.column != null) {
                    t.columns.put(op.column, op.type);
                    t.columnAddedBy.put(op.column, path);
                    if (op.notNull) {
                        t.notNullChecks.put(op.column, path);
                    }
                }
            }
            case DROP_COLUMN -> {
                Table t = tables.get(op.table);
                if (t != null && op.column != null) {
                    t.columns.remove(op.column);
                    t.columnAddedBy.remove(op.column);
                    t.notNullChecks.remove(op.column);
                }
            }
            case ALTER_COLUMN_TYPE, MYSQL_COPY -> {
                Table t = tables.get(op.table);
                if (t != null && op.column != null && op.type != null && !op.type.isEmpty()) {
                    t.columns.put(op.column, op.type);
                }
            }
            case SET_NOT_NULL -> {
                Table t = tables.get(op.table);
                if (t != null) {
                    t.notNullChecks.put(op.column, path);
                }
            }
            case RENAME_TABLE -> {
                Table t = tables.remove(op.table);
                if (t != null && op.name != null) {
                    tables.put(op.name, t);
                }
            }
            case RENAME_COLUMN -> {
                Table t = tables.get(op.table);
                if (t != null && op.column != null && op.name != null && t.columns.containsKey(op.column)) {
                    t.columns.put(op.name, t.columns.remove(op.column));
                    t.columnAddedBy.put(op.name, t.columnAddedBy.remove(op.column));
                }
            }
            case ADD_CONSTRAINT -> {
                if (op.checkNotNullColumn != null) {
                    Table t = tables.computeIfAbsent(op.table, k -> new Table());
                    if (op.notValid) {
                        if (op.name != null) {
                            t.pendingChecks.put(op.name, op.checkNotNullColumn);
                        }
                    } else {
                        t.notNullChecks.put(op.checkNotNullColumn, path);
                    }
                }
            }
            case VALIDATE_CONSTRAINT -> {
                Table t = tables.get(op.table);
                if (t != null && op.name != null && t.pendingChecks.containsKey(op.name)) {
                    t.notNullChecks.put(t.pendingChecks.remove(op.name), path);
                }
            }
            default -> {
            }
        }
    }
}
