/**
 * The SQL migration checker ({@code migrations}, rules {@code migration/*}).
 *
 * <p>Pipeline: {@link io.mergegate.checkers.migrations.SqlSplitter} cuts a file into statements without
 * ever failing; {@code StatementParser} gives each statement to JSqlParser 5.4 ({@code JSqlGate}, with a
 * time limit and a size cap) and maps the tree to operations ({@code JSqlMapper}); what JSqlParser
 * rejects, loses or yields unmapped goes to the keyword classifier {@code StatementAnalyzer} (tokens from
 * {@code SqlLexer}, with {@code DO} bodies and {@code EXECUTE} strings). Each {@code AnalyzedStatement}
 * records which of the two classified it. {@code MigrationRun} loads base and head, runs
 * {@code HistoryRules} (Flyway semantics), {@code HeaderRules} and {@code StatementRules} (phases,
 * locks, rewrites, references to dropped objects) against the {@code Schema} that earlier migrations
 * built (replaying only their statements that name a table the judged ones touch), and the optional
 * {@code DryRun} on a real PostgreSQL. {@link io.mergegate.checkers.migrations.MigrationLinter} is the
 * single-file entry point of {@code mergegate migrations lint}.
 */
package io.mergegate.checkers.migrations;
