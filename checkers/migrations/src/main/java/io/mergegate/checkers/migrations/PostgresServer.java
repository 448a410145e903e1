package io.mergegate.checkers.migrations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The PostgreSQL the dry-run uses: a server given by a JDBC URL, or an embedded one (io.zonky.test,
 * bound to 127.0.0.1) started for this run and stopped afterwards.
 */
final class PostgresServer implements AutoCloseable {

    private final String url;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String url, EmbeddedPostgres embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    static PostgresServer connect(String jdbcUrl) {
        return new PostgresServer(jdbcUrl, null);
    }

    static PostgresServer embedded() throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off").start();
        return new PostgresServer(pg.getJdbcUrl("postgres", "postgres"), pg);
    }

    /** A connection to another database of the same server. */
    Connection open(String database) throws SQLException {
        return DriverManager.getConnection(withDatabase(database), new Properties());
    }

    /** The JDBC URL with the database replaced. */
    String withDatabase(String database) {
        String rest = url.substring("jdbc:".length());
        URI u = URI.create(rest);
        String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
        return "jdbc:" + u.getScheme() + "://" + u.getRawAuthority() + "/" + database + query;
    }

    /** The database named in the URL (the maintenance database, usually {@code postgres}). */
    String maintenanceDatabase() {
        String path = URI.create(url.substring("jdbc:".length())).getPath();
        return path == null || path.length() <= 1 ? "postgres" : path.substring(1);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
