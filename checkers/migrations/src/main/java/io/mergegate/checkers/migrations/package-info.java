/**
 * The SQL migration checker ({@code migrations}, rules {@code migration/*}).
 *
 * <p>Pipeline: {@link io.mergegate.checkers.migrations.SqlSplitter} cuts a file into statements without
 * ever failing; {@code SqlLexer} tokenises one statement; {@code StatementAnalyzer} (the keyword
 * classifier, with {@code DO} bodies and {@code EXECUTE} strings) lists the operations it performs;
 * {@code JSqlGate} (JSqlParser 5.4) gives the second opinion for statements the classifier does not
 * recognise. {@code MigrationRun} loads base and head, runs {@code HistoryRules} (Flyway semantics),
 * {@code HeaderRules} and {@code StatementRules} (phases, locks, rewrites, references to dropped
 * objects) against the {@code Schema} that earlier migrations built, and the optional {@code DryRun}
 * on a real PostgreSQL. {@link io.mergegate.checkers.migrations.MigrationLinter} is the single-file
 * entry point of {@code mergegate migrations lint}.
 */
package io.mergegate.checkers.migrations;
