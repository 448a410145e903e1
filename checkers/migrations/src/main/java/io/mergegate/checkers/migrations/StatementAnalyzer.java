package io.mergegate.checkers.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keyword classifier, the fallback of {@link StatementParser}: reads a statement's tokens and lists the
 * operations it performs. It never throws and understands the PostgreSQL and MySQL forms JSqlParser rejects ({@code NOT VALID},
 * {@code UNIQUE USING INDEX}, {@code DROP INDEX CONCURRENTLY IF EXISTS}, {@code DO} blocks, ...).
 * {@code DO} bodies and {@code EXECUTE} strings are analysed too; function bodies are definitions.
 */
final class StatementAnalyzer {

    /** First words of statements the classifier knows, even when it finds no operation in them. */
    static final Set<String> KNOWN_VERBS = Set.of("ALTER", "CREATE", "DROP", "INSERT", "UPDATE", "DELETE", "MERGE",
            "UPSERT", "REPLACE", "SELECT", "WITH", "VALUES", "TABLE", "TRUNCATE", "COMMENT", "GRANT", "REVOKE", "SET",
            "RESET", "SHOW", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "ABORT", "PREPARE",
            "EXECUTE", "DEALLOCATE", "DO", "CALL", "COPY", "VACUUM", "ANALYZE", "ANALYSE", "CLUSTER", "REINDEX",
            "REFRESH", "LOCK", "UNLOCK", "NOTIFY", "LISTEN", "UNLISTEN", "LOAD", "DISCARD", "CHECKPOINT", "DECLARE",
            "FETCH", "MOVE", "CLOSE", "EXPLAIN", "SECURITY", "IMPORT", "REASSIGN", "USE", "RENAME", "OPTIMIZE",
            "FLUSH", "PERFORM", "DESCRIBE", "DESC", "HANDLER", "KILL", "PURGE", "XA", "CHECK", "REPAIR", "INSTALL",
            "UNINSTALL", "SIGNAL", "RESIGNAL", "GET", "SOURCE");

