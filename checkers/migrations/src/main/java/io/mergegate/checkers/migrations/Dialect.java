package io.mergegate.checkers.migrations;

import java.util.Locale;

/** The SQL dialect of the migrations ({@code migrations.dialect}). */
public enum Dialect {
    POSTGRESQL, MYSQL;

    public static Dialect parse(String s) {
        return s != null && s.toLowerCase(Locale.ROOT).startsWith("mysql") ? MYSQL : POSTGRESQL;
    }
}
