package io.mergegate.checkers.migrations;

import io.mergegate.core.Finding;
import io.mergegate.core.spi.Checker;
import io.mergegate.core.spi.FactKey;
import io.mergegate.core.spi.GateContext;
import io.mergegate.core.spi.KnownFacts;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * SQL migrations: expand-contract phases, locks and table rewrites, history integrity (Flyway
 * semantics), headers, and an optional dry-run on a real PostgreSQL.
 */
public final class MigrationChecker implements Checker {

    public static final String ID = "migrations";

    private static final Set<String> RULES;

    static {
        Set<String> all = new TreeSet<>(MigrationRuleIds.STATEMENT_RULES);
        all.addAll(List.of(MigrationRuleIds.DROPPED_OBJECT_STILL_REFERENCED,
                MigrationRuleIds.CONTRACT_WITHOUT_PRIOR_EXPAND, MigrationRuleIds.APPLIED_MIGRATION_MODIFIED,
                MigrationRuleIds.APPLIED_MIGRATION_DELETED, MigrationRuleIds.DUPLICATE_VERSION,
                MigrationRuleIds.OUT_OF_ORDER_VERSION, MigrationRuleIds.INVALID_FILE_NAME,
                MigrationRuleIds.ROLLBACK_SCRIPT_MISSING, MigrationRuleIds.DRY_RUN_FAILED,
                MigrationRuleIds.LOCKING_SCAN));
        RULES = Set.copyOf(all);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "SQL migrations: expand-contract phases, locking and rewriting statements, history integrity";
    }

    @Override
    public Set<String> ruleIds() {
        return RULES;
    }

    @Override
    public Set<FactKey<?>> produces() {
        return Set.of(KnownFacts.ARTIFACTS);
    }

    @Override
    public List<Finding> check(GateContext context) {
        MigrationSettings settings = MigrationSettings.from(context.config(), context.environment());
        return new MigrationRun(context, settings, false).run();
    }
}
