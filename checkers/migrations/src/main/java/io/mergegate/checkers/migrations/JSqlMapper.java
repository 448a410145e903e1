package io.mergegate.checkers.migrations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ExcludeConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.TableElement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Maps a JSqlParser statement tree to the operations the rules read. Returns null for anything it does
 * not map completely, so that the keyword classifier judges the statement instead: a wrong operation
 * is worse than a fallback. Positions are not in JSqlParser's tree; they come from the statement's
 * tokens (the n-th top-level clause of an {@code ALTER TABLE} is the n-th alter expression).
 */
final class JSqlMapper {

    /** Statement classes whose only operation is a definition, a session command or a query. */
    private static final Map<String, Op.Kind> SIMPLE = new HashMap<>();

    static {
        for (String c : List.of("CreateFunction", "CreateProcedure", "CreateTrigger")) {
            SIMPLE.put(c, Op.Kind.DEFINITION);
        }
        for (String c : List.of("CreateView", "CreateSequence", "CreateSchema", "CreateExtension", "CreateType",
                "CreateDomain", "CreatePolicy", "CreateRole", "CreateDatabase", "CreatePublication",
                "CreateSubscription", "CreateSynonym")) {
            SIMPLE.put(c, Op.Kind.CREATE_OTHER);
        }
        for (String c : List.of("AlterView", "AlterSequence", "AlterExtension", "AlterRole", "AlterDomain",
                "AlterPublication", "AlterSubscription", "AlterDefaultPrivileges", "AlterSystemStatement",
                "AlterSession")) {
            SIMPLE.put(c, Op.Kind.OTHER_DDL);
        }
        for (String c : List.of("Grant", "Revoke", "Comment", "Analyze", "ResetStatement", "SavepointStatement",
                "RefreshMaterializedViewStatement", "UseStatement")) {
            SIMPLE.put(c, Op.Kind.SESSION);
        }
        for (String c : List.of("ShowStatement", "ExplainStatement", "DescribeStatement", "ShowColumnsStatement",
                "ShowTablesStatement")) {
            SIMPLE.put(c, Op.Kind.QUERY);
        }
    }

    private static final Set<String> NOT_A_DROPPED_COLUMN = Set.of("CONSTRAINT", "INDEX", "KEY", "PRIMARY",
            "FOREIGN", "CHECK", "PARTITION", "DEFAULT");

    private final Dialect dialect;
    private final SqlStatement st;
    private final List<Token> t;
    private final List<Op> ops = new ArrayList<>();

    private JSqlMapper(Dialect dialect, SqlStatement st, List<Token> tokens) {
        this.dialect = dialect;
        this.st = st;
        this.t = tokens;
    }

    /** The operations of a parsed statement, or null when some part of it is not mapped. */
    static List<Op> map(Statement parsed, SqlStatement st, List<Token> tokens, Dialect dialect) {
        if (tokens.isEmpty()) {
            return null;
        }
        JSqlMapper m = new JSqlMapper(dialect, st, tokens);
        return m.statement(parsed) ? m.ops : null;
    }

