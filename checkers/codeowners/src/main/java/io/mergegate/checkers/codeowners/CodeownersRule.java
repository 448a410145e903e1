package io.mergegate.checkers.codeowners;

import java.util.List;

/**
 * One pattern line of a CODEOWNERS file that the platform applies.
 *
 * @param ordinal   position among the applied rules (later rules have higher ordinals)
 * @param line      1-based line in the file
 * @param column    1-based column of the pattern
 * @param pattern   the pattern as written
 * @param owners    owners on the line, or the section's default owners (GitLab)
 * @param section   index into {@link CodeownersFile#sections()}; always 0 on GitHub
 * @param exclusion a GitLab {@code !pattern} exclusion
 * @param glob      the compiled pattern, matched against the repository-relative path
 * @param key       where the rule sits in the lookup index
 * @param literal   for an anchored pattern without wildcards, the path it names (a faster equivalent of the regex), else null
 * @param dirOnly   with {@code literal}: the pattern ends with {@code /}, so only paths below it match
 */
public record CodeownersRule(int ordinal, int line, int column, String pattern, List<String> owners, int section,
        boolean exclusion, PathGlob glob, PatternKey key, String literal, boolean dirOnly) {

    public CodeownersRule {
        owners = List.copyOf(owners);
    }

    public boolean matches(String path) {
        return literal != null ? matchesLiteral(path) : glob.matches(path);
    }

    /** {@link #matches(String)} with the path's segment boundaries ({@link PathGlob#cuts(String)}) at hand. */
    boolean matches(String path, int[] cuts) {
        return literal != null ? matchesLiteral(path) : glob.matches(path, cuts);
    }

    private boolean matchesLiteral(String path) {
        int n = literal.length();
        if (!path.startsWith(literal)) {
            return false;
        }
        return path.length() == n ? !dirOnly : path.charAt(n) == '/' && path.length() > n + 1;
    }
}
