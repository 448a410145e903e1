package io.mergegate.checkers.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A few synthetic rows per table, from {@code information_schema}: row {@code n} gets {@code n} in numeric
 * columns (so foreign keys to parents seeded the same way match), {@code 's<n>'} in text, and so on.
 * Columns with defaults, identities and generated columns are left to the database. Rows that violate
 * a constraint are skipped; three passes let parents be filled before children.
 */
final class SeedRows {

    private record Column(String name, String udt, Integer maxLength, boolean nullable, boolean defaulted,
            String dataType) {
    }

    private final Connection c;
    private final int rows;

    SeedRows(Connection c, int rows) {
        this.c = c;
        this.rows = rows;
    }

    void seed() throws SQLException {
        c.setAutoCommit(true);
        List<String[]> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT table_schema, table_name "
                + "FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN "
                + "('pg_catalog', 'information_schema') AND table_name <> 'flyway_schema_history' ORDER BY 1, 2")) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (int pass = 0; pass < 3; pass++) {
            for (String[] t : tables) {
                List<Column> cols = columns(t[0], t[1]);
                for (int n = 1; n <= rows; n++) {
                    insert(t[0], t[1], cols, n);
                }
            }
        }
    }

    private List<Column> columns(String schema, String table) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT column_name, udt_name, character_maximum_length, is_nullable, "
                + "column_default IS NOT NULL OR is_identity = 'YES' OR is_generated <> 'NEVER', data_type "
                + "FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int max = rs.getInt(3);
                    out.add(new Column(rs.getString(1), rs.getString(2), rs.wasNull() ? null : max,
                            "YES".equals(rs.getString(4)), rs.getBoolean(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    private void insert(String schema, String table, List<Column> cols, int n) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column col : cols) {
            if (col.defaulted()) {
                continue;
            }
            String v = value(col, n);
            if (v == null) {
                continue;
            }
            names.add(quote(col.name()));
            values.add(v);
        }
        String sql = "INSERT INTO " + quote(schema) + "." + quote(table)
                + (names.isEmpty() ? " DEFAULT VALUES" : " (" + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", values) + ")") + " ON CONFLICT DO NOTHING";
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            // a constraint the synthetic row cannot meet (or a parent not seeded yet): skip the row
        }
    }

    private static String value(Column col, int n) {
        String u = col.udt();
        if (u.startsWith("_")) {
            return "'{}'";
        }
        return switch (u) {
            case "int2", "int4", "int8", "numeric", "float4", "float8", "oid", "money" -> String.valueOf(n);
            case "bool" -> n % 2 == 0 ? "true" : "false";
            case "text", "varchar", "bpchar", "citext", "name" -> {
                String s = "s" + n;
                if (col.maxLength() != null && s.length() > col.maxLength()) {
                    s = s.substring(s.length() - col.maxLength());
                }
                yield "'" + s + "'";
            }
            case "uuid" -> String.format("'00000000-0000-0000-0000-%012d'", n);
            case "date" -> String.format("'2020-01-%02d'", n % 28 + 1);
            case "timestamp", "timestamptz" -> String.format("'2020-01-%02d 00:00:00'", n % 28 + 1);
            case "time", "timetz" -> String.format("'00:00:%02d'", n % 60);
            case "interval" -> "'" + n + " days'";
            case "json", "jsonb" -> "'{}'";
            case "bytea" -> "'\\x00'";
            case "inet", "cidr" -> "'10.0.0." + (n % 250) + "'";
            default -> "USER-DEFINED".equals(col.dataType())
                    ? "(SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = '"
                            + u.replace("'", "''") + "' ORDER BY e.enumsortorder LIMIT 1)::" + quote(u)
                    : col.nullable() ? null : "DEFAULT";
        };
    }

    private static String quote(String ident) {
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }
}
