package io.mergegate.checkers.migrations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * JSqlParser as the first opinion on a statement: whether the grammar accepts it. Parsing runs on
 * daemon threads with a time limit, so a pathological statement cannot hang the gate.
 */
final class JSqlGate {

    private static final long TIMEOUT_MS = 2_000;
    /** Cached daemon threads: a parse that outlives its time limit cannot block the next one. */
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread th = new Thread(r, "mergegate-jsqlparser");
        th.setDaemon(true);
        return th;
    });

    private JSqlGate() {
    }

    /**
     * True when JSqlParser parses the statement (placeholders must already be substituted). Its
     * {@code UnsupportedStatement}, a statement it merely skipped, does not count.
     */
    static boolean parses(String sql, Dialect dialect) {
        try {
            Statement parsed = CCJSqlParserUtil.parse(sql, EXECUTOR, p -> {
                p.withTimeOut(TIMEOUT_MS);
                if (dialect == Dialect.MYSQL) {
                    p.withDialect(AbstractJSqlParser.Dialect.MYSQL).withBackslashEscapeCharacter(true);
                } else {
                    p.withDialect(AbstractJSqlParser.Dialect.POSTGRESQL);
                }
            });
            return parsed != null && !(parsed instanceof UnsupportedStatement);
        } catch (Exception | StackOverflowError e) {
            return false;
        }
    }
}
