package io.mergegate.checkers.migrations;

import static io.mergegate.checkers.migrations.MigrationRun.args;

import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.source.TextLines;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules judged from the statements of the new or changed migrations, in version order, against the
 * schema the earlier migrations built: phases, locks, rewrites and unparsable statements.
 */
final class StatementRules {

    /** Largest code file searched for references to a dropped object. */
    private static final int MAX_CODE_BYTES = 2 * 1024 * 1024;
    private static final int MAX_LISTED_REFERENCES = 10;
    private static final Pattern VARCHAR = Pattern.compile("(?:CHARACTERVARYING|VARCHAR)(?:\\((\\d+)\\))?(\\[\\])?");
    private static final Pattern NUMERIC = Pattern.compile("(?:NUMERIC|DECIMAL)(?:\\((\\d+)(?:,(\\d+))?\\))?");

    private final MigrationRun run;
    private final Schema schema;
    private final Dialect dialect;
    private final boolean lintOnly;
    /** Tables that an expand migration new in this change touches. */
    private final Set<String> expandedInChange = new HashSet<>();
    /** Paths of the migrations judged in this change (everything else was applied before). */
    private final Set<String> judgedPaths = new HashSet<>();
    /** Contract drops waiting for the reference search. */
    private final List<Drop> drops = new ArrayList<>();

    private record Drop(Migration migration, Op op, String object, String needle) {
    }

    StatementRules(MigrationRun run, Schema schema, List<Migration> judged, boolean lintOnly) {
        this.run = run;
        this.schema = schema;
        this.dialect = run.settings().dialect();
        this.lintOnly = lintOnly;
        for (Migration m : judged) {
            judgedPaths.add(m.path);
            if (m.phase().orElse(Phase.EXPAND) == Phase.EXPAND) {
                for (AnalyzedStatement r : m.statements(run.settings())) {
                    for (Op op : r.ops()) {
                        if (op.table != null && (op.kind == Op.Kind.ADD_COLUMN || op.kind == Op.Kind.CREATE_TABLE
                                || op.kind == Op.Kind.CREATE_INDEX || op.kind == Op.Kind.ADD_CONSTRAINT)) {
                            expandedInChange.add(op.table);
                        }
                    }
                }
            }
        }
    }

    void check(Migration m) {
        if (m.unreadable != null) {
            run.reportAt(MigrationRuleIds.STATEMENT_NOT_PARSED, m.path, 1, 0, "file",
                    args("statement", "the whole file", "reason", "the file is " + m.unreadable));
            return;
        }
        Phase phase = m.phase().orElse(Phase.EXPAND);
        List<AnalyzedStatement> results = m.statements(run.settings());
        Set<String> createdHere = new HashSet<>();
        Set<String> notValidHere = new HashSet<>();
        boolean inTransaction = false;
        boolean lockTimeout = false;
        boolean lockTimeoutReported = false;
        boolean transactional = results.stream().flatMap(r -> r.ops().stream()).anyMatch(StatementRules::transactional);
        Set<String> reportedStatements = new HashSet<>();
        for (AnalyzedStatement r : results) {
            SqlStatement st = r.statement();
            if (st.unterminated() || !r.known()) {
                String reason = st.unterminated() ? "a quote, comment or dollar-quoted body is not closed"
                        : "neither JSqlParser nor the keyword classifier recognises `" + r.verb() + "`";
                run.report(MigrationRuleIds.STATEMENT_NOT_PARSED, m, st.offset(), "statement@" + st.line(),
                        args("statement", summary(st.text()), "reason", reason));
            }
            for (Op op : r.ops()) {
                String table = op.table;
                boolean existing = table != null && !createdHere.contains(table);
                switch (op.kind) {
                    case BEGIN -> inTransaction = true;
                    case COMMIT -> inTransaction = false;
                    case SET_LOCK_TIMEOUT -> lockTimeout = true;
                    default -> {
                    }
                }
                if (run.settings().requireLockTimeout() && !lockTimeout && !lockTimeoutReported && existing
                        && takesLock(op)) {
                    lockTimeoutReported = true;
                    report(MigrationRuleIds.MISSING_LOCK_TIMEOUT, m, op, args("timeout",
                            dialect == Dialect.MYSQL ? "SET SESSION lock_wait_timeout = 5" : "SET lock_timeout = '5s'"));
                }
                phaseRules(m, phase, op, existing, reportedStatements);
                lockRules(m, op, existing, notValidHere, inTransaction, transactional);
                if (op.kind == Op.Kind.CREATE_TABLE && table != null) {
                    createdHere.add(table);
                }
                if (op.kind == Op.Kind.ADD_CONSTRAINT && op.notValid && op.name != null) {
                    notValidHere.add(op.name);
                }
                schema.apply(op, m.path);
            }
        }
    }

