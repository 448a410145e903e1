package io.mergegate.checkers.secrets;

import io.mergegate.core.Fingerprints;
import io.mergegate.core.Severity;

/**
 * One detected secret. The value stays inside the scanner: reports get {@link #redacted()}, the
 * fingerprint and the length only.
 *
 * @param ruleId   catalogue rule, e.g. {@code secrets/github-token}
 * @param detector the detector that matched, e.g. {@code github-classic-token}
 * @param severity a severity overriding the catalogue default, or null
 * @param path     repository-relative path
 * @param line     1-based line of the secret (0 for a whole-file finding)
 * @param column   1-based column
 * @param endLine  last line of the secret
 * @param value    the secret itself; never printed except with {@code --show-secrets}
 * @param commitId the commit that holds it when it was found in history, else null
 */
public record SecretMatch(String ruleId, String detector, Severity severity, String path, int line, int column,
        int endLine, String value, String commitId) {

    public SecretMatch(String ruleId, String detector, Severity severity, String path, int line, int column,
            int endLine, String value) {
        this(ruleId, detector, severity, path, line, column, endLine, value, null);
    }

    public SecretMatch withCommit(String commit) {
        return new SecretMatch(ruleId, detector, severity, path, line, column, endLine, value, commit);
    }

    /** The path-independent identity: rule id and secret value. */
    public String fingerprint() {
        return Fingerprints.of(ruleId, value);
    }

    /** At most four leading characters, fewer for short values (a quarter of the length). */
    public String prefix() {
        return Redaction.prefix(value);
    }

    public int length() {
        return value.codePointCount(0, value.length());
    }

    public String redacted() {
        return Redaction.redact(value);
    }

    @Override
    public String toString() {
        return ruleId + " " + path + ":" + line + " " + redacted();
    }
}
