package io.mergegate.checkers.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.core.spi.Artifact;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.KnownFacts;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.FixturePaths;
import io.mergegate.testkit.TestRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled demo change (the seed's header format): its contract migration breaks every rule it should. */
class DemoScenarioTest {

    @Test
    void theDemoContractMigrationIsJudged() throws Exception {
        Path demo = FixturePaths.fixtures().resolve("demo");
        SimpleGateContext ctx = new SimpleGateContext(Mode.PULL_REQUEST,
                new DirectorySourceTree(demo.resolve("base"), "base"),
                new DirectorySourceTree(demo.resolve("head"), "head"), null, null, null,
                Map.of("migrations", CheckerConfig.empty()), "migrations", null, TestRules.catalog(), null, null);
        List<Finding> findings = new MigrationChecker().check(ctx);
        String v2 = "services/user-service/src/main/resources/db/migration/V2__split_full_name.sql";
        assertThat(ctx.facts().all(KnownFacts.ARTIFACTS)).containsExactly(new Artifact("migration", v2));
        assertThat(findings).allSatisfy(f -> assertThat(f.location().path()).isEqualTo(v2));
        assertThat(findings).extracting(Finding::ruleId).contains(
                MigrationRuleIds.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT, MigrationRuleIds.MIXED_PHASE,
                MigrationRuleIds.CREATE_INDEX_NON_CONCURRENT, MigrationRuleIds.HEADER_MISSING_FIELD);
        assertThat(findings).filteredOn(f -> f.ruleId().equals(MigrationRuleIds.CREATE_INDEX_NON_CONCURRENT))
                .singleElement().satisfies(f -> assertThat(f.location().line()).isEqualTo(10));
    }
}
