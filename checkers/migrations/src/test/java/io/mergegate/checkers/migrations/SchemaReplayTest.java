package io.mergegate.checkers.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.TestRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The base is replayed only for the tables the judged statements name; a table renamed in the base is
 * followed back to the migration that created it under its old name.
 */
class SchemaReplayTest {

    private static final String DIR = "db/migration/";
    private static final String HEADER = "-- Team: core\n-- Date: 2026-01-01\n-- Description: x\n-- Risk: low\n"
            + "-- Estimated Time: 1 minute\n-- Rollback script: none\n";

    private static List<Finding> contract(Map<String, String> base, String drop) {
        Map<String, String> head = new LinkedHashMap<>(base);
        String path = DIR + "V9__contract_drop.sql";
        head.put(path, HEADER + "-- Phase: contract\n" + drop + "\n");
        SimpleGateContext ctx = new SimpleGateContext(Mode.PULL_REQUEST, MemorySourceTree.ofText("base", base),
                MemorySourceTree.ofText("head", head), new ChangeSet(List.of(ChangedPath.added(path))), null, null,
                Map.of("migrations", CheckerConfig.empty()), "migrations", null, TestRules.catalog(), null, null);
        return new MigrationChecker().check(ctx);
    }

    private static Map<String, String> base() {
        Map<String, String> base = new LinkedHashMap<>();
        base.put(DIR + "V1__create_team.sql", HEADER + "-- Phase: expand\nCREATE TABLE team (id bigint, nick text);\n"
                + "CREATE TABLE teammates (id bigint);\n");
        base.put(DIR + "V2__expand_rename.sql", HEADER + "-- Phase: expand\nALTER TABLE team RENAME TO squads;\n");
        base.put(DIR + "V3__expand_other.sql", HEADER + "-- Phase: expand\nCREATE TABLE other (id bigint);\n");
        return base;
    }

    @Test
    void aColumnOfATableRenamedInTheBaseWasCreatedThere() {
        assertThat(contract(base(), "ALTER TABLE squads DROP COLUMN nick;")).extracting(Finding::ruleId)
                .doesNotContain(MigrationRuleIds.CONTRACT_WITHOUT_PRIOR_EXPAND);
    }

    @Test
    void aColumnNoBaseMigrationCreatedIsStillReported() {
        // teammates contains "team" but is another table; squads never had the column
        assertThat(contract(base(), "ALTER TABLE squads DROP COLUMN ghost;")).extracting(Finding::ruleId)
                .contains(MigrationRuleIds.CONTRACT_WITHOUT_PRIOR_EXPAND);
        assertThat(contract(base(), "DROP TABLE other;")).extracting(Finding::ruleId)
                .doesNotContain(MigrationRuleIds.CONTRACT_WITHOUT_PRIOR_EXPAND);
    }
}
