package io.mergegate.checkers.secrets;

import io.mergegate.core.Severity;
import java.util.List;
import java.util.regex.Matcher;

/**
 * One row of the detection table: a regular expression run only in windows around its keywords.
 *
 * @param id         detector name shown in messages, e.g. {@code github-classic-token}
 * @param ruleId     the catalogue rule it reports, e.g. {@code secrets/github-token}
 * @param severity   a severity that overrides the catalogue default, or null
 * @param keywords   lower-case literals; the regex runs only near one of them
 * @param group      capture group holding the secret
 * @param firstOf    when true, the first non-empty group from {@code group} on
 * @param entropyMin a secret whose Shannon entropy is at most this is dropped (0 = no floor)
 * @param validator  extra check of the candidate
 * @param before     bytes scanned before a keyword hit
 * @param after      bytes scanned after a keyword hit
 * @param anchored   the regex starts where its keyword starts, so it is tried only there ({@code lookingAt})
 * @param pattern    the regex, compiled on first use
 */
public record Detector(String id, String ruleId, Severity severity, List<String> keywords, int group, boolean firstOf,
        double entropyMin, Validator validator, int before, int after, boolean anchored, LazyPattern pattern) {

    /** Start of the secret in a match, or -1 when the groups hold nothing. */
    int secretGroup(Matcher m) {
        if (!firstOf) {
            return m.start(group) < 0 ? -1 : group;
        }
        for (int g = group; g <= m.groupCount(); g++) {
            if (m.start(g) >= 0) {
                return g;
            }
        }
        return -1;
    }
}
