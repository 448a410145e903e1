package io.mergegate.checkers.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatementAnalyzerTest {

    private static List<Op> ops(String sql, Dialect d) {
        StatementAnalyzer.Result r = new StatementAnalyzer(d).analyze(new SqlStatement(sql, 0, 1, 1, false));
        assertThat(r.known()).as(sql).isTrue();
        return r.ops();
    }

    private static Op only(String sql) {
        List<Op> ops = ops(sql, Dialect.POSTGRESQL);
        assertThat(ops).as(sql).hasSize(1);
        return ops.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY public.t (c)|CREATE_INDEX|t|true",
        "CREATE UNIQUE INDEX i ON t USING btree (c)|CREATE_INDEX|t|false",
        "DROP INDEX CONCURRENTLY IF EXISTS public.i|DROP_INDEX||true",
        "REINDEX (VERBOSE) TABLE CONCURRENTLY t|REINDEX|t|true",
        "ALTER TABLE ONLY \"Users\" DETACH PARTITION p CONCURRENTLY|DETACH_PARTITION|Users|true",
        "ALTER TABLE IF EXISTS t VALIDATE CONSTRAINT c|VALIDATE_CONSTRAINT|t|false",
        "TRUNCATE ONLY t|TRUNCATE|t|false",
        "WITH x AS (SELECT 1) UPDATE t SET a = 1|DML|t|false",
        "ALTER TABLE t SET TABLESPACE fast|TABLE_REWRITE|t|false",
        "CLUSTER t USING i|TABLE_REWRITE|t|false",
        "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'x'|ENUM_ADD_VALUE||false",
    })
    void classifiesPostgresForms(String sql, Op.Kind kind, String table, boolean concurrently) {
        Op op = only(sql);
        assertThat(op.kind).isEqualTo(kind);
        assertThat(op.table).isEqualTo(table);
        assertThat(op.concurrently).isEqualTo(concurrently);
    }

    @Test
    void readsConstraintsOnAlterTable() {
        Op fk = only("ALTER TABLE o ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id) NOT VALID");
        assertThat(fk.constraint).isEqualTo(Op.Constraint.FOREIGN_KEY);
        assertThat(fk.notValid).isTrue();
        Op uq = only("ALTER TABLE users ADD CONSTRAINT k UNIQUE USING INDEX k");
        assertThat(uq.usingIndex).isTrue();
        Op nn = only("ALTER TABLE users ADD CONSTRAINT nn CHECK ((email IS NOT NULL)) NOT VALID");
        assertThat(nn.checkNotNullColumn).isEqualTo("email");
        assertThat(nn.name).isEqualTo("nn");
    }

    @Test
    void readsColumnsAndDefaults() {
        List<Op> ops = ops("ALTER TABLE t ADD COLUMN a int NOT NULL DEFAULT 0, ADD COLUMN b uuid DEFAULT "
                + "gen_random_uuid(), ADD c bigserial, ADD COLUMN d timestamptz DEFAULT now(), "
                + "ADD COLUMN e text DEFAULT 'x'::text", Dialect.POSTGRESQL);
        assertThat(ops).extracting(o -> o.column).containsExactly("a", "b", "c", "d", "e");
        assertThat(ops).extracting(o -> o.notNull).containsExactly(true, false, false, false, false);
        assertThat(ops).extracting(o -> o.volatileDefault).containsExactly(false, true, false, false, false);
        assertThat(ops).extracting(o -> o.rewritingColumn).containsExactly(false, false, true, false, false);
    }

    @Test
    void findsStatementsInsideDoBlocksAndExecuteStringsButNotFunctionBodies() {
        List<Op> hidden = ops("DO $$ BEGIN IF true THEN EXECUTE format('ALTER TABLE %I DROP COLUMN c', 't'); "
                + "END IF; ALTER TABLE u RENAME TO v; END $$", Dialect.POSTGRESQL);
        assertThat(hidden).extracting(o -> o.kind).containsExactly(Op.Kind.DROP_COLUMN, Op.Kind.RENAME_TABLE);
        assertThat(hidden).allMatch(o -> o.hidden);
        assertThat(ops("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE t; END $$",
                Dialect.POSTGRESQL)).extracting(o -> o.kind).containsExactly(Op.Kind.DEFINITION);
    }

    @Test
    void mysqlOptionsAndOnlineIndexes() {
        List<Op> ops = ops("ALTER TABLE `users` ADD INDEX idx (email), ALGORITHM=COPY, LOCK=SHARED", Dialect.MYSQL);
        assertThat(ops).extracting(o -> o.kind).contains(Op.Kind.CREATE_INDEX, Op.Kind.MYSQL_COPY, Op.Kind.MYSQL_LOCK);
        assertThat(ops).allMatch(o -> "users".equals(o.table));
        assertThat(ops("ALTER TABLE users ADD COLUMN id2 CHAR(36) DEFAULT (UUID())", Dialect.MYSQL).get(0)
                .expressionDefault).isTrue();
    }

    @Test
    void anUnknownFirstWordIsNotRecognised() {
        StatementAnalyzer.Result r = new StatementAnalyzer(Dialect.POSTGRESQL)
                .analyze(new SqlStatement("FROBNICATE t", 0, 1, 1, false));
        assertThat(r.known()).isFalse();
        assertThat(r.ops()).isEmpty();
    }
}
