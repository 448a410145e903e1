package io.mergegate.checkers.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.TestRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dry-run against a real PostgreSQL (see {@link TestPostgres}); under CI=true it always runs. */
class MigrationDryRunTest {

    private static final String DIR = "db/migration/";
    private static final String HEADER = "-- Team: core\n-- Date: 2026-05-01\n-- Description: dry-run\n-- Risk: low\n"
            + "-- Estimated Time: 1 minute\n-- Rollback script: none\n-- Phase: expand\n";
    private static final Map<String, String> BASE = Map.of(DIR + "V1__create_users.sql", HEADER
            + "CREATE TABLE users (id bigint PRIMARY KEY, name varchar(100) NOT NULL, active boolean NOT NULL);\n"
            + "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id), amount numeric);\n");

    private static String url;

    @BeforeAll
    static void server() {
        url = TestPostgres.url().orElse(null);
        Assumptions.assumeTrue(url != null, "no PostgreSQL here (allowed outside CI only)");
    }

    private static List<Finding> check(String file, String sql) throws Exception {
        return check(BASE, Map.of(DIR + file, HEADER + sql));
    }

    private static List<Finding> check(Map<String, String> base, Map<String, String> added) throws Exception {
        return check(base, added, Map.of("dry-run", true), Map.of(MigrationSettings.URL_VARIABLE, url));
    }

    private static List<Finding> check(Map<String, String> base, Map<String, String> added, Map<String, Object> config,
            Map<String, String> env) throws Exception {
        Map<String, String> head = new LinkedHashMap<>(base);
        head.putAll(added);
        SimpleGateContext ctx = new SimpleGateContext(Mode.PULL_REQUEST, MemorySourceTree.ofText("base", base),
                MemorySourceTree.ofText("head", head), null, null, null,
                Map.of("migrations", new CheckerConfig(config)), "migrations", null, TestRules.catalog(), null, env);
        return new MigrationChecker().check(ctx);
    }

    @Test
    void withoutAUrlAnEmbeddedPostgresIsStarted() throws Exception {
        List<Finding> f = check(BASE, Map.of(DIR + "V2__tenant.sql", HEADER
                + "ALTER TABLE users ADD COLUMN tenant bigint NOT NULL;\n"), Map.of("dry-run", true, "jdbc-url", ""),
                Map.of());
        assertThat(only(f, MigrationRuleIds.DRY_RUN_FAILED)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("23502"));
    }

    private static List<Finding> only(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void notNullColumnWithoutDefaultFailsOnTheSeededRows() throws Exception {
        List<Finding> f = check("V2__tenant.sql", "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN tenant bigint NOT NULL;\n");
        assertThat(only(f, MigrationRuleIds.DRY_RUN_FAILED)).singleElement().satisfies(x -> {
            assertThat(x.location().path()).isEqualTo(DIR + "V2__tenant.sql");
            assertThat(x.location().line()).isEqualTo(9);
            assertThat(x.message()).contains("23502");
        });
    }

    @Test
    void aCastThatRealValuesDoNotSurviveFails() throws Exception {
        List<Finding> f = check("V2__name_int.sql", "ALTER TABLE users ALTER COLUMN name TYPE integer USING name::integer;\n");
        assertThat(only(f, MigrationRuleIds.DRY_RUN_FAILED)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("22P02"));
        assertThat(only(f, MigrationRuleIds.CHANGE_COLUMN_TYPE)).hasSize(1);
    }

    @Test
    void aUniqueConstraintOnDuplicatesFails() throws Exception {
        List<Finding> f = check("V2__unique.sql", "ALTER TABLE users ADD CONSTRAINT users_active_key UNIQUE (active);\n");
        assertThat(only(f, MigrationRuleIds.DRY_RUN_FAILED)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("23505"));
    }

    @Test
    void aValidatingCheckScansUnderAnAccessExclusiveLock() throws Exception {
        List<Finding> f = check("V2__check.sql", "ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK (amount > 0);\n");
        assertThat(only(f, MigrationRuleIds.DRY_RUN_FAILED)).isEmpty();
        assertThat(only(f, MigrationRuleIds.LOCKING_SCAN)).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("orders").contains("ACCESS EXCLUSIVE");
            assertThat(x.location().line()).isEqualTo(8);
        });
    }

    @Test
    void aTypeChangeRewriteIsSeen() throws Exception {
        List<Finding> f = check("V2__id_int.sql", "ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2);\n");
        assertThat(only(f, MigrationRuleIds.TABLE_REWRITE)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("relfilenode").contains("orders"));
    }

    @Test
    void onlineMigrationsPassTheDryRun() throws Exception {
        Map<String, String> added = new LinkedHashMap<>();
        added.put(DIR + "V2__note.sql", HEADER + "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN note text;\n"
                + "ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK (amount > 0) NOT VALID;\n");
        added.put(DIR + "V3__idx.sql", HEADER + "CREATE INDEX CONCURRENTLY idx_users_note ON users (note);\n");
        List<Finding> f = check(BASE, added);
        assertThat(f).as(io.mergegate.testkit.FixtureHarness.render(f)).isEmpty();
    }

    @Test
    void aBaseThatDoesNotApplyIsReportedOnce() throws Exception {
        Map<String, String> base = Map.of(DIR + "V1__broken.sql", HEADER + "CREATE TABLE x (id bigint PRIMARY KEY;\n");
        List<Finding> f = check(base, Map.of(DIR + "V2__note.sql", HEADER + "ALTER TABLE x ADD COLUMN note text;\n"));
        assertThat(only(f, MigrationRuleIds.DRY_RUN_FAILED)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("base migrations do not apply"));
    }
}
