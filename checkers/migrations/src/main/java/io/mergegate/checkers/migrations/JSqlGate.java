package io.mergegate.checkers.migrations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * JSqlParser 5.4 with a bounded budget. Parsing runs on daemon threads with a time limit, so a
 * pathological statement cannot hang the gate, and statements above {@link #MAX_CHARS} are not given
 * to it at all (the keyword classifier reads them in linear time).
 */
final class JSqlGate {

    private static final long TIMEOUT_MS = 2_000;
    /** Larger statements (bulk INSERTs, long function bodies) go straight to the keyword classifier. */
    static final int MAX_CHARS = 20_000;
    /** Cached daemon threads: a parse that outlives its time limit cannot block the next one. */
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread th = new Thread(r, "mergegate-jsqlparser");
        th.setDaemon(true);
        return th;
    });

    private JSqlGate() {
    }

    /**
     * The parsed statement (placeholders must already be substituted), or null when JSqlParser rejects it,
     * runs out of time, the statement is too large, or it only skipped it ({@code UnsupportedStatement}).
     */
    static Statement parse(String sql, Dialect dialect) {
        if (sql.length() > MAX_CHARS) {
            return null;
        }
        try {
            Statement parsed = CCJSqlParserUtil.parse(sql, EXECUTOR, p -> {
                p.withTimeOut(TIMEOUT_MS);
                if (dialect == Dialect.MYSQL) {
                    p.withDialect(AbstractJSqlParser.Dialect.MYSQL).withBackslashEscapeCharacter(true);
                } else {
                    p.withDialect(AbstractJSqlParser.Dialect.POSTGRESQL);
                }
            });
            return parsed instanceof UnsupportedStatement ? null : parsed;
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    /** True when JSqlParser parses the statement. */
    static boolean parses(String sql, Dialect dialect) {
        return parse(sql, dialect) != null;
    }
}