    private static boolean transactional(Op op) {
        return switch (op.kind) {
            case SESSION, SET_LOCK_TIMEOUT, QUERY, BEGIN, COMMIT -> false;
            case CREATE_INDEX, DROP_INDEX, REINDEX, DETACH_PARTITION -> !op.concurrently;
            default -> true;
        };
    }

    private boolean takesLock(Op op) {
        return switch (op.kind) {
            case ADD_COLUMN, DROP_COLUMN, ALTER_COLUMN_TYPE, SET_NOT_NULL, RENAME_COLUMN, RENAME_TABLE, ADD_CONSTRAINT,
                    VALIDATE_CONSTRAINT, TABLE_REWRITE, DROP_TABLE, TRUNCATE, MYSQL_COPY, MYSQL_LOCK -> !op.inCreate;
            case CREATE_INDEX, DROP_INDEX, REINDEX, DETACH_PARTITION -> !op.concurrently;
            default -> false;
        };
    }

    private void phaseRules(Migration m, Phase phase, Op op, boolean existing, Set<String> reportedStatements) {
        String key = op.source + "@" + op.offset;
        switch (phase) {
            case EXPAND -> {
                if (op.kind == Op.Kind.DROP_COLUMN) {
                    report(MigrationRuleIds.DROP_COLUMN_OUTSIDE_CONTRACT, m, op, args("phase", phase.id()));
                } else if (op.kind == Op.Kind.DROP_TABLE && existing) {
                    report(MigrationRuleIds.DROP_TABLE_OUTSIDE_CONTRACT, m, op, args("phase", phase.id()));
                } else if (op.kind == Op.Kind.DML && existing && reportedStatements.add(key)) {
                    report(MigrationRuleIds.MIXED_PHASE, m, op, args("phase", phase.id(), "problem",
                            "changes data of an existing table, which belongs in a backfill migration"));
                }
            }
            case BACKFILL -> {
                if (op.kind == Op.Kind.DROP_COLUMN) {
                    report(MigrationRuleIds.DROP_COLUMN_OUTSIDE_CONTRACT, m, op, args("phase", phase.id()));
                } else if (op.kind == Op.Kind.DROP_TABLE && existing) {
                    report(MigrationRuleIds.DROP_TABLE_OUTSIDE_CONTRACT, m, op, args("phase", phase.id()));
                } else if (op.isDdl() && op.kind != Op.Kind.VALIDATE_CONSTRAINT && op.kind != Op.Kind.TRUNCATE
                        && reportedStatements.add(key)) {
                    report(MigrationRuleIds.BACKFILL_WITH_DDL, m, op, args());
                }
            }
            case CONTRACT -> {
                if (op.kind == Op.Kind.DROP_COLUMN && op.column != null) {
                    contractDrop(m, op, op.table + "." + op.column, op.column,
                            inBase(schema.columnAddedBy(op.table, op.column)));
                } else if (op.kind == Op.Kind.DROP_TABLE && existing) {
                    contractDrop(m, op, op.table, op.table, inBase(schema.createdBy(op.table)));
                } else if ((op.kind == Op.Kind.CREATE_TABLE || op.kind == Op.Kind.ADD_COLUMN && !op.inCreate
                        || op.kind == Op.Kind.CREATE_INDEX || op.kind == Op.Kind.ADD_CONSTRAINT && !op.inCreate
                        || op.kind == Op.Kind.DML && existing) && reportedStatements.add(key)) {
                    report(MigrationRuleIds.MIXED_PHASE, m, op, args("phase", phase.id(), "problem",
                            op.kind == Op.Kind.DML ? "changes data, which belongs in a backfill migration"
                                    : "expands the schema, which belongs in an expand migration"));
                }
            }
            default -> {
            }
        }
    }

    private boolean inBase(String createdBy) {
        return createdBy != null && !judgedPaths.contains(createdBy);
    }

    private void contractDrop(Migration m, Op op, String object, String needle, boolean createdInBase) {
        if (!createdInBase && !lintOnly) {
            report(MigrationRuleIds.CONTRACT_WITHOUT_PRIOR_EXPAND, m, op, args("object", object, "reason",
                    "no migration already applied (in the base) created it"));
        } else if (op.table != null && expandedInChange.contains(op.table)) {
            report(MigrationRuleIds.CONTRACT_WITHOUT_PRIOR_EXPAND, m, op, args("object", object, "reason",
                    "an expand migration in this same change alters table `" + op.table + "`"));
        }
        drops.add(new Drop(m, op, object, needle));
    }