    private boolean statement(Statement s) {
        if (s instanceof CreateTable ct) {
            return createTable(ct);
        } else if (s instanceof Alter al) {
            return alter(al);
        } else if (s instanceof CreateIndex ci) {
            return createIndex(ci);
        } else if (s instanceof Drop d) {
            return drop(d);
        } else if (s instanceof Truncate tr) {
            for (Table table : tr.getTables()) {
                op(Op.Kind.TRUNCATE, nameToken(table, 1)).table = name(table);
            }
            return !tr.getTables().isEmpty();
        } else if (s instanceof Update u) {
            return dml(u.getTable(), "UPDATE");
        } else if (s instanceof Delete d) {
            return dml(d.getTable(), "DELETE");
        } else if (s instanceof Insert i) {
            return dml(i.getTable(), "INSERT");
        } else if (s instanceof Merge mg) {
            return dml(mg.getTable(), "MERGE");
        } else if (s instanceof RenameTableStatement rt) {
            for (Map.Entry<Table, Table> e : rt.getTableNames()) {
                Op op = op(Op.Kind.RENAME_TABLE, 0);
                op.table = name(e.getKey());
                op.name = name(e.getValue());
            }
            return !rt.isTableNamesEmpty();
        } else if (s instanceof Select sel) {
            // a data-modifying CTE is DML: the classifier looks inside WITH
            if (sel.getWithItemsList() != null && !sel.getWithItemsList().isEmpty()) {
                return false;
            }
            op(Op.Kind.QUERY, 0);
            return true;
        } else if (s instanceof SetStatement) {
            int k = 1;
            while (k < t.size() && (t.get(k).is("LOCAL") || t.get(k).is("SESSION") || t.get(k).is("GLOBAL"))) {
                k++;
            }
            Token x = k < t.size() ? t.get(k) : null;
            boolean timeout = x != null && (x.is("LOCK_TIMEOUT") || x.is("LOCK_WAIT_TIMEOUT")
                    || x.is("INNODB_LOCK_WAIT_TIMEOUT"));
            op(timeout ? Op.Kind.SET_LOCK_TIMEOUT : Op.Kind.SESSION, 0);
            return true;
        } else if (s instanceof Commit || s instanceof RollbackStatement) {
            op(Op.Kind.COMMIT, 0);
            return true;
        } else if (s.getClass().getSimpleName().equals("AlterType")) {
            op(containsWords("ADD", "VALUE") ? Op.Kind.ENUM_ADD_VALUE : Op.Kind.OTHER_DDL, 0);
            return true;
        }
        Op.Kind kind = SIMPLE.get(s.getClass().getSimpleName());
        if (kind == null) {
            return false;
        }
        op(kind, 0);
        return true;
    }

    private Op op(Op.Kind kind, int tokenIndex) {
        int idx = Math.max(0, Math.min(tokenIndex, t.size() - 1));
        Op op = new Op(kind, st.offset() + t.get(idx).offset());
        op.source = st.text();
        ops.add(op);
        return op;
    }

    private boolean dml(Table table, String verb) {
        if (table == null) {
            return false;
        }
        Op op = op(Op.Kind.DML, verbIndex(verb));
        op.name = verb;
        op.table = name(table);
        return true;
    }

    /** The verb outside parentheses (after a WITH clause), else the first token. */
    private int verbIndex(String verb) {
        int d = 0;
        for (int k = 0; k < t.size(); k++) {
            Token x = t.get(k);
            if (x.isSymbol("(")) {
                d++;
            } else if (x.isSymbol(")")) {
                d--;
            } else if (d == 0 && x.is(verb)) {
                return k;
            }
        }
        return 0;
    }

    // ---- CREATE TABLE ----

    private boolean createTable(CreateTable ct) {
        // JSqlParser also returns CreateTable for CREATE FOREIGN TABLE and CREATE ACCESS METHOD
        int k0 = 1;
        if (k0 + 1 < t.size() && t.get(k0).is("OR") && t.get(k0 + 1).is("REPLACE")) {
            k0 += 2;
        }
        while (k0 < t.size() && (t.get(k0).is("TEMP") || t.get(k0).is("TEMPORARY") || t.get(k0).is("UNLOGGED")
                || t.get(k0).is("GLOBAL") || t.get(k0).is("LOCAL"))) {
            k0++;
        }
        if (k0 >= t.size() || !t.get(k0).is("TABLE")) {
            return false;
        }
        Op table = op(Op.Kind.CREATE_TABLE, 0);
        table.table = name(ct.getTable());
        List<TableElement> elements = ct.getTableElements();
        if (ct.getPartitionOf() != null) {
            // a partition's column list only adds options to the parent's columns
            return true;
        }
        if (elements == null || elements.isEmpty()) {
            // LIKE, AS SELECT, PARTITION OF: no columns to read
            return ct.getColumnDefinitions() == null || ct.getColumnDefinitions().isEmpty();
        }
        List<Integer> starts = createTableClauses();
        if (starts.size() != elements.size()) {
            return false;
        }
        for (int k = 0; k < elements.size(); k++) {
            TableElement e = elements.get(k);
            int at = starts.get(k);
            if (e instanceof ColumnDefinition cd) {
                Op col = op(Op.Kind.ADD_COLUMN, at);
                col.table = table.table;
                col.inCreate = true;
                if (!column(col, cd)) {
                    return false;
                }
            } else if (e instanceof CheckConstraint cc) {
                String nn = notNullCheckColumn(cc);
                if (nn != null) {
                    Op con = op(Op.Kind.ADD_CONSTRAINT, at);
                    con.table = table.table;
                    con.constraint = Op.Constraint.CHECK;
                    con.checkNotNullColumn = nn;
                    con.name = unquote(cc.getName());
                    con.inCreate = true;
                }
            } else if (!(e instanceof Index)) {
                return false;
            }
        }
        return true;
    }

