package io.mergegate.checkers.migrations;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration file name as Flyway reads it: {@code V<version>__<description>.sql} (versioned),
 * {@code R__<description>.sql} (repeatable), {@code U<version>__…} (undo), or the timestamp style
 * {@code YYYYMMDDNN_<description>.sql}. Versions compare numerically part by part, with trailing zero
 * parts ignored, so {@code 5}, {@code 5.0} and {@code 5_0} are the same version.
 *
 * @param kind        versioned, repeatable, undo or timestamped
 * @param version     the version parts (empty for repeatable migrations)
 * @param description the description after the separator
 */
public record MigrationName(Kind kind, List<BigInteger> version, String description) {

    public enum Kind { VERSIONED, REPEATABLE, UNDO, TIMESTAMPED }

    private static final Pattern FLYWAY = Pattern.compile("([VUR])([0-9][0-9._]*)?__(.+)\\.sql");
    private static final Pattern TIMESTAMPED = Pattern.compile("([0-9]{8,})_([A-Za-z].*)\\.sql");

    /** Parses a file name (not a path); empty when Flyway would not pick it up as a migration. */
    public static Optional<MigrationName> parse(String fileName) {
        Matcher m = FLYWAY.matcher(fileName);
        if (m.matches()) {
            String prefix = m.group(1);
            String ver = m.group(2);
            String desc = m.group(3);
            if (desc.isBlank() || desc.startsWith("_")) {
                return Optional.empty();
            }
            if (prefix.equals("R")) {
                return ver == null ? Optional.of(new MigrationName(Kind.REPEATABLE, List.of(), desc)) : Optional.empty();
            }
            if (ver == null || ver.endsWith(".") || ver.endsWith("_")) {
                return Optional.empty();
            }
            return Optional.of(new MigrationName(prefix.equals("V") ? Kind.VERSIONED : Kind.UNDO, parts(ver), desc));
        }
        Matcher t = TIMESTAMPED.matcher(fileName);
        if (t.matches()) {
            return Optional.of(new MigrationName(Kind.TIMESTAMPED, List.of(new BigInteger(t.group(1))), t.group(2)));
        }
        return Optional.empty();
    }

    private static List<BigInteger> parts(String ver) {
        List<BigInteger> out = new ArrayList<>();
        for (String p : ver.split("[._]+")) {
            if (!p.isEmpty()) {
                out.add(new BigInteger(p));
            }
        }
        while (out.size() > 1 && out.get(out.size() - 1).signum() == 0) {
            out.remove(out.size() - 1);
        }
        return List.copyOf(out);
    }

    /** Whether the migration runs once and is then frozen (versioned or timestamped). */
    public boolean isVersioned() {
        return kind == Kind.VERSIONED || kind == Kind.TIMESTAMPED;
    }

    /** The version as text, e.g. {@code 5.1}; empty for repeatable migrations. */
    public String versionText() {
        return String.join(".", version.stream().map(BigInteger::toString).toList());
    }

    /** Version order; equal for {@code 5} and {@code 5.0}. */
    public static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
        int n = Math.max(a.size(), b.size());
        for (int k = 0; k < n; k++) {
            BigInteger x = k < a.size() ? a.get(k) : BigInteger.ZERO;
            BigInteger y = k < b.size() ? b.get(k) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The phase named by a description prefix ({@code contract_drop_x}), if any. */
    public Optional<Phase> phasePrefix() {
        String d = description.toLowerCase(Locale.ROOT);
        for (Phase p : Phase.values()) {
            String w = p.id();
            if (d.equals(w) || d.startsWith(w + "_") || d.startsWith(w + "-") || d.startsWith(w + " ")) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
