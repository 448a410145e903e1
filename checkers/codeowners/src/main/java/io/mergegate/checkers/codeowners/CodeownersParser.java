package io.mergegate.checkers.codeowners;

import io.mergegate.checkers.codeowners.CodeownersFile.Problem;
import io.mergegate.checkers.codeowners.CodeownersFile.Section;
import io.mergegate.core.source.TextLines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a CODEOWNERS file the way GitHub or GitLab does. Never throws on any text. */
public final class CodeownersParser {

    static final String INVALID_PATTERN = "codeowners/invalid-pattern";
    static final String INVALID_OWNER = "codeowners/invalid-owner";
    static final String SYNTAX_MISMATCH = "codeowners/platform-syntax-mismatch";

    private static final Pattern SECTION = Pattern.compile("(\\^)?\\[([^\\]]*)\\](?:\\[([^\\]]*)\\])?(.*)");

    private CodeownersParser() {
    }

    /** Parses text; invalid UTF-8 should be decoded leniently beforehand (U+FFFD marks the spot). */
    public static CodeownersFile parse(String path, String text, Platform platform) {
        return new Run(path, platform).parse(text);
    }

    /** A whitespace-separated token with its 1-based column. */
    record Token(String text, int column) {
    }

    /** Splits a line into tokens; {@code \ } keeps a space inside a token. */
    static List<Token> tokens(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            StringBuilder sb = new StringBuilder();
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < n) {
                    sb.append(c).append(line.charAt(i + 1));
                    i += 2;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            out.add(new Token(sb.toString(), start + 1));
        }
        return out;
    }

    private static final class Run {
        private final String path;
        private final Platform platform;
        private final List<CodeownersRule> rules = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private final Map<String, Integer> sectionIndex = new HashMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private final List<CodeownersFile.OwnerRef> ownerRefs = new ArrayList<>();
        private final Map<String, Optional<String>> ownerProblems = new HashMap<>();
        private int current;
        private List<String> currentDefaults = List.of();

        Run(String path, Platform platform) {
            this.path = path;
            this.platform = platform;
            sections.add(new Section(platform == Platform.GITLAB ? CodeownersFile.DEFAULT_SECTION : "", false, 1,
                    List.of(), 0));
            if (platform == Platform.GITLAB) {
                sectionIndex.put(CodeownersFile.DEFAULT_SECTION, 0);
            }
        }

        CodeownersFile parse(String text) {
            List<String> lines = TextLines.split(text);
            for (int i = 0; i < lines.size(); i++) {
                line(i + 1, lines.get(i));
            }
            return new CodeownersFile(path, platform, rules, sections, problems, ownerRefs, lines);
        }

        private void problem(String rule, int line, int column, String kind, String token, String detail) {
            problems.add(new Problem(rule, line, column, kind, token, detail));
        }

        private void line(int no, String raw) {
            String trimmed = raw.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                return;
            }
            int indent = raw.indexOf(trimmed.charAt(0));
            if (raw.indexOf('\uFFFD') >= 0) {
                problem(INVALID_PATTERN, no, raw.indexOf('\uFFFD') + 1, "invalid_encoding", "",
                        "the line is not valid UTF-8");
                return;
            }
            boolean header = trimmed.startsWith("[") || trimmed.startsWith("^[");
            if (header && platform == Platform.GITLAB) {
                section(no, indent, trimmed);
                return;
            }
            if (header && SECTION.matcher(trimmed).matches() && !trimmed.contains("]/")) {
                problem(SYNTAX_MISMATCH, no, indent + 1, "gitlab_section", trimmed,
                        "GitLab section headers are not GitHub syntax; GitHub skips this line");
                return;
            }
            entry(no, raw);
        }

        private void section(int no, int indent, String text) {
            Matcher m = SECTION.matcher(text);
            if (!m.matches()) {
                problem(INVALID_PATTERN, no, indent + 1, "invalid_section_format", text,
                        "a section header is `[Name]`, `^[Name]` or `[Name][N]`, optionally followed by owners");
                return;
            }
            String name = m.group(2).strip();
            if (name.isEmpty()) {
                problem(INVALID_PATTERN, no, indent + 1, "missing_section_name", text, "the section has no name");
                return;
            }
            int approvals = 1;
            if (m.group(3) != null) {
                String a = m.group(3).strip();
                if (!a.matches("[0-9]{1,6}") || Integer.parseInt(a) < 1) {
                    problem(INVALID_PATTERN, no, indent + 1, "invalid_approval_requirement", text,
                            "the approval count must be a positive whole number");
                    return;
                }
                approvals = Integer.parseInt(a);
            }
            List<String> defaults = new ArrayList<>();
            int offset = indent + m.start(4);
            for (Token t : tokens(m.group(4))) {
                if (t.text().startsWith("#")) {
                    problem(SYNTAX_MISMATCH, no, offset + t.column(), "inline_comment", t.text(),
                            "GitLab has no inline comments; the words after `#` are read as owners");
                    break;
                }
                if (owner(no, offset + t.column(), t.text())) {
                    defaults.add(t.text());
                }
            }
            String key = name.toLowerCase(Locale.ROOT);
            Integer existing = sectionIndex.get(key);
            if (existing == null) {
                sections.add(new Section(name, m.group(1) != null, approvals, defaults, no));
                existing = sections.size() - 1;
                sectionIndex.put(key, existing);
            }
            current = existing;
            currentDefaults = defaults;
        }

        private boolean owner(int no, int column, String token) {
            // a file names the same few teams on most of its lines
            Optional<String> why = ownerProblems.computeIfAbsent(token, t -> Owners.problem(t, platform));
            if (why.isEmpty()) {
                ownerRefs.add(new CodeownersFile.OwnerRef(no, column, token));
                return true;
            }
            boolean mismatch = platform == Platform.GITHUB && token.startsWith("@@");
            problem(mismatch ? SYNTAX_MISMATCH : INVALID_OWNER, no, column,
                    platform == Platform.GITLAB ? "invalid_entry_owner_format" : "invalid_owner", token, why.get());
            return false;
        }

        private void entry(int no, String raw) {
            List<Token> tokens = tokens(raw);
            Token first = tokens.get(0);
            String pattern = first.text();
            boolean exclusion = false;
            if (platform == Platform.GITLAB && pattern.startsWith("!")) {
                exclusion = true;
                pattern = pattern.substring(1);
            }
            List<String> owners = new ArrayList<>();
            boolean ownerErrors = false;
            for (int k = 1; k < tokens.size(); k++) {
                Token t = tokens.get(k);
                if (t.text().startsWith("#")) {
                    if (platform == Platform.GITLAB) {
                        problem(SYNTAX_MISMATCH, no, t.column(), "inline_comment", t.text(),
                                "GitLab has no inline comments; the words after `#` are read as owners");
                        ownerErrors = true;
                    }
                    break;
                }
                if (owner(no, t.column(), t.text())) {
                    owners.add(t.text());
                } else {
                    ownerErrors = true;
                }
            }
            if (pattern.isEmpty()) {
                problem(INVALID_PATTERN, no, first.column(), "missing_pattern", first.text(), "the exclusion has no pattern");
                return;
            }
            PatternTranslator.Result r = PatternTranslator.translate(pattern, platform);
            if (!r.ok()) {
                boolean mismatch = platform == Platform.GITHUB && pattern.startsWith("!");
                problem(mismatch ? SYNTAX_MISMATCH : INVALID_PATTERN, no, first.column(),
                        mismatch ? "gitlab_exclusion" : "invalid_pattern", pattern,
                        r.error() + "; GitHub skips this line");
                return;
            }
            if (ownerErrors && platform == Platform.GITHUB) {
                return; // GitHub skips a line with an invalid owner
            }
            if (platform == Platform.GITLAB && !exclusion && owners.isEmpty()) {
                if (currentDefaults.isEmpty() && !ownerErrors) {
                    problem(INVALID_OWNER, no, first.column() + first.text().length(), "missing_entry_owner", pattern,
                            "the entry has no owners and its section has no default owners");
                }
                owners = currentDefaults;
            }
            rules.add(new CodeownersRule(rules.size(), no, first.column(), pattern, owners,
                    platform == Platform.GITLAB ? current : 0, exclusion, r.glob(), r.key(), r.literal(), r.dirOnly()));
        }
    }
}
