package io.mergegate.checkers.codeowners;

import java.util.List;

/**
 * A parsed CODEOWNERS file: the rules the platform applies, the sections, and the lines it rejects.
 *
 * @param path     repository-relative path of the file
 * @param platform whose semantics were used
 * @param rules    applied rules in file order
 * @param sections sections in order of first appearance; GitHub has exactly one, unnamed
 * @param problems rejected or suspicious lines
 * @param owners   every well-formed owner written in the file, with its position
 * @param lines    the file's lines, for messages
 */
public record CodeownersFile(String path, Platform platform, List<CodeownersRule> rules, List<Section> sections,
        List<Problem> problems, List<OwnerRef> owners, List<String> lines) {

    /** The GitLab name of the entries before the first section header. */
    public static final String DEFAULT_SECTION = "codeowners";

    public CodeownersFile {
        rules = List.copyOf(rules);
        sections = List.copyOf(sections);
        problems = List.copyOf(problems);
        owners = List.copyOf(owners);
        lines = List.copyOf(lines);
    }

    /**
     * A section. Duplicate GitLab section names merge case-insensitively into the first one.
     *
     * @param name          name as first written
     * @param optional      {@code ^[Name]}
     * @param approvals     required approvals ({@code [Name][N]}), 1 by default
     * @param defaultOwners owners on the header line
     * @param line          line of the first header, 0 for the implicit section
     */
    public record Section(String name, boolean optional, int approvals, List<String> defaultOwners, int line) {

        public Section {
            defaultOwners = List.copyOf(defaultOwners);
        }
    }

    /**
     * An owner as written on a line.
     *
     * @param line   1-based line
     * @param column 1-based column
     * @param owner  the owner token
     */
    public record OwnerRef(int line, int column, String owner) {
    }

    /**
     * A line the platform rejects or reads differently than intended.
     *
     * @param ruleId catalogue id ({@code codeowners/invalid-pattern}, {@code invalid-owner}, {@code platform-syntax-mismatch})
     * @param line   1-based line
     * @param column 1-based column
     * @param kind   the platform's error kind, e.g. {@code invalid_section_format}
     * @param token  the offending text
     * @param detail why
     */
    public record Problem(String ruleId, int line, int column, String kind, String token, String detail) {
    }
}