    private void lockRules(Migration m, Op op, boolean existing, Set<String> notValidHere, boolean inTransaction,
            boolean transactional) {
        boolean pg = dialect == Dialect.POSTGRESQL;
        switch (op.kind) {
            case ADD_COLUMN -> {
                if (op.inCreate || !existing) {
                    return;
                }
                if (pg && op.notNull && !op.hasDefault) {
                    report(MigrationRuleIds.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT, m, op, args());
                }
                if (pg && (op.volatileDefault || op.rewritingColumn)) {
                    report(MigrationRuleIds.ADD_COLUMN_REWRITES_TABLE, m, op, args("reason", op.rewritingColumn
                            ? "a serial, identity or stored generated column" : "a volatile default"));
                }
                if (!pg && op.expressionDefault) {
                    report(MigrationRuleIds.MYSQL_EXPRESSION_DEFAULT, m, op, args());
                }
            }
            case ALTER_COLUMN_TYPE -> {
                if (existing && !widening(schema.columnType(op.table, op.column), op.type)) {
                    report(MigrationRuleIds.CHANGE_COLUMN_TYPE, m, op, args("type", op.type,
                            "old", Optional.ofNullable(schema.columnType(op.table, op.column)).orElse("unknown")));
                }
            }
            case MYSQL_COPY -> {
                if (existing) {
                    report(MigrationRuleIds.MYSQL_ALGORITHM_COPY, m, op, args("operation",
                            op.name == null ? "this change" : op.name));
                }
            }
            case MYSQL_LOCK -> report(MigrationRuleIds.MYSQL_LOCK_BLOCKING, m, op, args("lock", op.name));
            case SET_NOT_NULL -> {
                if (pg && existing && !schema.hasValidatedNotNullCheck(op.table, op.column)) {
                    report(MigrationRuleIds.SET_NOT_NULL, m, op, args());
                }
            }
            case RENAME_COLUMN -> {
                if (existing) {
                    report(MigrationRuleIds.RENAME_COLUMN, m, op, args("to", op.name));
                }
            }
            case RENAME_TABLE -> {
                if (existing) {
                    report(MigrationRuleIds.RENAME_TABLE, m, op, args("to", op.name));
                }
            }
            case CREATE_INDEX -> {
                if (!pg) {
                    return;
                }
                if (!op.concurrently && existing) {
                    report(MigrationRuleIds.CREATE_INDEX_NON_CONCURRENT, m, op, args());
                }
                concurrentInTransaction(m, op, inTransaction, transactional);
            }
            case DROP_INDEX -> {
                if (!pg) {
                    return;
                }
                if (!op.concurrently) {
                    report(MigrationRuleIds.DROP_INDEX_NON_CONCURRENT, m, op, args("index", op.name));
                }
                concurrentInTransaction(m, op, inTransaction, transactional);
            }
            case REINDEX -> {
                if (!pg) {
                    return;
                }
                if (!op.concurrently) {
                    report(MigrationRuleIds.REINDEX_NON_CONCURRENT, m, op, args());
                }
                concurrentInTransaction(m, op, inTransaction, transactional);
            }
            case DETACH_PARTITION -> {
                if (!pg) {
                    return;
                }
                if (!op.concurrently) {
                    report(MigrationRuleIds.DETACH_PARTITION_NON_CONCURRENT, m, op, args("partition", op.name));
                }
                concurrentInTransaction(m, op, inTransaction, transactional);
            }
            case ADD_CONSTRAINT -> {
                if (!pg || op.inCreate || !existing) {
                    return;
                }
                if (op.constraint == Op.Constraint.FOREIGN_KEY && !op.notValid) {
                    report(MigrationRuleIds.ADD_FOREIGN_KEY_BLOCKING, m, op, args());
                } else if (op.constraint == Op.Constraint.CHECK && !op.notValid) {
                    report(MigrationRuleIds.ADD_CHECK_CONSTRAINT_BLOCKING, m, op, args());
                } else if ((op.constraint == Op.Constraint.UNIQUE || op.constraint == Op.Constraint.PRIMARY_KEY)
                        && !op.usingIndex) {
                    report(MigrationRuleIds.ADD_UNIQUE_CONSTRAINT_BLOCKING, m, op, args("kind",
                            op.constraint == Op.Constraint.UNIQUE ? "UNIQUE" : "PRIMARY KEY"));
                }
            }
            case VALIDATE_CONSTRAINT -> {
                if (pg && op.name != null && notValidHere.contains(op.name)) {
                    report(MigrationRuleIds.VALIDATE_IN_SAME_TRANSACTION, m, op, args("constraint", op.name));
                }
            }
            case TABLE_REWRITE -> {
                if (existing || op.table == null) {
                    report(MigrationRuleIds.TABLE_REWRITE, m, op, args("operation", op.name == null ? "this statement"
                            : op.name, "lock", "ACCESS EXCLUSIVE"));
                }
            }
            case TRUNCATE -> {
                if (existing) {
                    report(MigrationRuleIds.TRUNCATE, m, op, args());
                }
            }
            default -> {
            }
        }
    }