    /** Functions whose result is the same for every row, so a default using them does not rewrite. */
    static final Set<String> NON_VOLATILE = Set.of("NOW", "CURRENT_TIMESTAMP", "CURRENT_DATE",
            "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME", "TRANSACTION_TIMESTAMP", "STATEMENT_TIMESTAMP",
            "CURRENT_USER", "SESSION_USER", "USER", "CURRENT_SCHEMA", "TO_JSONB", "TO_JSON", "JSONB_BUILD_OBJECT",
            "JSON_BUILD_OBJECT", "ARRAY", "LOWER", "UPPER", "COALESCE", "MAKE_INTERVAL", "INTERVAL", "CAST");

    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE",
            "CHECK", "REFERENCES", "CONSTRAINT", "GENERATED", "COLLATE", "AUTO_INCREMENT", "COMMENT", "ON", "FIRST",
            "AFTER", "CHARACTER", "CHARSET", "VISIBLE", "INVISIBLE", "STORAGE", "COMPRESSION", "AS");

    private static final Set<String> PL_VERBS = Set.of("ALTER", "CREATE", "DROP", "INSERT", "UPDATE", "DELETE",
            "TRUNCATE", "EXECUTE", "MERGE", "REINDEX", "VACUUM", "CLUSTER");

    /** Object kinds after CREATE, ALTER and DROP (PostgreSQL and MySQL); another word means a typo or garbage. */
    static final Set<String> OBJECT_KINDS = Set.of("TABLE", "INDEX", "UNIQUE", "FULLTEXT", "SPATIAL", "VIEW",
            "MATERIALIZED", "SEQUENCE", "SCHEMA", "EXTENSION", "TYPE", "DOMAIN", "FUNCTION", "PROCEDURE", "ROUTINE",
            "TRIGGER", "RULE", "POLICY", "ROLE", "USER", "GROUP", "DATABASE", "TABLESPACE", "SERVER", "FOREIGN",
            "PUBLICATION", "SUBSCRIPTION", "STATISTICS", "COLLATION", "CONVERSION", "OPERATOR", "AGGREGATE", "CAST",
            "LANGUAGE", "TRANSFORM", "ACCESS", "EVENT", "TEXT", "RECURSIVE", "PROPERTY", "DEFAULT", "CONSTRAINT",
            "TRUSTED", "PROCEDURAL", "SYSTEM", "LARGE", "OWNED", "DEFINER", "SQL", "ALGORITHM", "ONLINE", "OFFLINE",
            "IGNORE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "OR", "INSTANCE", "LOGFILE", "RESOURCE",
            "SPATIAL_REFERENCE_SYSTEM", "UNDO", "KEY", "PREPARE", "COLUMN", "NOT", "MAPPING", "C", "PRIVILEGES");

    private static final int MAX_NESTING = 4;

    private final Dialect dialect;
    private final java.util.Map<String, String> placeholders;

    StatementAnalyzer(Dialect dialect) {
        this(dialect, java.util.Map.of());
    }

    /** With Flyway placeholder values, so {@code ${schema}.users} and {@code ${table}} resolve to table names. */
    StatementAnalyzer(Dialect dialect, java.util.Map<String, String> placeholders) {
        this.dialect = dialect;
        this.placeholders = placeholders;
    }

    /**
     * The result for one statement.
     *
     * @param statement the statement
     * @param ops       what it does
     * @param known     whether the classifier recognised the statement at all
     * @param verb      the first word, upper-cased (empty when the statement has no word)
     */
    record Result(SqlStatement statement, List<Op> ops, boolean known, String verb) {
    }

    Result analyze(SqlStatement st) {
        List<Op> ops = new ArrayList<>();
        List<Token> tokens = SqlLexer.tokens(st.text(), dialect);
        String verb = tokens.isEmpty() || tokens.get(0).type() != Token.Type.WORD ? "" : tokens.get(0).text();
        boolean known = analyze(st.text(), tokens, st.offset(), ops, 0, false);
        return new Result(st, ops, known, verb);
    }

    /** Analyses tokens of one statement; offsets become file offsets by adding {@code base}. */
    private boolean analyze(String text, List<Token> t, int base, List<Op> ops, int depth, boolean hidden) {
        if (t.isEmpty()) {
            return true;
        }
        Cursor c = new Cursor(text, t, base, ops, depth, hidden);
        Token first = t.get(0);
        if (first.type() == Token.Type.SYMBOL && first.text().equals("(")) {
            c.op(Op.Kind.QUERY, 0);
            return true;
        }
        if (first.type() != Token.Type.WORD) {
            return false;
        }
        if ((first.is("CREATE") || first.is("ALTER") || first.is("DROP")) && t.size() > 1
                && !(t.get(1).type() == Token.Type.WORD && OBJECT_KINDS.contains(t.get(1).text()))) {
            return false;
        }
        switch (first.text()) {
            case "CREATE" -> c.create();
            case "ALTER" -> c.alter();
            case "DROP" -> c.drop();
            case "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE", "COPY" -> c.dml(0);
            case "WITH" -> c.with();
            case "TRUNCATE" -> c.truncate();
            case "REINDEX" -> c.reindex();
            case "VACUUM" -> c.vacuum();
            case "CLUSTER", "OPTIMIZE" -> c.simpleRewrite();
            case "DO" -> c.doBlock();
            case "BEGIN", "START" -> c.begin();
            case "COMMIT", "END", "ROLLBACK", "ABORT" -> c.op(Op.Kind.COMMIT, 0);
            case "SET" -> c.set();
            case "LOCK" -> c.lock();
            case "RENAME" -> c.mysqlRenameTable();
            case "SELECT", "VALUES", "TABLE", "SHOW", "EXPLAIN", "CALL", "PERFORM", "DESCRIBE", "DESC" ->
                    c.op(Op.Kind.QUERY, 0);
            case "EXECUTE" -> {
                if (hidden || depth > 0) {
                    c.execute(1);
                } else {
                    c.op(Op.Kind.QUERY, 0);
                }
            }
            default -> {
                if (!KNOWN_VERBS.contains(first.text())) {
                    return false;
                }
                c.op(Op.Kind.SESSION, 0);
            }
        }
        return true;
    }

    /** Token walker for one statement. */
    private final class Cursor {
        private final String text;
        private final List<Token> t;
        private final int base;
        private final List<Op> ops;
        private final int depth;
        private final boolean hidden;
        private int i;

        Cursor(String text, List<Token> t, int base, List<Op> ops, int depth, boolean hidden) {
            this.text = text;
            this.t = t;
            this.base = base;
            this.ops = ops;
            this.depth = depth;
            this.hidden = hidden;
        }

        Op op(Op.Kind kind, int tokenIndex) {
            int idx = Math.max(0, Math.min(tokenIndex, t.size() - 1));
            Op op = new Op(kind, base + t.get(idx).offset());
            op.hidden = hidden;
            op.source = text;
            ops.add(op);
            return op;
        }

        Token peek(int k) {
            return i + k < t.size() ? t.get(i + k) : null;
        }

        boolean at(String word) {
            Token x = peek(0);
            return x != null && x.is(word);
        }

        boolean atSymbol(String sym) {
            Token x = peek(0);
            return x != null && x.isSymbol(sym);
        }

        boolean accept(String... words) {
            for (int k = 0; k < words.length; k++) {
                Token x = peek(k);
                if (x == null || !x.is(words[k])) {
                    return false;
                }
            }
            i += words.length;
            return true;
        }

        boolean done() {
            return i >= t.size();
        }

        /** Reads a possibly qualified name and returns its last part, lower-cased unless quoted. */
        String name() {
            String last = null;
            while (!done()) {
                Token x = peek(0);
                if (!x.isName() && x.type() != Token.Type.STRING) {
                    break;
                }
                last = x.type() == Token.Type.WORD ? x.text().toLowerCase(Locale.ROOT)
                        : x.type() == Token.Type.PLACEHOLDER ? placeholder(x.text()) : x.text();
                i++;
                if (atSymbol(".")) {
                    i++;
                } else {
                    break;
                }
            }
            return last;
        }

        /** A placeholder's value (its last dotted part, lower-cased), or the placeholder itself when unknown. */
        String placeholder(String token) {
            String key = token.length() > 3 ? token.substring(2, token.length() - 1) : token;
            String value = placeholders.get(key);
            if (value == null || value.isBlank()) {
                return token;
            }
            int dot = value.lastIndexOf('.');
            String v = dot < 0 ? value : value.substring(dot + 1);
            return v.startsWith("\"") && v.endsWith("\"") && v.length() > 1 ? v.substring(1, v.length() - 1)
                    : v.toLowerCase(Locale.ROOT);
        }

        /** Skips to just after the closing parenthesis of the group opening at the current token. */
        void skipGroup() {
            if (!atSymbol("(")) {
                return;
            }
            int d = 0;
            while (!done()) {
                Token x = t.get(i++);
                if (x.isSymbol("(")) {
                    d++;
                } else if (x.isSymbol(")") && --d == 0) {
                    return;
                }
            }
        }

        /** Index of the next top-level comma or the end, from the current position. */
        int clauseEnd() {
            int d = 0;
            for (int k = i; k < t.size(); k++) {
                Token x = t.get(k);
                if (x.isSymbol("(")) {
                    d++;
                } else if (x.isSymbol(")")) {
                    d--;
                } else if (d <= 0 && x.isSymbol(",")) {
                    return k;
                }
            }
            return t.size();
        }

        boolean containsWord(int from, int to, String word) {
            for (int k = from; k < to && k < t.size(); k++) {
                if (t.get(k).is(word)) {
                    return true;
                }
            }
            return false;
        }

        void create() {
            i = 1;
            accept("OR", "REPLACE");
            while (at("TEMP") || at("TEMPORARY") || at("UNLOGGED") || at("GLOBAL") || at("LOCAL") || at("DEFINER")
                    || at("ALGORITHM") || at("ONLINE") || at("OFFLINE")) {
                if (at("DEFINER") || at("ALGORITHM")) {
                    i++;
                    if (atSymbol("=")) {
                        i++;
                    }
                }
                i++;
            }
            if (accept("TABLE")) {
                createTable();
            } else if (at("UNIQUE") || at("INDEX") || at("FULLTEXT") || at("SPATIAL")) {
                createIndex();
            } else if (at("FUNCTION") || at("PROCEDURE") || at("TRIGGER") || at("RULE") || at("EVENT")
                    || at("AGGREGATE") || at("CONSTRAINT")) {
                op(Op.Kind.DEFINITION, 0);
            } else {
                op(Op.Kind.CREATE_OTHER, 0);
            }
        }

        void createTable() {
            accept("IF", "NOT", "EXISTS");
            Op op = op(Op.Kind.CREATE_TABLE, 0);
            op.table = name();
            if (!atSymbol("(")) {
                return;
            }
            int end = matching(i);
            i++;
            while (i < end) {
                int ce = Math.min(clauseEnd(), end);
                Token x = peek(0);
                if (x != null && (x.is("CONSTRAINT") || x.is("CHECK") || x.is("PRIMARY") || x.is("UNIQUE")
                        || x.is("FOREIGN") || x.is("EXCLUDE") || x.is("LIKE") || x.is("KEY") || x.is("INDEX"))) {
                    Op con = new Op(Op.Kind.ADD_CONSTRAINT, base + x.offset());
                    readConstraint(con, ce);
                    con.table = op.table;
                    if (con.checkNotNullColumn != null) {
                        Op col = new Op(Op.Kind.ADD_CONSTRAINT, con.offset);
                        col.table = op.table;
                        col.constraint = Op.Constraint.CHECK;
                        col.checkNotNullColumn = con.checkNotNullColumn;
                        col.name = con.name;
                        col.source = op.source;
                        col.inCreate = true;
                        ops.add(col);
                    }
                } else if (x != null && x.isName()) {
                    Op col = new Op(Op.Kind.ADD_COLUMN, base + x.offset());
                    col.table = op.table;
                    col.source = op.source;
                    col.hidden = hidden;
                    col.inCreate = true;
                    readColumnDefinition(col, ce);
                    ops.add(col);
                }
                i = ce + 1;
            }
            i = end + 1;
        }

        int matching(int open) {
            int d = 0;
            for (int k = open; k < t.size(); k++) {
                if (t.get(k).isSymbol("(")) {
                    d++;
                } else if (t.get(k).isSymbol(")") && --d == 0) {
                    return k;
                }
            }
            return t.size();
        }

        /** Column name, type and constraints from the current token up to {@code end}. */
        void readColumnDefinition(Op col, int end) {
            col.column = name();
            StringBuilder type = new StringBuilder();
            while (i < end && !(peek(0).type() == Token.Type.WORD && COLUMN_CONSTRAINT_WORDS.contains(peek(0).text())
                    && type.length() > 0)) {
                Token x = t.get(i++);
                type.append(x.text());
            }
            col.type = type.toString().toUpperCase(Locale.ROOT);
            if (col.type.contains("SERIAL")) {
                col.rewritingColumn = true;
            }
            while (i < end) {
                Token x = t.get(i);
                if (x.is("NOT") && peek(1) != null && peek(1).is("NULL")) {
                    col.notNull = true;
                    i += 2;
                } else if (x.is("PRIMARY")) {
                    col.notNull = true;
                    i++;
                } else if (x.is("DEFAULT")) {
                    col.hasDefault = true;
                    i++;
                    readDefault(col, end);
                } else if (x.is("GENERATED")) {
                    int k = i;
                    while (k < end && !t.get(k).is("STORED") && !t.get(k).is("IDENTITY")) {
                        k++;
                    }
                    if (k < end) {
                        col.rewritingColumn = true;
                        col.hasDefault = true;
                    }
                    i++;
                } else if (x.is("AUTO_INCREMENT")) {
                    col.rewritingColumn = true;
                    i++;
                } else if (x.is("AS") && dialect == Dialect.MYSQL) {
                    i++;
                    skipGroup();
                    if (at("STORED")) {
                        col.rewritingColumn = true;
                    }
                } else if (x.is("CHECK")) {
                    i++;
                    skipGroup();
                } else {
                    i++;
                }
            }
        }

        void readDefault(Op col, int end) {
            if (atSymbol("(") && dialect == Dialect.MYSQL) {
                col.expressionDefault = true;
            }
            int d = 0;
            while (i < end) {
                Token x = t.get(i);
                if (x.isSymbol("(")) {
                    d++;
                } else if (x.isSymbol(")")) {
                    d--;
                } else if (d == 0 && x.type() == Token.Type.WORD && COLUMN_CONSTRAINT_WORDS.contains(x.text())
                        && !x.is("NULL")) {
                    return;
                }
                if (x.type() == Token.Type.WORD && i + 1 < end && t.get(i + 1).isSymbol("(")
                        && !(i > 0 && t.get(i - 1).isSymbol("::")) && !NON_VOLATILE.contains(x.text())) {
                    col.volatileDefault = true;
                    if (dialect == Dialect.MYSQL) {
                        col.expressionDefault = true;
                    }
                }
                if (x.is("UUID") || x.is("RAND") || x.is("CLOCK_TIMESTAMP") || x.is("RANDOM")) {
                    col.volatileDefault = true;
                }
                i++;
            }
        }

        /** A table constraint (after {@code ADD} or inside {@code CREATE TABLE}) up to {@code end}. */
        void readConstraint(Op con, int end) {
            if (accept("CONSTRAINT")) {
                con.name = name();
            }
            if (at("CHECK")) {
                con.constraint = Op.Constraint.CHECK;
                i++;
                con.checkNotNullColumn = notNullCheckColumn(i, end);
            } else if (at("FOREIGN")) {
                con.constraint = Op.Constraint.FOREIGN_KEY;
            } else if (at("UNIQUE")) {
                con.constraint = Op.Constraint.UNIQUE;
            } else if (at("PRIMARY")) {
                con.constraint = Op.Constraint.PRIMARY_KEY;
            } else if (at("EXCLUDE")) {
                con.constraint = Op.Constraint.EXCLUDE;
            } else {
                con.constraint = Op.Constraint.OTHER;
            }
            con.notValid = false;
            for (int k = i; k < end; k++) {
                if (t.get(k).is("NOT") && k + 1 < end && t.get(k + 1).is("VALID")) {
                    con.notValid = true;
                }
                if (t.get(k).is("USING") && k + 1 < end && t.get(k + 1).is("INDEX")) {
                    con.usingIndex = true;
                }
            }
            i = end;
        }

        /** {@code ( col IS NOT NULL )} starting at index k: the column, else null. */
        String notNullCheckColumn(int k, int end) {
            List<Token> inner = new ArrayList<>();
            for (int j = k; j < end; j++) {
                Token x = t.get(j);
                if (x.isSymbol("(") || x.isSymbol(")")) {
                    continue;
                }
                if (x.is("NOT") && j + 1 < end && t.get(j + 1).is("VALID")) {
                    break;
                }
                inner.add(x);
            }
            return notNullColumn(inner);
        }

        void createIndex() {
            int start = i;
            accept("UNIQUE");
            while (at("FULLTEXT") || at("SPATIAL")) {
                i++;
            }
            accept("INDEX");
            Op op = op(Op.Kind.CREATE_INDEX, 0);
            op.concurrently = accept("CONCURRENTLY");
            accept("IF", "NOT", "EXISTS");
            if (!at("ON")) {
                op.name = name();
            }
            if (accept("ON")) {
                accept("ONLY");
                op.table = name();
            }
            op.constraint = containsWord(start, start + 1, "UNIQUE") ? Op.Constraint.UNIQUE : null;
            mysqlOptions(i, op.table);
        }

        void alter() {
            i = 1;
            while (at("ONLINE") || at("OFFLINE") || at("IGNORE")) {
                i++;
            }
            if (accept("TABLE")) {
                alterTable();
            } else if (accept("TYPE")) {
                name();
                if (at("ADD") && peek(1) != null && peek(1).is("VALUE")) {
                    op(Op.Kind.ENUM_ADD_VALUE, 0);
                } else {
                    op(Op.Kind.OTHER_DDL, 0);
                }
            } else if (accept("INDEX")) {
                accept("IF", "EXISTS");
                name();
                boolean tablespace = containsWord(i, t.size(), "TABLESPACE");
                Op op = op(tablespace ? Op.Kind.TABLE_REWRITE : Op.Kind.OTHER_DDL, 0);
                op.name = "SET TABLESPACE";
            } else {
                op(Op.Kind.OTHER_DDL, 0);
            }
        }

        void alterTable() {
            accept("IF", "EXISTS");
            accept("ONLY");
            String table = name();
            if (atSymbol("*")) {
                i++;
            }
            if (done()) {
                op(Op.Kind.OTHER_DDL, 0).table = table;
                return;
            }
            mysqlOptions(i, table);
            while (!done()) {
                int end = clauseEnd();
                alterAction(table, end);
                i = end + 1;
            }
        }

        void alterAction(String table, int end) {
            int at = i;
            if (accept("ADD")) {
                boolean column = accept("COLUMN");
                accept("IF", "NOT", "EXISTS");
                Token x = peek(0);
                if (!column && x != null && (x.is("CONSTRAINT") || x.is("CHECK") || x.is("FOREIGN")
                        || x.is("UNIQUE") || x.is("PRIMARY") || x.is("EXCLUDE"))) {
                    Op con = op(Op.Kind.ADD_CONSTRAINT, at);
                    con.table = table;
                    readConstraint(con, end);
                } else if (!column && x != null && (x.is("INDEX") || x.is("KEY") || x.is("FULLTEXT")
                        || x.is("SPATIAL"))) {
                    Op idx = op(Op.Kind.CREATE_INDEX, at);
                    idx.table = table;
                    idx.concurrently = dialect == Dialect.MYSQL;
                } else if (!column && x != null && x.is("PARTITION")) {
                    op(Op.Kind.OTHER_DDL, at).table = table;
                } else {
                    Op col = op(Op.Kind.ADD_COLUMN, at);
                    col.table = table;
                    readColumnDefinition(col, end);
                }
            } else if (accept("DROP")) {
                if (accept("COLUMN") || !(at("CONSTRAINT") || at("INDEX") || at("KEY") || at("PRIMARY")
                        || at("FOREIGN") || at("CHECK") || at("PARTITION") || at("DEFAULT"))) {
                    accept("IF", "EXISTS");
                    Op op = op(Op.Kind.DROP_COLUMN, at);
                    op.table = table;
                    op.column = name();
                } else if (at("INDEX") || at("KEY")) {
                    Op op = op(Op.Kind.DROP_INDEX, at);
                    op.table = table;
                    op.concurrently = true;
                } else {
                    op(Op.Kind.OTHER_DDL, at).table = table;
                }
            } else if (accept("ALTER")) {
                accept("COLUMN");
                String col = name();
                if (accept("SET", "DATA", "TYPE") || accept("TYPE")) {
                    Op op = op(Op.Kind.ALTER_COLUMN_TYPE, at);
                    op.table = table;
                    op.column = col;
                    op.type = typeUntil(end, "USING", "COLLATE");
                } else if (accept("SET", "NOT", "NULL")) {
                    Op op = op(Op.Kind.SET_NOT_NULL, at);
                    op.table = table;
                    op.column = col;
                } else if (at("ADD") && containsWord(i, end, "IDENTITY")) {
                    op(Op.Kind.OTHER_DDL, at).table = table;
                } else {
                    op(Op.Kind.OTHER_DDL, at).table = table;
                }
            } else if (accept("MODIFY") || at("CHANGE")) {
                boolean change = accept("CHANGE");
                accept("COLUMN");
                if (change) {
                    name();
                }
                Op op = op(dialect == Dialect.MYSQL ? Op.Kind.MYSQL_COPY : Op.Kind.ALTER_COLUMN_TYPE, at);
                op.table = table;
                op.column = name();
                op.type = typeUntil(end, "NOT", "NULL", "DEFAULT", "AFTER", "FIRST", "COMMENT");
                op.name = change ? "CHANGE COLUMN" : "MODIFY COLUMN";
            } else if (accept("RENAME")) {
                if (accept("TO") || accept("AS")) {
                    Op op = op(Op.Kind.RENAME_TABLE, at);
                    op.table = table;
                    op.name = name();
                } else if (accept("CONSTRAINT") || accept("INDEX") || accept("KEY")) {
                    op(Op.Kind.OTHER_DDL, at).table = table;
                } else {
                    accept("COLUMN");
                    Op op = op(Op.Kind.RENAME_COLUMN, at);
                    op.table = table;
                    op.column = name();
                    if (accept("TO")) {
                        op.name = name();
                    }
                }
            } else if (accept("VALIDATE", "CONSTRAINT")) {
                Op op = op(Op.Kind.VALIDATE_CONSTRAINT, at);
                op.table = table;
                op.name = name();
            } else if (accept("DETACH", "PARTITION")) {
                Op op = op(Op.Kind.DETACH_PARTITION, at);
                op.table = table;
                op.name = name();
                op.concurrently = at("CONCURRENTLY") || at("FINALIZE");
            } else if (accept("SET", "TABLESPACE") || accept("SET", "LOGGED") || accept("SET", "UNLOGGED")
                    || accept("SET", "ACCESS", "METHOD")) {
                Op op = op(Op.Kind.TABLE_REWRITE, at);
                op.table = table;
                op.name = t.get(at).text() + " " + t.get(at + 1).text();
            } else if (accept("CONVERT", "TO") || accept("FORCE") || accept("ENGINE")) {
                Op op = op(dialect == Dialect.MYSQL ? Op.Kind.MYSQL_COPY : Op.Kind.TABLE_REWRITE, at);
                op.table = table;
                op.name = t.get(at).text();
            } else if (at("ALGORITHM") || at("LOCK")) {
                mysqlOptions(i, table);
            } else {
                op(Op.Kind.OTHER_DDL, at).table = table;
            }
        }

        String typeUntil(int end, String... stops) {
            StringBuilder sb = new StringBuilder();
            Set<String> stop = Set.of(stops);
            while (i < end && !(peek(0).type() == Token.Type.WORD && stop.contains(peek(0).text()))) {
                sb.append(t.get(i++).text());
            }
            return sb.toString().toUpperCase(Locale.ROOT);
        }

        /** MySQL {@code ALGORITHM=COPY} and {@code LOCK=SHARED|EXCLUSIVE} anywhere from index k. */
        void mysqlOptions(int from, String table) {
            if (dialect != Dialect.MYSQL) {
                return;
            }
            for (int k = from; k + 2 < t.size() + 1; k++) {
                Token x = t.get(k);
                Token v = k + 2 < t.size() && t.get(k + 1).isSymbol("=") ? t.get(k + 2)
                        : k + 1 < t.size() ? t.get(k + 1) : null;
                if (v == null) {
                    continue;
                }
                if (x.is("ALGORITHM") && v.is("COPY") && !seen(Op.Kind.MYSQL_COPY, "ALGORITHM=COPY")) {
                    Op op = op(Op.Kind.MYSQL_COPY, k);
                    op.name = "ALGORITHM=COPY";
                    op.table = table;
                } else if (x.is("LOCK") && (v.is("SHARED") || v.is("EXCLUSIVE"))
                        && !seen(Op.Kind.MYSQL_LOCK, "LOCK=" + v.text())) {
                    Op op = op(Op.Kind.MYSQL_LOCK, k);
                    op.name = "LOCK=" + v.text();
                    op.table = table;
                }
            }
        }

        private boolean seen(Op.Kind kind, String name) {
            return ops.stream().anyMatch(o -> o.kind == kind && name.equals(o.name) && o.source == text);
        }

        void drop() {
            i = 1;
            accept("TEMPORARY");
            if (accept("TABLE")) {
                accept("IF", "EXISTS");
                while (!done()) {
                    Op op = op(Op.Kind.DROP_TABLE, i);
                    op.table = name();
                    if (op.table == null || !atSymbol(",")) {
                        break;
                    }
                    i++;
                }
            } else if (accept("INDEX")) {
                Op op = op(Op.Kind.DROP_INDEX, 0);
                op.concurrently = accept("CONCURRENTLY");
                accept("IF", "EXISTS");
                op.name = name();
                if (accept("ON")) {
                    op.table = name();
                    op.concurrently = dialect == Dialect.MYSQL || op.concurrently;
                }
                if (dialect == Dialect.MYSQL) {
                    op.concurrently = true;
                    mysqlOptions(i, op.table);
                }
            } else if (at("FUNCTION") || at("PROCEDURE") || at("TRIGGER")) {
                op(Op.Kind.DEFINITION, 0);
            } else {
                op(Op.Kind.OTHER_DDL, 0);
            }
        }

        void dml(int start) {
            i = start;
            Token verb = peek(0);
            Op op = op(Op.Kind.DML, start);
            op.name = verb == null ? "DML" : verb.text();
            i++;
            while (at("LOW_PRIORITY") || at("IGNORE") || at("QUICK") || at("DELAYED") || at("HIGH_PRIORITY")) {
                i++;
            }
            if (verb != null && verb.is("COPY")) {
                op.table = name();
            } else if (verb != null && verb.is("UPDATE")) {
                accept("ONLY");
                op.table = name();
            } else {
                accept("INTO");
                accept("FROM");
                accept("ONLY");
                op.table = name();
            }
        }

        void with() {
            int d = 0;
            for (int k = 1; k < t.size(); k++) {
                Token x = t.get(k);
                if (x.isSymbol("(")) {
                    d++;
                } else if (x.isSymbol(")")) {
                    d--;
                } else if (d == 0 && (x.is("INSERT") || x.is("UPDATE") || x.is("DELETE") || x.is("MERGE"))) {
                    dml(k);
                    return;
                }
            }
            for (int k = 1; k < t.size(); k++) {
                Token x = t.get(k);
                if (x.is("INSERT") || x.is("UPDATE") || x.is("DELETE")) {
                    dml(k);
                    return;
                }
            }
            op(Op.Kind.QUERY, 0);
        }

        void truncate() {
            i = 1;
            accept("TABLE");
            accept("ONLY");
            while (!done()) {
                Op op = op(Op.Kind.TRUNCATE, i);
                op.table = name();
                if (op.table == null || !atSymbol(",")) {
                    break;
                }
                i++;
                accept("ONLY");
            }
        }

        void reindex() {
            i = 1;
            skipGroup();
            Op op = op(Op.Kind.REINDEX, 0);
            if (at("INDEX") || at("TABLE") || at("SCHEMA") || at("DATABASE") || at("SYSTEM")) {
                i++;
            }
            op.concurrently = accept("CONCURRENTLY") || containsWord(1, t.size(), "CONCURRENTLY");
            op.table = name();
        }

        void vacuum() {
            boolean full = containsWord(1, Math.min(t.size(), 6), "FULL");
            Op op = op(full ? Op.Kind.TABLE_REWRITE : Op.Kind.SESSION, 0);
            op.name = "VACUUM FULL";
            if (full) {
                Token last = t.get(t.size() - 1);
                op.table = last.isName() && !last.is("FULL") ? last.text().toLowerCase(Locale.ROOT) : null;
            }
        }

        void simpleRewrite() {
            Op op = op(Op.Kind.TABLE_REWRITE, 0);
            op.name = t.get(0).text();
            i = 1;
            accept("VERBOSE");
            accept("TABLE");
            op.table = name();
        }

        void begin() {
            i = 1;
            if (t.get(0).is("START") && !at("TRANSACTION")) {
                op(Op.Kind.SESSION, 0);
                return;
            }
            op(Op.Kind.BEGIN, 0);
        }

        void set() {
            i = 1;
            while (at("LOCAL") || at("SESSION") || at("GLOBAL")) {
                i++;
            }
            Token x = peek(0);
            if (x != null && (x.is("LOCK_TIMEOUT") || x.is("LOCK_WAIT_TIMEOUT") || x.is("INNODB_LOCK_WAIT_TIMEOUT"))) {
                op(Op.Kind.SET_LOCK_TIMEOUT, 0);
            } else {
                op(Op.Kind.SESSION, 0);
            }
        }

        void lock() {
            if (dialect == Dialect.MYSQL && peek(1) != null && (t.get(1).is("TABLES") || t.get(1).is("TABLE"))) {
                Op op = op(Op.Kind.MYSQL_LOCK, 0);
                op.name = "LOCK TABLES";
                i = 2;
                op.table = name();
            } else {
                op(Op.Kind.SESSION, 0);
            }
        }

        void mysqlRenameTable() {
            i = 1;
            if (accept("TABLE")) {
                Op op = op(Op.Kind.RENAME_TABLE, 0);
                op.table = name();
                if (accept("TO")) {
                    op.name = name();
                }
            } else {
                op(Op.Kind.SESSION, 0);
            }
        }

        /** {@code DO [LANGUAGE x] $$ body $$}: the body's SQL statements count as executed. */
        void doBlock() {
            for (Token x : t) {
                if (x.type() == Token.Type.DOLLAR_STRING || x.type() == Token.Type.STRING) {
                    plBody(x.text(), base + x.offset());
                    return;
                }
            }
            op(Op.Kind.SESSION, 0);
        }

        /** Finds the SQL commands in a PL/pgSQL body and analyses each. */
        void plBody(String body, int bodyBase) {
            if (depth >= MAX_NESTING) {
                return;
            }
            for (SqlStatement piece : SqlSplitter.split(body, dialect)) {
                List<Token> pt = SqlLexer.tokens(piece.text(), dialect);
                for (int k = 0; k < pt.size(); k++) {
                    Token x = pt.get(k);
                    if (!PL_VERBS.contains(x.type() == Token.Type.WORD ? x.text() : "")) {
                        continue;
                    }
                    Token prev = k == 0 ? null : pt.get(k - 1);
                    if (prev != null && !(prev.is("BEGIN") || prev.is("THEN") || prev.is("ELSE")
                            || prev.is("LOOP") || prev.isSymbol(";"))) {
                        continue;
                    }
                    String sub = piece.text().substring(x.offset());
                    analyze(sub, SqlLexer.tokens(sub, dialect), bodyBase + piece.offset() + x.offset(), ops,
                            depth + 1, true);
                    break;
                }
            }
        }

        /** {@code EXECUTE 'sql'} or {@code EXECUTE format('sql %I', ...)}: the string is analysed. */
        void execute(int from) {
            StringBuilder sql = new StringBuilder();
            int first = -1;
            for (int k = from; k < t.size(); k++) {
                Token x = t.get(k);
                if (x.is("USING") || x.is("INTO")) {
                    break;
                }
                if (x.type() == Token.Type.STRING || x.type() == Token.Type.DOLLAR_STRING) {
                    if (first < 0) {
                        first = k;
                    }
                    sql.append(x.text().replace("%I", "x").replace("%s", "x").replace("%L", "x"));
                } else if (x.isName() && first >= 0 && !x.is("FORMAT")) {
                    sql.append(x.text().toLowerCase(Locale.ROOT));
                }
            }
            if (first < 0 || depth >= MAX_NESTING) {
                op(Op.Kind.QUERY, 0);
                return;
            }
            String s = sql.toString();
            List<Op> nested = new ArrayList<>();
            analyze(s, SqlLexer.tokens(s, dialect), 0, nested, depth + 1, true);
            int at = base + t.get(first).offset();
            for (Op o : nested) {
                o.offset = at;
                o.hidden = true;
                ops.add(o);
            }
        }
    }

    /** The column of a {@code col IS NOT NULL} check, given its tokens without parentheses; else null. */
    static String notNullColumn(List<Token> inner) {
        if (inner.size() == 4 && inner.get(0).isName() && inner.get(1).is("IS") && inner.get(2).is("NOT")
                && inner.get(3).is("NULL")) {
            Token c = inner.get(0);
            return c.type() == Token.Type.WORD ? c.text().toLowerCase(Locale.ROOT) : c.text();
        }
        return null;
    }
}
