package io.mergegate.checkers.branch;

import io.mergegate.core.source.Glob;
import io.mergegate.core.spi.CheckerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The branch naming convention from the {@code branch} config section, and the diagnosis of a name
 * that breaks it: which part is wrong and a corrected example built from the bad name.
 */
public final class BranchPolicy {

    static final String DEFAULT_PATTERN = "{type}/{TEAM}-{TICKET}-{slug}";
    static final List<String> DEFAULT_TYPES = List.of("feature", "bugfix", "hotfix", "chore");
    static final List<String> DEFAULT_TEAMS = List.of("CORE", "RETAIL", "AML", "REDESIGN");
    static final String DEFAULT_TICKET = "[1-9][0-9]{0,5}";
    static final String DEFAULT_SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String DEFAULT_RELEASE = "release/{MAJOR}.{MINOR}.{PATCH}";
    static final List<String> DEFAULT_EXEMPT = List.of("main", "dev");
    static final int DEFAULT_MAX_LENGTH = 60;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(type|TEAM|TICKET|slug)}");
    private static final Pattern VERSION_PART = Pattern.compile("\\{(MAJOR|MINOR|PATCH)}");

    final String pattern;
    final List<String> types;
    final List<String> teams;
    final Pattern ticket;
    final Pattern slug;
    final String release;
    final List<String> exempt;
    final List<String> protectedBranches;
    final int maxLength;
    final Map<String, List<String>> targets;
    private final Pattern full;
    private final Pattern releaseRegex;
    private final String releasePrefix;

    BranchPolicy(CheckerConfig c) {
        pattern = c.string("pattern", DEFAULT_PATTERN);
        types = c.strings("types", DEFAULT_TYPES);
        teams = c.strings("teams", DEFAULT_TEAMS);
        ticket = compile(c.string("ticket", DEFAULT_TICKET), "ticket");
        slug = compile(c.string("slug", DEFAULT_SLUG), "slug");
        release = c.string("release", DEFAULT_RELEASE);
        exempt = c.strings("exempt", DEFAULT_EXEMPT);
        protectedBranches = c.strings("protected", exempt);
        maxLength = c.integer("max-length", DEFAULT_MAX_LENGTH);
        targets = new LinkedHashMap<>();
        c.map("targets").forEach((k, v) -> {
            List<String> allowed = new ArrayList<>();
            if (v instanceof List<?> l) {
                l.forEach(x -> allowed.add(String.valueOf(x)));
            } else if (v != null) {
                allowed.add(String.valueOf(v));
            }
            targets.put(k, allowed);
        });
        if (!c.has("targets")) {
            targets.put("hotfix/*", List.of("main"));
        }
        full = Pattern.compile(toRegex(pattern));
        releaseRegex = Pattern.compile(releaseToRegex(release));
        int brace = release.indexOf('{');
        releasePrefix = brace < 0 ? release : release.substring(0, brace);
    }

    private static Pattern compile(String regex, String key) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("branch." + key + " is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    private String toRegex(String p) {
        StringBuilder re = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(p);
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(p.substring(last, m.start())));
            re.append("(?<").append(m.group(1).toLowerCase(Locale.ROOT)).append('>').append(partRegex(m.group(1))).append(')');
            last = m.end();
        }
        re.append(Pattern.quote(p.substring(last)));
        return re.toString();
    }

    private String partRegex(String part) {
        return switch (part) {
            case "type" -> alternatives(types);
            case "TEAM" -> alternatives(teams);
            case "TICKET" -> "(?:" + ticket.pattern() + ")";
            default -> "(?:" + slug.pattern() + ")";
        };
    }

    private static String alternatives(List<String> values) {
        return values.isEmpty() ? "(?!)" : "(?:" + String.join("|", values.stream().map(Pattern::quote).toList()) + ")";
    }

    private static String releaseToRegex(String r) {
        StringBuilder re = new StringBuilder();
        Matcher m = VERSION_PART.matcher(r);
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(r.substring(last, m.start()))).append("(?:0|[1-9][0-9]*)");
            last = m.end();
        }
        return re.append(Pattern.quote(r.substring(last))).toString();
    }

    boolean isExempt(String branch) {
        return exempt.contains(branch);
    }

    boolean isProtected(String branch) {
        return protectedBranches.contains(branch);
    }

    /** {@code TEAM-TICKET} of a valid name, e.g. {@code CORE-123}. */
    Optional<String> ticketOf(String branch) {
        Matcher m = full.matcher(branch);
        if (m.matches() && pattern.contains("{TEAM}") && pattern.contains("{TICKET}")) {
            return Optional.of(m.group("team") + "-" + m.group("ticket"));
        }
        return Optional.empty();
    }

    /** Allowed targets of a branch: the first {@code targets} glob it matches. */
    Optional<Map.Entry<String, List<String>>> targetRule(String branch) {
        for (Map.Entry<String, List<String>> e : targets.entrySet()) {
            if (Glob.of(e.getKey()).matches(branch)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Why a name is invalid, or empty when it is valid. */
    Optional<Diagnosis> diagnose(String branch) {
        if (isExempt(branch)) {
            return Optional.empty();
        }
        boolean tooLong = branch.length() > maxLength;
        if (!releasePrefix.isEmpty() && branch.startsWith(releasePrefix)) {
            if (releaseRegex.matcher(branch).matches() && !tooLong) {
                return Optional.empty();
            }
            String problem = tooLong ? lengthProblem(branch) : "a release branch must look like `" + release
                    + "` with numbers without leading zeros";
            return Optional.of(new Diagnosis("release", problem, releaseExample(branch)));
        }
        if (full.matcher(branch).matches()) {
            return tooLong ? Optional.of(new Diagnosis("length", lengthProblem(branch), example(branch)))
                    : Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        String kind = explainParts(branch, problems);
        if (tooLong) {
            problems.add(lengthProblem(branch));
        }
        if (problems.isEmpty()) {
            problems.add("it does not match the pattern");
            kind = "pattern";
        }
        return Optional.of(new Diagnosis(kind, String.join("; ", problems), example(branch)));
    }

    private String lengthProblem(String branch) {
        return "it is " + branch.length() + " characters long, the limit is " + maxLength;
    }

    /** Splits the name along the pattern's literal separators and checks each part. */
    private String explainParts(String branch, List<String> problems) {
        List<String> names = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int last = 0;
        String leading = null;
        while (m.find()) {
            String lit = pattern.substring(last, m.start());
            if (names.isEmpty()) {
                leading = lit;
            } else {
                separators.add(lit);
            }
            names.add(m.group(1));
            last = m.end();
        }
        String trailing = pattern.substring(last);
        String rest = branch;
        if (leading != null && !leading.isEmpty()) {
            if (!rest.startsWith(leading)) {
                problems.add("it must start with `" + leading + "`");
                return "separator";
            }
            rest = rest.substring(leading.length());
        }
        if (!trailing.isEmpty()) {
            if (!rest.endsWith(trailing)) {
                problems.add("it must end with `" + trailing + "`");
                return "separator";
            }
            rest = rest.substring(0, rest.length() - trailing.length());
        }
        String firstKind = null;
        for (int i = 0; i < names.size(); i++) {
            String value;
            if (i < separators.size()) {
                String sep = separators.get(i);
                if (sep.isEmpty()) {
                    return firstKind == null ? "pattern" : firstKind;
                }
                int at = rest.indexOf(sep);
                if (at < 0) {
                    problems.add("expected `" + sep + "` after the " + label(names.get(i)) + " (shape `" + pattern + "`)");
                    return firstKind == null ? "separator" : firstKind;
                }
                value = rest.substring(0, at);
                rest = rest.substring(at + sep.length());
            } else {
                value = rest;
            }
            String problem = checkPart(names.get(i), value);
            if (problem != null) {
                problems.add(problem);
                if (firstKind == null) {
                    firstKind = label(names.get(i));
                }
            }
        }
        return firstKind == null ? "pattern" : firstKind;
    }

    private String checkPart(String name, String value) {
        switch (name) {
            case "type":
                if (!types.contains(value)) {
                    return "type `" + value + "` is not one of " + String.join(", ", types);
                }
                return null;
            case "TEAM":
                if (!teams.contains(value)) {
                    Optional<String> ci = teams.stream().filter(t -> t.equalsIgnoreCase(value)).findFirst();
                    return ci.map(t -> "team `" + value + "` must be written exactly `" + t + "`")
                            .orElse("team `" + value + "` is not one of " + String.join(", ", teams));
                }
                return null;
            case "TICKET":
                return ticket.matcher(value).matches() ? null
                        : "ticket `" + value + "` does not match `" + ticket.pattern() + "`";
            default:
                return slug.matcher(value).matches() ? null
                        : "slug `" + value + "` must be lower-case words joined by single hyphens";
        }
    }

    private static String label(String placeholder) {
        return switch (placeholder) {
            case "type" -> "type";
            case "TEAM" -> "team";
            case "TICKET" -> "ticket";
            default -> "slug";
        };
    }

    /** A valid name built from the pieces of a bad one. */
    String example(String branch) {
        Map<String, String> parts = splitAlongPattern(branch);
        String type = null;
        String team = null;
        String number = null;
        List<String> slugWords = new ArrayList<>();
        if (parts != null) {
            type = fixType(parts.getOrDefault("type", ""));
            team = fixTeam(parts.getOrDefault("TEAM", ""));
            number = fixTicket(parts.getOrDefault("TICKET", ""));
            if (number == null && !parts.getOrDefault("TICKET", "").isEmpty()
                    && !parts.get("TICKET").matches("[0-9]+")) {
                slugWords.addAll(words(parts.get("TICKET")));
            }
            slugWords.addAll(words(parts.getOrDefault("slug", "")));
        } else {
            for (String w : words(branch)) {
                if (type == null && fixType(w) != null) {
                    type = fixType(w);
                    continue;
                }
                if (team == null && fixTeam(w) != null) {
                    team = fixTeam(w);
                    String rest = w.substring(team.length());
                    if (!rest.isEmpty() && number == null && fixTicket(rest) != null) {
                        number = fixTicket(rest);
                    }
                    continue;
                }
                if (number == null && fixTicket(w) != null) {
                    number = fixTicket(w);
                    continue;
                }
                slugWords.add(w);
            }
        }
        String s = String.join("-", slugWords);
        if (s.isEmpty() || !slug.matcher(s).matches()) {
            s = "short-description";
        }
        String result = pattern.replace("{type}", type != null ? type : types.isEmpty() ? "feature" : types.get(0))
                .replace("{TEAM}", team != null ? team : teams.isEmpty() ? "TEAM" : teams.get(0))
                .replace("{TICKET}", number != null ? number : "123");
        int room = maxLength - (result.length() - "{slug}".length());
        if (s.length() > room && room > 0) {
            s = s.substring(0, room).replaceAll("-+$", "");
        }
        return result.replace("{slug}", s);
    }

    /** Lower-case alphanumeric words of a text. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The configured type a word most likely meant ({@code Feature}, {@code feat}, {@code fix}), or null. */
    private String fixType(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.isEmpty()) {
            return null;
        }
        for (String t : types) {
            if (t.equals(w)) {
                return t;
            }
        }
        for (String t : types) {
            if (w.length() >= 3 && (t.startsWith(w) || t.endsWith(w))) {
                return t;
            }
        }
        return null;
    }

    /** The configured team a word names, ignoring case; a word like {@code CORE12} gives {@code CORE}. */
    private String fixTeam(String word) {
        for (String t : teams) {
            if (t.equalsIgnoreCase(word)) {
                return t;
            }
        }
        for (String t : teams) {
            if (word.length() > t.length() && word.substring(0, t.length()).equalsIgnoreCase(t)
                    && word.substring(t.length()).matches("[0-9]+")) {
                return t;
            }
        }
        return null;
    }

    private String fixTicket(String word) {
        if (!word.matches("[0-9]+")) {
            return null;
        }
        String n = word.replaceFirst("^0+", "");
        return !n.isEmpty() && ticket.matcher(n).matches() ? n : null;
    }

    /** The name cut along the pattern's separators, or null when a separator is missing. */
    private Map<String, String> splitAlongPattern(String branch) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        List<String> names = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            literals.add(pattern.substring(last, m.start()));
            names.add(m.group(1));
            last = m.end();
        }
        String rest = branch;
        if (!rest.startsWith(literals.get(0))) {
            return null;
        }
        rest = rest.substring(literals.get(0).length());
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (i + 1 < literals.size()) {
                String sep = literals.get(i + 1);
                int at = sep.isEmpty() ? -1 : rest.indexOf(sep);
                if (at < 0) {
                    return null;
                }
                out.put(names.get(i), rest.substring(0, at));
                rest = rest.substring(at + sep.length());
            } else {
                out.put(names.get(i), rest);
            }
        }
        return out;
    }

    private String releaseExample(String branch) {
        List<String> nums = new ArrayList<>();
        Matcher m = Pattern.compile("[0-9]+").matcher(branch.substring(releasePrefix.length()));
        while (m.find() && nums.size() < 3) {
            String n = m.group().replaceFirst("^0+(?=.)", "");
            nums.add(n);
        }
        while (nums.size() < 3) {
            nums.add(nums.isEmpty() ? "1" : "0");
        }
        return release.replace("{MAJOR}", nums.get(0)).replace("{MINOR}", nums.get(1)).replace("{PATCH}", nums.get(2));
    }

    /**
     * Why a name is invalid.
     *
     * @param kind    the first part at fault: type, team, ticket, slug, separator, length, release, pattern
     * @param problem readable description of every problem found
     * @param example a valid name built from the bad one
     */
    record Diagnosis(String kind, String problem, String example) {
    }
}
