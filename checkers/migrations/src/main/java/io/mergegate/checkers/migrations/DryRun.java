package io.mergegate.checkers.migrations;

import static io.mergegate.checkers.migrations.MigrationRun.args;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * Applies the new migrations to a real PostgreSQL: the base migrations first (with Flyway, no
 * transactional lock, a {@code lock_timeout}), a few synthetic rows per table so NOT NULL, casts and
 * unique constraints fail as they would in production, then a clone of that database on which each
 * new migration runs in its own transaction while the strongest lock per table ({@code pg_locks}),
 * table rewrites ({@code relfilenode}) and sequential scans ({@code pg_stat_xact_user_tables}) are recorded.
 */
final class DryRun {

    /** Lock modes, weakest first; SHARE and stronger block writes. */
    private static final List<String> LOCKS = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");
    private static final int SHARE = LOCKS.indexOf("ShareLock");

    private final MigrationRun run;
    private final MigrationSettings settings;
    private final List<String> staticRewrites;

    DryRun(MigrationRun run, MigrationSettings settings, List<String> staticRewrites) {
        this.run = run;
        this.settings = settings;
        this.staticRewrites = staticRewrites;
    }

    /** Runs the dry-run; every problem, including an unreachable server, becomes a finding. */
    void run(List<Migration> base, List<Migration> judged) {
        List<Migration> targets = judged.stream().filter(m -> m.unreadable == null && m.name.isPresent()).toList();
        if (targets.isEmpty()) {
            return;
        }
        try (PostgresServer server = settings.jdbcUrl().isBlank() ? PostgresServer.embedded()
                : PostgresServer.connect(settings.jdbcUrl())) {
            run(server, base, targets);
        } catch (IOException | SQLException | RuntimeException e) {
            failed(targets.get(0), null, "the dry-run could not run: " + firstLine(e));
        }
    }

