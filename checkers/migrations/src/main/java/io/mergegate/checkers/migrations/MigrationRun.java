package io.mergegate.checkers.migrations;

import io.mergegate.core.Finding;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.Artifact;
import io.mergegate.core.spi.GateContext;
import io.mergegate.core.spi.KnownFacts;
import io.mergegate.core.spi.Mode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** One evaluation: loads base and head migrations, runs history, header and statement rules. */
final class MigrationRun {

    /** Base statements that may rename a table. */
    private static final Pattern RENAME = Pattern.compile("(?<![A-Za-z0-9_$])rename(?![A-Za-z0-9_$])",
            Pattern.CASE_INSENSITIVE);

    private final GateContext ctx;
    private final MigrationSettings settings;
    private final boolean statementRulesOnly;
    private final List<Finding> findings = new ArrayList<>();

    MigrationRun(GateContext ctx, MigrationSettings settings, boolean statementRulesOnly) {
        this.ctx = ctx;
        this.settings = settings;
        this.statementRulesOnly = statementRulesOnly;
    }

    List<Finding> run() {
        Map<String, Migration> base = load(ctx.base(), Map.of());
        Map<String, Migration> head = load(ctx.head(), base);
        List<Migration> judged = new ArrayList<>();
        for (Migration m : head.values()) {
            if (!maybeChanged(m.path) && base.containsKey(m.path)) {
                continue;
            }
            Migration before = base.get(m.path);
            if (before == null || !before.checksumLines().equals(m.checksumLines())) {
                judged.add(m);
            }
        }
        judged.sort(Migration.ORDER);
        if (!statementRulesOnly) {
            new HistoryRules(this, base, head, judged).run();
        }
        List<Migration> baseOrdered = new ArrayList<>(base.values());
        baseOrdered.sort(Migration.ORDER);
        Schema schema = new Schema();
        if (needsSchema(judged)) {
            // the rules only ask about tables the judged statements name
            Pattern mentioned = mentionedTables(judged, baseOrdered);
            for (Migration m : baseOrdered) {
                if (m.name.isPresent()) {
                    for (AnalyzedStatement r : m.statementsMentioning(settings, mentioned)) {
                        r.ops().forEach(op -> schema.apply(op, m.path));
                    }
                }
            }
        }
        StatementRules rules = new StatementRules(this, schema, judged, statementRulesOnly);
        for (Migration m : judged) {
            HeaderRules.check(this, m, ctx.head());
            rules.check(m);
        }
        if (!statementRulesOnly) {
            rules.checkReferences(ctx.base(), ctx.head());
            if (settings.dryRun() && settings.dialect() == Dialect.POSTGRESQL && !judged.isEmpty()) {
                new DryRun(this, settings, DryRun.staticRewrites(findings)).run(baseOrdered, judged);
            }
            for (Migration m : judged) {
                ctx.facts().publish(KnownFacts.ARTIFACTS, new Artifact("migration", m.path));
            }
        }
        return findings;
    }

