package io.mergegate.checkers.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    private static List<String> texts(String sql, Dialect d) {
        return SqlSplitter.split(sql, d).stream().map(SqlStatement::text).toList();
    }

    @Test
    void quotesCommentsAndDollarBodiesHideSemicolons() {
        String sql = """
                -- a comment; not a statement
                INSERT INTO t VALUES ('a;b', 'it''s; fine', E'\\'; still', "odd;name");
                /* block; /* nested; */ still comment; */
                CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$;
                SELECT '${schema};' ;
                """;
        assertThat(texts(sql, Dialect.POSTGRESQL)).containsExactly(
                "INSERT INTO t VALUES ('a;b', 'it''s; fine', E'\\'; still', \"odd;name\")",
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$",
                "SELECT '${schema};'");
    }

    @Test
    void reportsTheLineAndColumnOfTheFirstKeyword() {
        List<SqlStatement> s = SqlSplitter.split("-- header\n\n  ALTER TABLE t\n  ADD c int; DROP TABLE x;", Dialect.POSTGRESQL);
        assertThat(s).extracting(SqlStatement::line).containsExactly(3, 4);
        assertThat(s).extracting(SqlStatement::column).containsExactly(3, 14);
    }

    @Test
    void sqlStandardFunctionBodiesStayWhole() {
        String sql = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 END; "
                + "SELECT 2; END; SELECT 3;";
        assertThat(texts(sql, Dialect.POSTGRESQL)).hasSize(2);
    }

    @Test
    void mysqlBackticksHashCommentsBackslashesAndDelimiter() {
        String sql = """
                # comment; here
                ALTER TABLE `a;b` ADD COLUMN c TEXT DEFAULT 'x\\';y';
                DELIMITER //
                CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END//
                DELIMITER ;
                SELECT 1;
                """;
        assertThat(texts(sql, Dialect.MYSQL)).containsExactly(
                "ALTER TABLE `a;b` ADD COLUMN c TEXT DEFAULT 'x\\';y'",
                "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END",
                "SELECT 1");
    }

    @Test
    void anUnclosedQuoteRunsToTheEndAndIsFlagged() {
        List<SqlStatement> s = SqlSplitter.split("SELECT 1; SELECT 'oops; SELECT 2;", Dialect.POSTGRESQL);
        assertThat(s).hasSize(2);
        assertThat(s.get(1).unterminated()).isTrue();
    }
}