    private void run(PostgresServer server, List<Migration> base, List<Migration> targets) throws IOException,
            SQLException {
        String suffix = HexFormat.of().formatHex(randomBytes());
        String baseDb = "mergegate_base_" + suffix;
        String cloneDb = "mergegate_dry_" + suffix;
        try (Connection admin = server.open(server.maintenanceDatabase())) {
            admin.setAutoCommit(true);
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + baseDb);
            }
            try {
                if (!prepareBase(server, baseDb, base, targets.get(0))) {
                    return;
                }
                try (Statement st = admin.createStatement()) {
                    st.execute("CREATE DATABASE " + cloneDb + " TEMPLATE " + baseDb);
                }
                try (Connection c = server.open(cloneDb)) {
                    applyAll(c, targets);
                }
            } finally {
                try (Statement st = admin.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + cloneDb);
                    st.execute("DROP DATABASE IF EXISTS " + baseDb);
                }
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** Base migrations through Flyway, then seed rows. False when the base does not apply. */
    private boolean prepareBase(PostgresServer server, String db, List<Migration> base, Migration first)
            throws IOException, SQLException {
        Path dir = Files.createTempDirectory("mergegate-dry-run");
        try {
            for (Migration m : base) {
                if (m.unreadable != null || m.name.isEmpty()) {
                    continue;
                }
                MigrationName n = m.name.get();
                String file = n.kind() == MigrationName.Kind.TIMESTAMPED
                        ? "V" + n.versionText() + "__" + n.description() + ".sql" : m.fileName;
                if (n.kind() == MigrationName.Kind.UNDO) {
                    continue;
                }
                Files.writeString(dir.resolve(file), m.text, StandardCharsets.UTF_8);
            }
            Map<String, String> conf = new HashMap<>();
            conf.put("flyway.postgresql.transactional.lock", "false");
            try {
                Flyway.configure().configuration(conf).dataSource(server.withDatabase(db), null, null)
                        .locations("filesystem:" + dir).placeholders(settings.placeholders())
                        .initSql("SET lock_timeout = '" + settings.lockTimeout() + "'").cleanDisabled(true)
                        .connectRetries(0).load().migrate();
            } catch (RuntimeException e) {
                failed(first, null, "the base migrations do not apply, so the new ones were not tried: " + firstLine(e));
                return false;
            }
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        try (Connection c = server.open(db)) {
            new SeedRows(c, settings.seedRows()).seed();
        }
        return true;
    }

    private void applyAll(Connection c, List<Migration> targets) throws SQLException {
        Map<String, Long> files = relfilenodes(c);
        Set<String> existing = files.keySet();
        try (Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = '" + settings.lockTimeout() + "'");
            st.execute("SET statement_timeout = '120s'");
        }
        for (Migration m : targets) {
            if (!apply(c, m, existing, files)) {
                return;
            }
        }
    }

    /** One migration in its own transaction (or without one when it has CONCURRENTLY or VACUUM statements). */
    private boolean apply(Connection c, Migration m, Set<String> existing, Map<String, Long> files)
            throws SQLException {
        List<AnalyzedStatement> statements = m.statements(settings);
        boolean transactional = statements.stream().noneMatch(DryRun::nonTransactional);
        c.setAutoCommit(!transactional);
        Map<String, Integer> held = new HashMap<>();
        Map<String, Long> scans = transactional ? scans(c) : Map.of();
        Set<String> reported = new HashSet<>();
        for (AnalyzedStatement r : statements) {
            String verb = r.verb();
            if (verb.equals("BEGIN") || verb.equals("COMMIT") || verb.equals("END") || verb.equals("START")
                    || verb.equals("ROLLBACK")) {
                continue;
            }
            String sql = substitute(r.statement().text());
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                if (transactional) {
                    c.rollback();
                }
                c.setAutoCommit(true);
                failed(m, r.statement(), "PostgreSQL said: " + firstLine(e)
                        + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"));
                return false;
            }
            boolean truncate = r.ops().stream().anyMatch(o -> o.kind == Op.Kind.TRUNCATE);
            Map<String, Long> now = relfilenodes(c);
            for (String table : existing) {
                Long before = files.get(table);
                Long after = now.get(table);
                if (before != null && after != null && !before.equals(after) && !truncate
                        && reported.add("rewrite " + table) && !staticRewrites.contains(m.path + "|" + table)) {
                    run.report(MigrationRuleIds.TABLE_REWRITE, m, r.statement().offset(), table + "#dry-run",
                            args("statement", Op.excerpt(r.statement().text()), "table", table, "operation",
                                    "seen in the dry-run: its relfilenode changed", "lock", "ACCESS EXCLUSIVE"));
                }
            }
            files.putAll(now);
            if (transactional) {
                locks(c, held);
                Map<String, Long> after = scans(c);
                for (Map.Entry<String, Long> e : after.entrySet()) {
                    String table = e.getKey();
                    long delta = e.getValue() - scans.getOrDefault(table, 0L);
                    int lock = held.getOrDefault(table, -1);
                    if (delta > 0 && existing.contains(table) && lock >= SHARE && reported.add("scan " + table)) {
                        run.report(MigrationRuleIds.LOCKING_SCAN, m, r.statement().offset(), table + "#scan",
                                args("statement", Op.excerpt(r.statement().text()), "table", table, "lock",
                                        LOCKS.get(lock).replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                                                .toUpperCase(Locale.ROOT)));
                    }
                }
                scans = after;
            }
        }
        if (transactional) {
            c.commit();
        }
        c.setAutoCommit(true);
        return true;
    }

    private static boolean nonTransactional(AnalyzedStatement r) {
        if (r.verb().equals("VACUUM")) {
            return true;
        }
        return r.ops().stream().anyMatch(o -> o.concurrently && (o.kind == Op.Kind.CREATE_INDEX
                || o.kind == Op.Kind.DROP_INDEX || o.kind == Op.Kind.REINDEX || o.kind == Op.Kind.DETACH_PARTITION));
    }

    private static Map<String, Long> relfilenodes(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.relname, c.relfilenode "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm') "
                + "AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
                + "AND c.relname <> 'flyway_schema_history'")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static Map<String, Long> scans(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT relname, seq_scan FROM pg_stat_xact_user_tables")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** Strongest relation lock this session holds per table, merged into {@code held}. */
    private static void locks(Connection c, Map<String, Integer> held) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname, l.mode FROM pg_locks l "
                + "JOIN pg_class c ON c.oid = l.relation WHERE l.pid = pg_backend_pid() AND l.granted "
                + "AND c.relkind IN ('r', 'p', 'm')"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int mode = LOCKS.indexOf(rs.getString(2));
                held.merge(rs.getString(1), mode, Math::max);
            }
        }
    }

    private String substitute(String sql) {
        String out = sql;
        for (Map.Entry<String, String> e : settings.placeholders().entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    private void failed(Migration m, SqlStatement st, String error) {
        run.report(MigrationRuleIds.DRY_RUN_FAILED, m, st == null ? 0 : st.offset(), "dry-run", args("statement",
                st == null ? m.fileName : Op.excerpt(st.text()), "error", error));
    }

    private static String firstLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.lines().findFirst().orElse(msg).strip();
    }

    /** Lists the tables of a run's static {@code table-rewrite} findings as {@code path|table}. */
    static List<String> staticRewrites(List<io.mergegate.core.Finding> findings) {
        List<String> out = new ArrayList<>();
        for (io.mergegate.core.Finding f : findings) {
            String logical = f.location().logical();
            if (f.ruleId().equals(MigrationRuleIds.TABLE_REWRITE) && logical != null) {
                int hash = logical.indexOf('#');
                String table = hash < 0 ? logical : logical.substring(0, hash);
                out.add(f.location().path() + "|" + table);
            }
        }
        return out;
    }
}