    /**
     * Whether a judged statement depends on what earlier migrations built (drops, type changes, SET NOT NULL);
     * when none does, the base migrations need not be replayed.
     */
    private boolean needsSchema(List<Migration> judged) {
        for (Migration m : judged) {
            for (AnalyzedStatement r : m.statements(settings)) {
                for (Op op : r.ops()) {
                    switch (op.kind) {
                        case DROP_COLUMN, DROP_TABLE, ALTER_COLUMN_TYPE, SET_NOT_NULL -> {
                            return true;
                        }
                        default -> {
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * Any table name the judged operations use (renames: both names), with every name a base migration
     * renamed to or from one of them, as a case-insensitive identifier pattern. A base statement that does
     * not match it cannot change what the rules ask the schema.
     */
    private Pattern mentionedTables(List<Migration> judged, List<Migration> base) {
        Set<String> names = new TreeSet<>();
        for (Migration m : judged) {
            for (AnalyzedStatement r : m.statements(settings)) {
                for (Op op : r.ops()) {
                    addTable(names, op);
                }
            }
        }
        List<Op> renames = new ArrayList<>();
        for (Migration m : base) {
            if (m.name.isPresent()) {
                for (AnalyzedStatement r : m.statementsMentioning(settings, RENAME)) {
                    r.ops().stream().filter(op -> op.kind == Op.Kind.RENAME_TABLE).forEach(renames::add);
                }
            }
        }
        for (boolean grown = true; grown; ) {
            grown = false;
            for (Op op : renames) {
                if ((names.contains(op.table) || names.contains(op.name)) && addTable(names, op)) {
                    grown = true;
                }
            }
        }
        names.removeIf(String::isEmpty);
        if (names.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        StringBuilder alternatives = new StringBuilder();
        for (String n : names) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(n));
        }
        return Pattern.compile("(?<![A-Za-z0-9_$])(?:" + alternatives + ")(?![A-Za-z0-9_$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Adds the op's table (and a rename's new name); true when that added a name. */
    private static boolean addTable(Set<String> names, Op op) {
        boolean added = op.table != null && names.add(op.table);
        if (op.kind == Op.Kind.RENAME_TABLE && op.name != null) {
            added |= names.add(op.name);
        }
        return added;
    }

    /** False when the change set says the path is the same at base and head (so its content need not be read). */
    boolean maybeChanged(String path) {
        return ctx.mode() == Mode.TREE || ctx.changes().isChanged(path);
    }

    GateContext ctx() {
        return ctx;
    }

    MigrationSettings settings() {
        return settings;
    }

    /**
     * Migration files of a tree, keyed by path; rollback scripts named in headers are not migrations. A
     * file the change set leaves unchanged is taken from {@code same} (the base) instead of being read again.
     */
    Map<String, Migration> load(SourceTree tree, Map<String, Migration> same) {
        Map<String, Migration> out = new TreeMap<>();
        Set<String> rollbacks = new HashSet<>();
        tree.files(settings::isMigration).forEach(f -> {
            Migration known = maybeChanged(f.path()) ? null : same.get(f.path());
            Migration m = known != null ? known : new Migration(f);
            out.put(m.path, m);
            m.header().value("Rollback script").ifPresent(r -> rollbacks.add(resolve(m.path, r)));
        });
        for (String r : rollbacks) {
            out.remove(r);
        }
        out.values().removeIf(m -> isRollbackFolder(m.path));
        return out;
    }

    /** Rollback scripts by convention: a {@code rollback/} or {@code undo/} folder, or a {@code .rollback.sql} suffix. */
    private static boolean isRollbackFolder(String path) {
        return path.contains("/rollback/") || path.startsWith("rollback/") || path.contains("/undo/")
                || path.endsWith(".rollback.sql") || path.endsWith(".undo.sql");
    }

    /** A header path: relative to the migration's folder, or repository-relative when that does not exist. */
    static String resolve(String migrationPath, String ref) {
        String r = ref.strip().replace('\\', '/');
        if (r.startsWith("`") && r.endsWith("`") && r.length() > 1) {
            r = r.substring(1, r.length() - 1);
        }
        int slash = migrationPath.lastIndexOf('/');
        String dir = slash < 0 ? "" : migrationPath.substring(0, slash + 1);
        return normalize(dir + r);
    }

    static String normalize(String p) {
        List<String> parts = new ArrayList<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }

    /** Reports a finding at a character offset of a migration. */
    void report(String rule, Migration m, int offset, String logical, Map<String, ?> args) {
        int line = m.text.isEmpty() ? 1 : m.lines().lineOf(offset);
        int column = m.text.isEmpty() ? 0 : m.lines().columnOf(offset);
        reportAt(rule, m.path, line, column, logical, args);
    }

    void reportAt(String rule, String path, int line, int column, String logical, Map<String, ?> args) {
        if (statementRulesOnly && !MigrationRuleIds.STATEMENT_RULES.contains(rule)) {
            return;
        }
        Map<String, Object> all = new LinkedHashMap<>(args);
        all.putIfAbsent("file", path);
        all.putIfAbsent("line", line);
        findings.add(ctx.report(rule).at(path, line, column).args(all).logical(logical).build());
    }

    static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k + 1 < kv.length; k += 2) {
            m.put(String.valueOf(kv[k]), kv[k + 1] == null ? "?" : kv[k + 1]);
        }
        return m;
    }
}
