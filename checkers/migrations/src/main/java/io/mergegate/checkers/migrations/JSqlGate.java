package io.mergegate.checkers.migrations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/**
 * JSqlParser as the first opinion on a statement: whether the grammar accepts it. Parsing runs on one
 * shared daemon thread with a time limit, so a pathological statement cannot hang the gate.
 */
final class JSqlGate {

    private static final long TIMEOUT_MS = 2_000;
    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread th = new Thread(r, "mergegate-jsqlparser");
        th.setDaemon(true);
        return th;
    });

    private JSqlGate() {
    }

    /** True when JSqlParser parses the statement (placeholders must already be substituted). */
    static boolean parses(String sql, Dialect dialect) {
        try {
            CCJSqlParserUtil.parse(sql, EXECUTOR, p -> {
                p.withTimeOut(TIMEOUT_MS);
                if (dialect == Dialect.MYSQL) {
                    p.withDialect(AbstractJSqlParser.Dialect.MYSQL).withBackslashEscapeCharacter(true);
                } else {
                    p.withDialect(AbstractJSqlParser.Dialect.POSTGRESQL);
                }
            });
            return true;
        } catch (Exception | StackOverflowError e) {
            return false;
        }
    }
}
