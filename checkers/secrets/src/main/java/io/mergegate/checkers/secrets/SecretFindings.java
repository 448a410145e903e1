package io.mergegate.checkers.secrets;

import io.mergegate.core.Finding;
import io.mergegate.core.Fingerprints;
import io.mergegate.core.Region;
import io.mergegate.core.Severity;
import io.mergegate.core.source.Glob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Turns scan results into findings that carry a prefix, the length and a value hash, never the value. */
public final class SecretFindings {

    static final String FILE_NOT_SCANNED = "secrets/file-not-scanned";

    /** Rules whose findings in test code are mostly test credentials: reported as warnings there. */
    private static final Set<String> LOWER_IN_TESTS = Set.of("secrets/generic-password", "secrets/jwt",
            "secrets/authorization-header", "secrets/basic-auth-url", "secrets/database-url-password");

    private static final List<Glob> TEST_PATHS = Glob.all(List.of("**/src/test/**", "**/test/**", "**/tests/**",
            "**/__tests__/**", "**/spec/**", "**/testdata/**", "**/*_test.go", "**/*Test.java", "**/*Tests.java",
            "**/*_test.py", "**/test_*.py", "**/*.spec.ts", "**/*.test.ts", "**/*.spec.js", "**/*.test.js"));

    private SecretFindings() {
    }

    /**
     * Findings for a scan result.
     *
     * @param report starts a finding for a rule id (e.g. {@code ctx::report})
     */
    public static List<Finding> of(SecretScan.Result result, Function<String, Finding.Builder> report) {
        List<Finding> out = new ArrayList<>();
        for (SecretMatch m : result.matches()) {
            out.add(of(m, report));
        }
        for (SecretScan.Skipped s : result.skipped()) {
            out.add(of(s, report));
        }
        return out;
    }

    /** A note naming a file, or a region of one, that was not scanned, and why. */
    static Finding of(SecretScan.Skipped s, Function<String, Finding.Builder> report) {
        String why = switch (s.reason()) {
            case OVERSIZED -> "it is " + s.size() + " bytes, larger than `secrets.max-file-size`";
            case BINARY -> "it is binary (a NUL byte in its first 8,000 bytes)";
            case BUDGET -> "a detector gave up on the region from line " + s.line()
                    + " because its regex ran over the work budget";
        };
        String where = s.commitId() == null ? "" : " (in commit " + shortId(s.commitId()) + ")";
        Finding.Builder b = report.apply(FILE_NOT_SCANNED).at(s.path()).arg("path", s.path()).arg("size", s.size())
                .arg("reason", why + where).property("reason", s.reason().name().toLowerCase(java.util.Locale.ROOT))
                .property("commit", s.commitId())
                .fingerprint(s.reason() == SecretScan.Reason.OVERSIZED
                        ? Fingerprints.of(FILE_NOT_SCANNED, s.path(), String.valueOf(s.commitId()))
                        : Fingerprints.of(FILE_NOT_SCANNED, s.path(), String.valueOf(s.commitId()), s.reason().name(),
                                String.valueOf(s.line())));
        if (s.line() >= 1) {
            b.region(new Region(s.line(), 0, s.line(), 0));
        }
        return b.build();
    }

    public static Finding of(SecretMatch m, Function<String, Finding.Builder> report) {
        Finding.Builder b = report.apply(m.ruleId())
                .at(m.path())
                .arg("detector", m.detector())
                .arg("prefix", m.prefix())
                .arg("length", m.length())
                .arg("path", m.path())
                .arg("where", m.commitId() == null ? "" : " (added in commit " + shortId(m.commitId()) + ")")
                .fingerprint(m.fingerprint())
                .property("detector", m.detector())
                .property("secret-prefix", m.prefix())
                .property("secret-length", m.length())
                .property("commit", m.commitId());
        if (m.line() >= 1) {
            b.region(new Region(m.line(), m.column(), m.endLine(), 0));
        }
        if (m.severity() != null) {
            b.severity(m.severity());
        }
        if (LOWER_IN_TESTS.contains(m.ruleId()) && Glob.anyMatch(TEST_PATHS, m.path())) {
            b.severity(Severity.WARNING).property("test-path", true);
        }
        return b.build();
    }

    /**
     * Every match of {@code first}, then those of {@code then} at a (fingerprint, path) that {@code first} does
     * not hold: the same secret in another file is another place to clean up, so it stays.
     */
    static List<SecretMatch> dedupe(List<SecretMatch> first, List<SecretMatch> then) {
        Set<String> seen = new HashSet<>();
        List<SecretMatch> out = new ArrayList<>(first);
        first.forEach(m -> seen.add(m.fingerprint() + '\u0000' + m.path()));
        for (SecretMatch m : then) {
            if (!seen.contains(m.fingerprint() + '\u0000' + m.path())) {
                out.add(m);
            }
        }
        return out;
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
