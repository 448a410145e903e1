package io.mergegate.checkers.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.testkit.TestRules;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationLinterTest {

    private static final String HEADER = """
            -- Team: payments
            -- Date: 2026-05-01
            -- Description: lint
            -- Risk: low
            -- Estimated Time: 1 minute
            -- Rollback script: V9__missing_is_not_checked_by_lint.sql
            -- Phase: expand
            """;

    @Test
    void judgesStatementsOfSingleFilesWithLineLockAndRecipe() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("any/where/add_index.sql", (HEADER + "CREATE INDEX idx_users_email ON users (email);\n")
                .getBytes(StandardCharsets.UTF_8));
        List<Finding> findings = MigrationLinter.lint(files, CheckerConfig.empty(), TestRules.catalog());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(MigrationRuleIds.CREATE_INDEX_NON_CONCURRENT);
            assertThat(f.location().path()).isEqualTo("any/where/add_index.sql");
            assertThat(f.location().line()).isEqualTo(8);
            assertThat(f.message()).contains("SHARE lock").contains("CREATE INDEX CONCURRENTLY");
        });
    }

    @Test
    void historyAndFileNameRulesAreNotPartOfLint() {
        Map<String, byte[]> files = Map.of("V5_bad_name.sql", (HEADER + "SELECT 1;\n").getBytes(StandardCharsets.UTF_8));
        assertThat(MigrationLinter.lint(files, CheckerConfig.empty(), TestRules.catalog())).isEmpty();
    }

    @Test
    void mysqlDialectComesFromTheConfig() {
        Map<String, byte[]> files = Map.of("m.sql", (HEADER + "ALTER TABLE users MODIFY COLUMN name VARCHAR(10);\n")
                .getBytes(StandardCharsets.UTF_8));
        List<Finding> findings = MigrationLinter.lint(files, new CheckerConfig(Map.of("dialect", "mysql")),
                TestRules.catalog());
        assertThat(findings).extracting(Finding::ruleId).containsExactly(MigrationRuleIds.MYSQL_ALGORITHM_COPY);
    }
}
