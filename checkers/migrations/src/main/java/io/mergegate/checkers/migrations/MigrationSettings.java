package io.mergegate.checkers.migrations;

import io.mergegate.core.source.Glob;
import io.mergegate.core.spi.CheckerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code migrations} section of {@code .mergegate.yml}.
 *
 * @param paths              globs of migration files
 * @param dialect            SQL dialect
 * @param placeholders       Flyway placeholder values
 * @param codePaths          globs of the files searched for references to dropped objects
 * @param headerFields       header fields every migration must have
 * @param requireLockTimeout whether {@code migration/missing-lock-timeout} runs
 * @param dryRun             whether new migrations are applied to a real PostgreSQL
 * @param jdbcUrl            the server for the dry-run; empty means an embedded one
 * @param lockTimeout        the {@code lock_timeout} the dry-run sets, e.g. {@code 5s}
 * @param seedRows           synthetic rows per table before the dry-run applies the new migrations
 */
public record MigrationSettings(List<Glob> paths, Dialect dialect, Map<String, String> placeholders,
        List<Glob> codePaths, List<String> headerFields, boolean requireLockTimeout, boolean dryRun, String jdbcUrl,
        String lockTimeout, int seedRows) {

    /** The environment variable with the dry-run's JDBC URL when {@code migrations.jdbc-url} is not set. */
    public static final String URL_VARIABLE = "MERGEGATE_POSTGRES_URL";

    /** The system property consulted after the variable (set by test harnesses that start their own server). */
    public static final String URL_PROPERTY = "mergegate.postgres.url";


    public static final List<String> DEFAULT_PATHS = List.of("**/db/migration/**", "**/migrations/**");
    public static final List<String> DEFAULT_CODE_PATHS = List.of("**/*.java", "**/*.kt", "**/*.kts", "**/*.scala",
            "**/*.groovy", "**/*.py", "**/*.rb", "**/*.go", "**/*.js", "**/*.ts", "**/*.tsx", "**/*.cs", "**/*.php",
            "**/*.xml", "**/*.yml", "**/*.yaml", "**/*.properties", "**/*.sql", "**/*.graphql");
    public static final List<String> DEFAULT_HEADER_FIELDS = List.of("Team", "Date", "Description", "Risk",
            "Estimated Time", "Rollback script");

    public static MigrationSettings from(CheckerConfig c, Map<String, String> environment) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        c.map("placeholders").forEach((k, v) -> placeholders.put(k, String.valueOf(v)));
        String url = c.string("jdbc-url", environment.getOrDefault(URL_VARIABLE,
                System.getProperty(URL_PROPERTY, "")));
        return new MigrationSettings(Glob.all(c.strings("paths", DEFAULT_PATHS)),
                Dialect.parse(c.string("dialect", "postgresql")), placeholders,
                Glob.all(c.strings("code-paths", DEFAULT_CODE_PATHS)),
                c.strings("header-fields", DEFAULT_HEADER_FIELDS), c.bool("require-lock-timeout", false),
                c.bool("dry-run", false), url, c.string("lock-timeout", "5s"), c.integer("seed-rows", 3));
    }

    public boolean isMigration(String path) {
        return path.endsWith(".sql") && Glob.anyMatch(paths, path);
    }
}
