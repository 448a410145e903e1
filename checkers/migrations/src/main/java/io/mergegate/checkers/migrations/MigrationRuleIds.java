package io.mergegate.checkers.migrations;

import java.util.Set;

/** The rule ids of the {@code migration/} family; the catalogue holds their text. */
public final class MigrationRuleIds {

    public static final String STATEMENT_NOT_PARSED = "migration/statement-not-parsed";
    public static final String DROP_COLUMN_OUTSIDE_CONTRACT = "migration/drop-column-outside-contract";
    public static final String DROP_TABLE_OUTSIDE_CONTRACT = "migration/drop-table-outside-contract";
    public static final String DROPPED_OBJECT_STILL_REFERENCED = "migration/dropped-object-still-referenced";
    public static final String CONTRACT_WITHOUT_PRIOR_EXPAND = "migration/contract-without-prior-expand";
    public static final String MIXED_PHASE = "migration/mixed-phase";
    public static final String BACKFILL_WITH_DDL = "migration/backfill-with-ddl";
    public static final String TRUNCATE = "migration/truncate";
    public static final String ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT = "migration/add-column-not-null-without-default";
    public static final String ADD_COLUMN_REWRITES_TABLE = "migration/add-column-rewrites-table";
    public static final String CHANGE_COLUMN_TYPE = "migration/change-column-type";
    public static final String RENAME_COLUMN = "migration/rename-column";
    public static final String RENAME_TABLE = "migration/rename-table";
    public static final String SET_NOT_NULL = "migration/set-not-null";
    public static final String CREATE_INDEX_NON_CONCURRENT = "migration/create-index-non-concurrent";
    public static final String DROP_INDEX_NON_CONCURRENT = "migration/drop-index-non-concurrent";
    public static final String CONCURRENT_INDEX_IN_TRANSACTION = "migration/concurrent-index-in-transaction";
    public static final String ADD_FOREIGN_KEY_BLOCKING = "migration/add-foreign-key-blocking";
    public static final String ADD_CHECK_CONSTRAINT_BLOCKING = "migration/add-check-constraint-blocking";
    public static final String ADD_UNIQUE_CONSTRAINT_BLOCKING = "migration/add-unique-constraint-blocking";
    public static final String VALIDATE_IN_SAME_TRANSACTION = "migration/validate-in-same-transaction";
    public static final String TABLE_REWRITE = "migration/table-rewrite";
    public static final String REINDEX_NON_CONCURRENT = "migration/reindex-non-concurrent";
    public static final String DETACH_PARTITION_NON_CONCURRENT = "migration/detach-partition-non-concurrent";
    public static final String MYSQL_ALGORITHM_COPY = "migration/mysql-algorithm-copy";
    public static final String MYSQL_LOCK_BLOCKING = "migration/mysql-lock-blocking";
    public static final String MYSQL_EXPRESSION_DEFAULT = "migration/mysql-expression-default";
    public static final String MISSING_LOCK_TIMEOUT = "migration/missing-lock-timeout";
    public static final String APPLIED_MIGRATION_MODIFIED = "migration/applied-migration-modified";
    public static final String APPLIED_MIGRATION_DELETED = "migration/applied-migration-deleted";
    public static final String DUPLICATE_VERSION = "migration/duplicate-version";
    public static final String OUT_OF_ORDER_VERSION = "migration/out-of-order-version";
    public static final String INVALID_FILE_NAME = "migration/invalid-file-name";
    public static final String HEADER_MISSING = "migration/header-missing";
    public static final String HEADER_MISSING_FIELD = "migration/header-missing-field";
    public static final String ROLLBACK_SCRIPT_MISSING = "migration/rollback-script-missing";
    public static final String DRY_RUN_FAILED = "migration/dry-run-failed";
    public static final String LOCKING_SCAN = "migration/locking-scan";

    /** Rules judged from the statements of one file (what {@code mergegate migrations lint} runs). */
    public static final Set<String> STATEMENT_RULES = Set.of(STATEMENT_NOT_PARSED, DROP_COLUMN_OUTSIDE_CONTRACT,
            DROP_TABLE_OUTSIDE_CONTRACT, MIXED_PHASE, BACKFILL_WITH_DDL, TRUNCATE, ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT,
            ADD_COLUMN_REWRITES_TABLE, CHANGE_COLUMN_TYPE, RENAME_COLUMN, RENAME_TABLE, SET_NOT_NULL,
            CREATE_INDEX_NON_CONCURRENT, DROP_INDEX_NON_CONCURRENT, CONCURRENT_INDEX_IN_TRANSACTION,
            ADD_FOREIGN_KEY_BLOCKING, ADD_CHECK_CONSTRAINT_BLOCKING, ADD_UNIQUE_CONSTRAINT_BLOCKING,
            VALIDATE_IN_SAME_TRANSACTION, TABLE_REWRITE, REINDEX_NON_CONCURRENT, DETACH_PARTITION_NON_CONCURRENT,
            MYSQL_ALGORITHM_COPY, MYSQL_LOCK_BLOCKING, MYSQL_EXPRESSION_DEFAULT, MISSING_LOCK_TIMEOUT, HEADER_MISSING,
            HEADER_MISSING_FIELD);

    private MigrationRuleIds() {
    }
}