    /** Token indexes where each element inside the first parenthesis group starts. */
    private List<Integer> createTableClauses() {
        List<Integer> starts = new ArrayList<>();
        int open = -1;
        for (int k = 0; k < t.size(); k++) {
            if (t.get(k).isSymbol("(")) {
                open = k;
                break;
            }
        }
        if (open < 0) {
            return starts;
        }
        int d = 0;
        for (int k = open; k < t.size(); k++) {
            Token x = t.get(k);
            if (x.isSymbol("(")) {
                if (d++ == 0) {
                    starts.add(k + 1);
                }
            } else if (x.isSymbol(")")) {
                if (--d == 0) {
                    break;
                }
            } else if (d == 1 && x.isSymbol(",")) {
                starts.add(k + 1);
            }
        }
        return starts;
    }

    /** Type and flags of a column definition; false when the specification cannot be read. */
    private boolean column(Op col, ColumnDefinition cd) {
        col.column = unquote(cd.getColumnName());
        if (cd.getColDataType() == null) {
            return false;
        }
        col.type = type(cd.getColDataType().toString());
        if (col.type.contains("SERIAL")) {
            col.rewritingColumn = true;
        }
        List<String> specs = cd.getColumnSpecs() == null ? List.of() : cd.getColumnSpecs();
        // JSqlParser keeps GENERATED ... IDENTITY as one spec string and GENERATED ... STORED as several
        List<Token> words = SqlLexer.tokens(String.join(" ", specs), dialect);
        if (words.stream().anyMatch(w -> w.is("GENERATED"))
                && words.stream().anyMatch(w -> w.is("STORED") || w.is("IDENTITY"))) {
            col.rewritingColumn = true;
            col.hasDefault = true;
        }
        for (int k = 0; k < specs.size(); k++) {
            String s = specs.get(k).toUpperCase(Locale.ROOT);
            switch (s) {
                case "NOT" -> {
                    if (k + 1 < specs.size() && specs.get(k + 1).equalsIgnoreCase("NULL")) {
                        col.notNull = true;
                        k++;
                    }
                }
                case "PRIMARY" -> col.notNull = true;
                case "DEFAULT" -> {
                    col.hasDefault = true;
                    if (k + 1 < specs.size()) {
                        defaultValue(col, specs.get(++k));
                    }
                }
                case "AUTO_INCREMENT" -> col.rewritingColumn = true;
                case "STORED" -> {
                    if (dialect == Dialect.MYSQL) {
                        col.rewritingColumn = true;
                    }
                }
                default -> {
                }
            }
        }
        return true;
    }

    /** Volatile functions rewrite the table in PostgreSQL; MySQL calls any parenthesised default an expression. */
    private void defaultValue(Op col, String value) {
        List<Token> v = SqlLexer.tokens(value, dialect);
        if (!v.isEmpty() && v.get(0).isSymbol("(") && dialect == Dialect.MYSQL) {
            col.expressionDefault = true;
        }
        for (int k = 0; k < v.size(); k++) {
            Token x = v.get(k);
            if (x.type() != Token.Type.WORD) {
                continue;
            }
            boolean call = k + 1 < v.size() && v.get(k + 1).isSymbol("(")
                    && !(k > 0 && v.get(k - 1).isSymbol("::"));
            if (call && !StatementAnalyzer.NON_VOLATILE.contains(x.text())) {
                col.volatileDefault = true;
                if (dialect == Dialect.MYSQL) {
                    col.expressionDefault = true;
                }
            }
            if (x.is("UUID") || x.is("RAND") || x.is("CLOCK_TIMESTAMP") || x.is("RANDOM")) {
                col.volatileDefault = true;
            }
        }
    }