    private void concurrentInTransaction(Migration m, Op op, boolean inTransaction, boolean transactional) {
        if (op.concurrently && (inTransaction || transactional)) {
            report(MigrationRuleIds.CONCURRENT_INDEX_IN_TRANSACTION, m, op, args("reason", inTransaction
                    ? "it follows an explicit BEGIN" : "the file has other statements, so it runs in a transaction"));
        }
    }

    /** Widening that PostgreSQL does without a rewrite: longer varchar, varchar to text, more numeric precision. */
    static boolean widening(String from, String to) {
        if (from == null || to == null) {
            return false;
        }
        String f = from.replace(" ", "").toUpperCase(Locale.ROOT);
        String t = to.replace(" ", "").toUpperCase(Locale.ROOT);
        Matcher fv = VARCHAR.matcher(f);
        if (fv.matches()) {
            if (t.equals("TEXT") && fv.group(2) == null) {
                return true;
            }
            Matcher tv = VARCHAR.matcher(t);
            if (tv.matches() && equalsNullable(fv.group(2), tv.group(2))) {
                return tv.group(1) == null || fv.group(1) != null
                        && Integer.parseInt(tv.group(1)) >= Integer.parseInt(fv.group(1));
            }
            return false;
        }
        Matcher fn = NUMERIC.matcher(f);
        Matcher tn = NUMERIC.matcher(t);
        if (fn.matches() && tn.matches()) {
            if (tn.group(1) == null) {
                return true;
            }
            if (fn.group(1) == null) {
                return false;
            }
            String fs = fn.group(2) == null ? "0" : fn.group(2);
            String ts = tn.group(2) == null ? "0" : tn.group(2);
            return fs.equals(ts) && Integer.parseInt(tn.group(1)) >= Integer.parseInt(fn.group(1));
        }
        return f.equals(t);
    }

    private static boolean equalsNullable(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private void report(String rule, Migration m, Op op, Map<String, Object> extra) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("statement", op.what() + (op.hidden ? " (inside a DO block or EXECUTE string)" : ""));
        a.put("table", op.table == null ? "?" : op.table);
        a.put("column", op.column == null ? "?" : op.column);
        a.putAll(extra);
        String logical = (op.table == null ? "" : op.table) + (op.column == null ? "" : "." + op.column)
                + "#" + op.kind.name().toLowerCase(Locale.ROOT);
        run.report(rule, m, op.offset, logical, a);
    }

    private static String summary(String text) {
        return Op.excerpt(text);
    }

    /** Contract drops: lists every base or head file (outside the migrations) that still names the object. */
    void checkReferences(SourceTree base, SourceTree head) {
        if (drops.isEmpty()) {
            return;
        }
        Map<Drop, Set<String>> refs = new LinkedHashMap<>();
        Map<Drop, Pattern> patterns = new LinkedHashMap<>();
        for (Drop d : drops) {
            patterns.put(d, Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(d.needle())
                    + "(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE));
            refs.put(d, new LinkedHashSet<>());
        }
        for (SourceTree tree : List.of(head, base)) {
            for (String path : tree.paths()) {
                if (run.settings().isMigration(path) || !io.mergegate.core.source.Glob.anyMatch(
                        run.settings().codePaths(), path)) {
                    continue;
                }
                Optional<SourceFile> f = tree.file(path);
                if (f.isEmpty() || f.get().size() > MAX_CODE_BYTES || f.get().isBinary()) {
                    continue;
                }
                String text = f.get().textLenient();
                for (Map.Entry<Drop, Pattern> e : patterns.entrySet()) {
                    Matcher mt = e.getValue().matcher(text);
                    if (mt.find()) {
                        TextLines lines = TextLines.of(text);
                        do {
                            refs.get(e.getKey()).add(path + ":" + lines.lineOf(mt.start()));
                        } while (mt.find());
                    }
                }
            }
        }
        for (Drop d : drops) {
            Set<String> r = refs.get(d);
            if (r.isEmpty()) {
                continue;
            }
            List<String> list = new ArrayList<>(r);
            String shown = String.join(", ", list.subList(0, Math.min(list.size(), MAX_LISTED_REFERENCES)))
                    + (list.size() > MAX_LISTED_REFERENCES ? " and " + (list.size() - MAX_LISTED_REFERENCES)
                            + " more" : "");
            Map<String, Object> a = args("object", d.object(), "references", shown, "count", list.size());
            report(MigrationRuleIds.DROPPED_OBJECT_STILL_REFERENCED, d.migration(), d.op(), a);
        }
    }
}
