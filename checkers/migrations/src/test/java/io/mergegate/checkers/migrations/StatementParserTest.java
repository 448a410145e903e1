package io.mergegate.checkers.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSqlParser classifies what it parses completely; the keyword classifier takes the rest. */
class StatementParserTest {

    private static AnalyzedStatement analyze(String sql, Dialect d) {
        return new StatementParser(d, Map.of("schema", "app")).analyze(new SqlStatement(sql, 0, 1, 1, false));
    }

    private static String describe(Op o) {
        return o.kind + " " + o.table + "." + o.column;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE t (id bigserial PRIMARY KEY, a int NOT NULL)|CREATE_TABLE t.null,ADD_COLUMN t.id,ADD_COLUMN t.a",
        "ALTER TABLE ONLY public.users ADD COLUMN note text, DROP COLUMN legacy|ADD_COLUMN users.note,DROP_COLUMN users.legacy",
        "ALTER TABLE \"Users\" ALTER COLUMN name TYPE varchar(200)|ALTER_COLUMN_TYPE Users.name",
        "ALTER TABLE users ALTER COLUMN email SET NOT NULL|SET_NOT_NULL users.email",
        "ALTER TABLE users RENAME COLUMN a TO b|RENAME_COLUMN users.a",
        "ALTER TABLE users RENAME TO customers|RENAME_TABLE users.null",
        "ALTER TABLE users VALIDATE CONSTRAINT c|VALIDATE_CONSTRAINT users.null",
        "ALTER TABLE events DETACH PARTITION e CONCURRENTLY|DETACH_PARTITION events.null",
        "ALTER TABLE users SET TABLESPACE fast|TABLE_REWRITE users.null",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON public.t (c)|CREATE_INDEX t.null",
        "DROP INDEX i|DROP_INDEX null.null",
        "DROP TABLE IF EXISTS a, b CASCADE|DROP_TABLE a.null,DROP_TABLE b.null",
        "TRUNCATE TABLE users|TRUNCATE users.null",
        "WITH x AS (SELECT 1) UPDATE t SET a = 1|DML t.null",
        "DELETE FROM t WHERE a = 1|DML t.null",
        "INSERT INTO s.t (a) VALUES (1)|DML t.null",
        "SET lock_timeout = '5s'|SET_LOCK_TIMEOUT null.null",
        "COMMIT|COMMIT null.null",
        "ALTER TYPE mood ADD VALUE 'x'|ENUM_ADD_VALUE null.null",
        "CREATE OR REPLACE VIEW v AS SELECT id FROM users|CREATE_OTHER null.null",
        "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE t; END $$|DEFINITION null.null",
        "SELECT id FROM users|QUERY null.null",
    })
    void representativeStatementsGoThroughJSqlParser(String sql, String expected) {
        AnalyzedStatement r = analyze(sql, Dialect.POSTGRESQL);
        assertThat(r.parser()).as(sql).isEqualTo(AnalyzedStatement.Parser.JSQLPARSER);
        assertThat(r.known()).isTrue();
        assertThat(r.ops()).extracting(StatementParserTest::describe).containsExactly(expected.split(","));
    }

    @Test
    void jSqlParserReadsConstraintsColumnsAndDefaults() {
        Op fk = analyze("ALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id) NOT VALID",
                Dialect.POSTGRESQL).ops().get(0);
        assertThat(fk.constraint).isEqualTo(Op.Constraint.FOREIGN_KEY);
        assertThat(fk.notValid).isTrue();
        assertThat(fk.name).isEqualTo("fk");
        AnalyzedStatement nn = analyze("ALTER TABLE users ADD CONSTRAINT nn CHECK ((email IS NOT NULL)) NOT VALID",
                Dialect.POSTGRESQL);
        assertThat(nn.parser()).isEqualTo(AnalyzedStatement.Parser.JSQLPARSER);
        assertThat(nn.ops().get(0).checkNotNullColumn).isEqualTo("email");
        AnalyzedStatement cols = analyze("ALTER TABLE t ADD COLUMN a int NOT NULL DEFAULT 0, ADD COLUMN b uuid DEFAULT "
                + "gen_random_uuid(), ADD c bigserial, ADD COLUMN d timestamptz DEFAULT now(), "
                + "ADD COLUMN e bigint GENERATED ALWAYS AS IDENTITY", Dialect.POSTGRESQL);
        assertThat(cols.parser()).isEqualTo(AnalyzedStatement.Parser.JSQLPARSER);
        List<Op> ops = cols.ops();
        assertThat(ops).extracting(o -> o.column).containsExactly("a", "b", "c", "d", "e");
        assertThat(ops).extracting(o -> o.notNull).containsExactly(true, false, false, false, false);
        assertThat(ops).extracting(o -> o.volatileDefault).containsExactly(false, true, false, false, false);
        assertThat(ops).extracting(o -> o.rewritingColumn).containsExactly(false, false, true, false, true);
        // each alter expression is reported at its own clause
        assertThat(ops.get(1).offset).isGreaterThan(ops.get(0).offset);
    }

    @Test
    void mysqlOptionsSurviveJSqlParser() {
        AnalyzedStatement r = analyze("ALTER TABLE `users` ADD INDEX idx (email), ALGORITHM=COPY, LOCK=SHARED",
                Dialect.MYSQL);
        assertThat(r.parser()).isEqualTo(AnalyzedStatement.Parser.JSQLPARSER);
        assertThat(r.ops()).extracting(o -> o.kind)
                .containsExactly(Op.Kind.CREATE_INDEX, Op.Kind.MYSQL_COPY, Op.Kind.MYSQL_LOCK);
        assertThat(r.ops()).allMatch(o -> "users".equals(o.table));
        assertThat(r.ops().get(0).concurrently).as("MySQL builds secondary indexes online").isTrue();
        Op def = analyze("ALTER TABLE users ADD COLUMN id2 CHAR(36) DEFAULT (UUID())", Dialect.MYSQL).ops().get(0);
        assertThat(def.expressionDefault).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // rejected by JSqlParser 5.4
        "ALTER TABLE users ADD CONSTRAINT k UNIQUE USING INDEX k|ADD_CONSTRAINT users.null",
        "BEGIN|BEGIN null.null",
        "ALTER TABLE t ADD COLUMN comment text|ADD_COLUMN t.comment",
        "ALTER TABLE t DROP COLUMN offset|DROP_COLUMN t.offset",
        "TRUNCATE ONLY a, b|TRUNCATE a.null,TRUNCATE b.null",
        "SET LOCAL lock_timeout TO '5s'|SET_LOCK_TIMEOUT null.null",
        "REINDEX INDEX CONCURRENTLY i|REINDEX i.null",
        "VACUUM FULL users|TABLE_REWRITE users.null",
        // misread by JSqlParser 5.4: an index named CONCURRENTLY, a lost constraint name, a lost E'' string
        "DROP INDEX CONCURRENTLY IF EXISTS i|DROP_INDEX null.null",
        "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)|ADD_CONSTRAINT users.null",
        "SELECT E'it\\'s ; fine'|QUERY null.null",
        "CREATE ACCESS METHOD m TYPE TABLE HANDLER f|CREATE_OTHER null.null",
        // bodies only the classifier scans, placeholders
        "DO $$ BEGIN ALTER TABLE u DROP COLUMN c; END $$|DROP_COLUMN u.c",
        "CREATE TABLE ${schema}.teams (id bigint)|CREATE_TABLE teams.null,ADD_COLUMN teams.id",
    })
    void theListedExceptionsGoThroughTheKeywordClassifier(String sql, String expected) {
        AnalyzedStatement r = analyze(sql, Dialect.POSTGRESQL);
        assertThat(r.parser()).as(sql).isEqualTo(AnalyzedStatement.Parser.CLASSIFIER);
        assertThat(r.known()).isTrue();
        assertThat(r.ops()).extracting(StatementParserTest::describe).containsExactly(expected.split(","));
    }

    @Test
    void aHugeStatementGoesStraightToTheClassifier() {
        StringBuilder sql = new StringBuilder("INSERT INTO countries (code) VALUES ('a0')");
        for (int i = 1; sql.length() <= JSqlGate.MAX_CHARS; i++) {
            sql.append(", ('a").append(i).append("')");
        }
        AnalyzedStatement r = analyze(sql.toString(), Dialect.POSTGRESQL);
        assertThat(r.parser()).isEqualTo(AnalyzedStatement.Parser.CLASSIFIER);
        assertThat(r.ops()).extracting(StatementParserTest::describe).containsExactly("DML countries.null");
    }

    @Test
    void aStatementNeitherRecognisesIsUnknown() {
        AnalyzedStatement r = analyze("FROBNICATE the widgets", Dialect.POSTGRESQL);
        assertThat(r.known()).isFalse();
        assertThat(r.ops()).isEmpty();
    }
}