    /** {@code CHECK (col IS NOT NULL)}: the column, else null. */
    private String notNullCheckColumn(CheckConstraint cc) {
        if (cc.getExpression() == null) {
            return null;
        }
        List<Token> inner = new ArrayList<>();
        for (Token x : SqlLexer.tokens(cc.getExpression().toString(), dialect)) {
            if (!x.isSymbol("(") && !x.isSymbol(")")) {
                inner.add(x);
            }
        }
        return StatementAnalyzer.notNullColumn(inner);
    }

    // ---- ALTER TABLE ----

    private boolean alter(Alter al) {
        String table = name(al.getTable());
        List<AlterExpression> exprs = al.getAlterExpressions();
        List<Integer> starts = alterClauses();
        if (exprs == null || exprs.isEmpty() || starts.size() != exprs.size()) {
            return false;
        }
        for (int k = 0; k < exprs.size(); k++) {
            if (!alterExpression(exprs.get(k), table, starts.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Token indexes of the top-level clauses after {@code ALTER TABLE [IF EXISTS] [ONLY] name [*]}. */
    private List<Integer> alterClauses() {
        int k = 1;
        while (k < t.size() && (t.get(k).is("ONLINE") || t.get(k).is("OFFLINE") || t.get(k).is("IGNORE"))) {
            k++;
        }
        if (k >= t.size() || !t.get(k).is("TABLE")) {
            return List.of();
        }
        k++;
        if (k + 1 < t.size() && t.get(k).is("IF") && t.get(k + 1).is("EXISTS")) {
            k += 2;
        }
        if (k < t.size() && t.get(k).is("ONLY")) {
            k++;
        }
        while (k < t.size() && t.get(k).isName()) {
            k++;
            if (k < t.size() && t.get(k).isSymbol(".")) {
                k++;
            } else {
                break;
            }
        }
        if (k < t.size() && t.get(k).isSymbol("*")) {
            // JSqlParser misreads the actions after ALTER TABLE name *
            return List.of();
        }
        List<Integer> starts = new ArrayList<>();
        if (k >= t.size()) {
            return starts;
        }
        starts.add(k);
        int d = 0;
        for (int j = k; j < t.size(); j++) {
            Token x = t.get(j);
            if (x.isSymbol("(")) {
                d++;
            } else if (x.isSymbol(")")) {
                d--;
            } else if (d == 0 && x.isSymbol(",")) {
                starts.add(j + 1);
            }
        }
        return starts;
    }

    private boolean alterExpression(AlterExpression e, String table, int at) {
        boolean mysql = dialect == Dialect.MYSQL;
        if (e.getOperation() == null) {
            return false;
        }
        switch (e.getOperation()) {
            case ADD -> {
                return add(e, table, at);
            }
            case DROP -> {
                return dropAction(e, table, at);
            }
            case DROP_PRIMARY_KEY, DROP_UNIQUE, DROP_FOREIGN_KEY, RENAME_INDEX, RENAME_KEY, RENAME_CONSTRAINT, COMMENT,
                    COMMENT_WITH_EQUAL_SIGN, ADD_PARTITION, DROP_PARTITION, ATTACH_PARTITION, TRUNCATE_PARTITION,
                    SET_TABLE_OPTION, ENABLE_ROW_LEVEL_SECURITY, DISABLE_ROW_LEVEL_SECURITY, FORCE_ROW_LEVEL_SECURITY,
                    NO_FORCE_ROW_LEVEL_SECURITY, DISABLE_KEYS, ENABLE_KEYS ->
                    op(Op.Kind.OTHER_DDL, at).table = table;
            case ALTER -> {
                return alterColumn(e, table, at);
            }
            case MODIFY, CHANGE -> {
                List<AlterExpression.ColumnDataType> cols = e.getColDataTypeList();
                if (cols == null || cols.size() != 1 || cols.get(0).getColDataType() == null) {
                    return false;
                }
                Op op = op(mysql ? Op.Kind.MYSQL_COPY : Op.Kind.ALTER_COLUMN_TYPE, at);
                op.table = table;
                op.column = unquote(cols.get(0).getColumnName());
                op.type = type(cols.get(0).getColDataType().toString());
                op.name = e.getOperation() == net.sf.jsqlparser.statement.alter.AlterOperation.CHANGE
                        ? "CHANGE COLUMN" : "MODIFY COLUMN";
            }
            case RENAME -> {
                if (e.getColumnOldName() == null || e.getColumnName() == null) {
                    return false;
                }
                Op op = op(Op.Kind.RENAME_COLUMN, at);
                op.table = table;
                op.column = unquote(e.getColumnOldName());
                op.name = unquote(e.getColumnName());
            }
            case RENAME_TABLE -> {
                if (e.getNewTableName() == null) {
                    return false;
                }
                Op op = op(Op.Kind.RENAME_TABLE, at);
                op.table = table;
                op.name = lastPart(e.getNewTableName());
            }
            case DETACH_PARTITION -> {
                List<Token> words = SqlLexer.tokens(e.toString(), dialect);
                if (words.size() < 3) {
                    return false;
                }
                Op op = op(Op.Kind.DETACH_PARTITION, at);
                op.table = table;
                op.name = normalize(words.get(2));
                op.concurrently = words.stream().anyMatch(w -> w.is("CONCURRENTLY") || w.is("FINALIZE"));
            }
            case UNSPECIFIC -> {
                return unspecific(e, table, at);
            }
            case CONVERT, FORCE, ENGINE -> {
                Op op = op(mysql ? Op.Kind.MYSQL_COPY : Op.Kind.TABLE_REWRITE, at);
                op.table = table;
                op.name = e.getOperation().name();
            }
            case ALGORITHM -> {
                if (mysql && "COPY".equalsIgnoreCase(e.getAlgorithmOption())) {
                    Op op = op(Op.Kind.MYSQL_COPY, at);
                    op.name = "ALGORITHM=COPY";
                    op.table = table;
                }
            }
            case LOCK -> {
                String lock = e.getLockOption() == null ? "" : e.getLockOption().toUpperCase(Locale.ROOT);
                if (mysql && (lock.equals("SHARED") || lock.equals("EXCLUSIVE"))) {
                    Op op = op(Op.Kind.MYSQL_LOCK, at);
                    op.name = "LOCK=" + lock;
                    op.table = table;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean add(AlterExpression e, String table, int at) {
        if (e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()) {
            if (e.getIndex() != null) {
                return false;
            }
            for (AlterExpression.ColumnDataType cd : e.getColDataTypeList()) {
                Op col = op(Op.Kind.ADD_COLUMN, at);
                col.table = table;
                if (!column(col, cd)) {
                    return false;
                }
            }
            return true;
        }
        Index index = e.getIndex();
        if (index == null) {
            return false;
        }
        String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
        String text = index.toString().toUpperCase(Locale.ROOT);
        Op.Constraint constraint;
        if (index instanceof ForeignKeyIndex) {
            constraint = Op.Constraint.FOREIGN_KEY;
        } else if (index instanceof CheckConstraint) {
            constraint = Op.Constraint.CHECK;
        } else if (index instanceof ExcludeConstraint) {
            constraint = Op.Constraint.EXCLUDE;
        } else if (type.startsWith("UNIQUE")) {
            constraint = Op.Constraint.UNIQUE;
        } else if (type.startsWith("PRIMARY")) {
            constraint = Op.Constraint.PRIMARY_KEY;
        } else if (type.isEmpty() || type.equals("INDEX") || type.equals("KEY") || type.startsWith("FULLTEXT")
                || type.startsWith("SPATIAL")) {
            // MySQL ADD INDEX: online by default
            Op idx = op(Op.Kind.CREATE_INDEX, at);
            idx.table = table;
            idx.name = unquote(index.getName());
            idx.concurrently = dialect == Dialect.MYSQL;
            return true;
        } else {
            return false;
        }
        Op con = op(Op.Kind.ADD_CONSTRAINT, at);
        con.table = table;
        con.constraint = constraint;
        con.name = unquote(index.getName());
        con.notValid = text.contains("NOT VALID");
        con.usingIndex = text.contains("USING INDEX");
        if (index instanceof CheckConstraint cc) {
            con.checkNotNullColumn = notNullCheckColumn(cc);
        }
        return true;
    }

    private boolean dropAction(AlterExpression e, String table, int at) {
        Token next = at + 1 < t.size() ? t.get(at + 1) : null;
        boolean columnKeyword = next != null && next.is("COLUMN");
        if (e.getIndex() != null && (next != null && (next.is("INDEX") || next.is("KEY")))) {
            Op op = op(Op.Kind.DROP_INDEX, at);
            op.table = table;
            op.name = unquote(e.getIndex().getName());
            op.concurrently = true;
            return true;
        }
        if (!columnKeyword && next != null && NOT_A_DROPPED_COLUMN.contains(next.text())
                && next.type() == Token.Type.WORD) {
            op(Op.Kind.OTHER_DDL, at).table = table;
            return true;
        }
        if (e.getColumnName() == null || e.getConstraintName() != null || e.getIndex() != null) {
            return false;
        }
        Op op = op(Op.Kind.DROP_COLUMN, at);
        op.table = table;
        op.column = unquote(e.getColumnName());
        return true;
    }

    private boolean alterColumn(AlterExpression e, String table, int at) {
        if (e.getColumnSetNotNullList() != null && !e.getColumnSetNotNullList().isEmpty()) {
            if (e.getColumnSetNotNullList().size() != 1) {
                return false;
            }
            Op op = op(Op.Kind.SET_NOT_NULL, at);
            op.table = table;
            op.column = unquote(e.getColumnSetNotNullList().get(0).getColumnName());
            return true;
        }
        List<AlterExpression.ColumnDataType> cols = e.getColDataTypeList();
        if (cols != null && cols.size() == 1 && cols.get(0).isWithType() && cols.get(0).getColDataType() != null) {
            Op op = op(Op.Kind.ALTER_COLUMN_TYPE, at);
            op.table = table;
            op.column = unquote(cols.get(0).getColumnName());
            op.type = type(cols.get(0).getColDataType().toString());
            return true;
        }
        op(Op.Kind.OTHER_DDL, at).table = table;
        return true;
    }

    private boolean unspecific(AlterExpression e, String table, int at) {
        List<Token> w = SqlLexer.tokens(e.getOptionalSpecifier() == null ? "" : e.getOptionalSpecifier(), dialect);
        if (w.size() >= 3 && w.get(0).is("VALIDATE") && w.get(1).is("CONSTRAINT")) {
            Op op = op(Op.Kind.VALIDATE_CONSTRAINT, at);
            op.table = table;
            op.name = normalize(w.get(2));
        } else if (w.size() >= 2 && w.get(0).is("SET") && (w.get(1).is("TABLESPACE") || w.get(1).is("LOGGED")
                || w.get(1).is("UNLOGGED") || w.get(1).is("ACCESS"))) {
            Op op = op(Op.Kind.TABLE_REWRITE, at);
            op.table = table;
            op.name = "SET " + w.get(1).text();
        } else if (w.isEmpty()) {
            return false;
        } else {
            op(Op.Kind.OTHER_DDL, at).table = table;
        }
        return true;
    }

    // ---- CREATE INDEX, DROP ----

    private boolean createIndex(CreateIndex ci) {
        if (ci.getTable() == null || ci.getIndex() == null) {
            return false;
        }
        Op op = op(Op.Kind.CREATE_INDEX, 0);
        op.table = name(ci.getTable());
        op.name = unquote(ci.getIndex().getName());
        op.concurrently = ci.isConcurrently();
        String type = ci.getIndex().getType();
        op.constraint = type != null && type.toUpperCase(Locale.ROOT).contains("UNIQUE") ? Op.Constraint.UNIQUE : null;
        mysqlTail(op.table);
        return true;
    }

    /** MySQL {@code ALGORITHM=COPY} and {@code LOCK=SHARED|EXCLUSIVE} after an index definition. */
    private void mysqlTail(String table) {
        if (dialect != Dialect.MYSQL) {
            return;
        }
        for (int k = 0; k + 1 < t.size(); k++) {
            Token x = t.get(k);
            Token v = k + 2 < t.size() && t.get(k + 1).isSymbol("=") ? t.get(k + 2) : t.get(k + 1);
            if (x.is("ALGORITHM") && v.is("COPY")) {
                Op op = op(Op.Kind.MYSQL_COPY, k);
                op.name = "ALGORITHM=COPY";
                op.table = table;
            } else if (x.is("LOCK") && (v.is("SHARED") || v.is("EXCLUSIVE"))) {
                Op op = op(Op.Kind.MYSQL_LOCK, k);
                op.name = "LOCK=" + v.text();
                op.table = table;
            }
        }
    }

    private boolean drop(Drop d) {
        String type = d.getType() == null ? "" : d.getType().toUpperCase(Locale.ROOT);
        List<Table> names = d.getNames() == null ? List.of() : d.getNames();
        switch (type) {
            case "TABLE", "TEMPORARY TABLE" -> {
                for (Table table : names) {
                    op(Op.Kind.DROP_TABLE, nameToken(table, 2)).table = name(table);
                }
                return !names.isEmpty();
            }
            case "INDEX" -> {
                // JSqlParser reads DROP INDEX CONCURRENTLY i as an index named CONCURRENTLY
                if (names.size() != 1 || containsWords("CONCURRENTLY")) {
                    return false;
                }
                List<String> params = d.getParameters() == null ? List.of() : d.getParameters();
                Op op = op(Op.Kind.DROP_INDEX, 0);
                op.name = name(names.get(0));
                if (params.size() == 2 && params.get(0).equalsIgnoreCase("ON")) {
                    op.table = lastPart(params.get(1));
                } else if (!params.isEmpty() && !(params.size() == 1 && (params.get(0).equalsIgnoreCase("CASCADE")
                        || params.get(0).equalsIgnoreCase("RESTRICT")))) {
                    return false;
                }
                op.concurrently = dialect == Dialect.MYSQL;
                return true;
            }
            case "FUNCTION", "PROCEDURE", "TRIGGER" -> {
                op(Op.Kind.DEFINITION, 0);
                return true;
            }
            default -> {
                if (type.isEmpty()) {
                    return false;
                }
                op(Op.Kind.OTHER_DDL, 0);
                return true;
            }
        }
    }

    // ---- names ----

    private boolean containsWords(String... words) {
        for (int k = 0; k + words.length <= t.size(); k++) {
            boolean all = true;
            for (int j = 0; j < words.length && all; j++) {
                all = t.get(k + j).is(words[j]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Index of the token naming the table (its last part), searched from {@code from}; else 0. */
    private int nameToken(Table table, int from) {
        String n = name(table);
        for (int k = from; k < t.size(); k++) {
            if (t.get(k).isName() && normalize(t.get(k)).equals(n)
                    && !(k + 1 < t.size() && t.get(k + 1).isSymbol("."))) {
                // the qualified name's first part, as the classifier reports it
                while (k >= 2 && t.get(k - 1).isSymbol(".") && t.get(k - 2).isName()) {
                    k -= 2;
                }
                return k;
            }
        }
        return 0;
    }

    /** The table's last name part, as the classifier spells it: unquoted lower-cased, quoted as written. */
    private static String name(Table table) {
        return table == null ? null : unquote(table.getName());
    }

    private static String lastPart(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return unquote(dot < 0 ? qualified : qualified.substring(dot + 1));
    }

    static String unquote(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() > 1 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`"))) {
            return s.substring(1, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static String normalize(Token x) {
        return x.type() == Token.Type.WORD ? x.text().toLowerCase(Locale.ROOT) : x.text();
    }

    /** {@code varchar (200)} as the rules compare types: {@code VARCHAR(200)}. */
    private static String type(String s) {
        return s.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
