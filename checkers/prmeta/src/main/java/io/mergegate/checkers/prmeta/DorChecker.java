package io.mergegate.checkers.prmeta;

import io.mergegate.checkers.prmeta.Fields.Field;
import io.mergegate.checkers.prmeta.MarkdownSections.Line;
import io.mergegate.checkers.prmeta.MarkdownSections.Section;
import io.mergegate.core.Finding;
import io.mergegate.core.Severity;
import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.spi.ApiChange;
import io.mergegate.core.spi.ChangeLevel;
import io.mergegate.core.spi.Checker;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.FactKey;
import io.mergegate.core.spi.GateContext;
import io.mergegate.core.spi.KnownFacts;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.PullRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Definition of Ready and Definition of Done of the pull request, judged from its title and
 * description against the API change levels the OpenAPI and Avro checkers detected.
 */
public final class DorChecker implements Checker {

    static final String METADATA_UNAVAILABLE = "pr/metadata-unavailable";
    static final String TRUNCATED = "pr/description-truncated";
    static final String TICKET_MISMATCH = "pr/ticket-mismatch";
    static final String MISSING_SECTION = "dor/missing-section";
    static final String MISSING_FIELD = "dor/missing-field";
    static final String INVALID_CHANGE_TYPE = "dor/invalid-change-type";
    static final String CHANGE_TYPE_MISMATCH = "dor/change-type-mismatch";
    static final String CHANGE_TYPE_OVERSTATED = "dor/change-type-overstated";
    static final String UNKNOWN_TEAM = "dor/unknown-team";
    static final String ACCEPTANCE_FORMAT = "dor/acceptance-criteria-format";
    static final String VERSION_BUMP = "dod/version-bump-mismatch";
    static final String CHANGELOG = "dod/changelog-missing";
    static final String MIGRATION_GUIDE = "dod/migration-guide-missing";
    static final String DEPRECATION = "dod/deprecation-info-missing";
    static final String CHECKLIST = "dod/checklist-incomplete";

    private static final Set<String> RULES = Set.of(METADATA_UNAVAILABLE, TRUNCATED, TICKET_MISMATCH, MISSING_SECTION,
            MISSING_FIELD, INVALID_CHANGE_TYPE, CHANGE_TYPE_MISMATCH, CHANGE_TYPE_OVERSTATED, UNKNOWN_TEAM,
            ACCEPTANCE_FORMAT, VERSION_BUMP, CHANGELOG, MIGRATION_GUIDE, DEPRECATION, CHECKLIST);

    /** Section keys of {@code dor.sections} and their default headings. */
    static final Map<String, String> DEFAULT_SECTIONS = defaults();

    private static final List<String> REQUIRED = List.of("api-versioning", "teams-impacted", "acceptance-criteria",
            "security-review", "performance-sla");

    private static final Pattern TICKET = Pattern.compile("(?<![A-Za-z0-9])([A-Z][A-Z0-9]+-[0-9]+)(?![0-9])");
    private static final Pattern SEMVER = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+].*)?");
    private static final Pattern OPEN_TASK = Pattern.compile("(?:[-*+]|\\d+[.)])\\s+\\[ \\]\\s*(.*)");
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final String PR = "pull request";

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("api-versioning", "API Versioning Decision");
        m.put("teams-impacted", "Teams Impacted");
        m.put("acceptance-criteria", "Acceptance Criteria");
        m.put("security-review", "Security Review");
        m.put("performance-sla", "Performance SLA");
        m.put("definition-of-done", "Definition of Done");
        m.put("migration-guide", "Migration Guide");
        m.put("deprecation", "Deprecation");
        return m;
    }

    @Override
    public String id() {
        return "dor";
    }

    @Override
    public String description() {
        return "Definition of Ready and Done of the pull request: sections, versioning decision, tickets";
    }

    @Override
    public Set<String> ruleIds() {
        return RULES;
    }

    @Override
    public Set<FactKey<?>> consumes() {
        return Set.of(KnownFacts.API_CHANGES, KnownFacts.BRANCH_TICKET);
    }

    /** A pre-commit hook (staged) and a tree scan have no pull request to judge. */
    @Override
    public boolean supports(Mode mode) {
        return mode == Mode.PULL_REQUEST || mode == Mode.WORKING_TREE;
    }

    @Override
    public List<Finding> check(GateContext ctx) {
        return new Run(ctx).run();
    }

    /** One evaluation; holds the parsed description and the detected API changes. */
    private static final class Run {
        private final GateContext ctx;
        private final CheckerConfig cfg;
        private final PullRequest pr;
        private final Map<String, String> names = new LinkedHashMap<>(DEFAULT_SECTIONS);
        private final List<ApiChange> apis;
        private final ChangeLevel detected;
        private final List<Finding> out = new ArrayList<>();
        private MarkdownSections doc;
        private boolean judgeMissing = true;
        private ChangeLevel declared;

        Run(GateContext ctx) {
            this.ctx = ctx;
            this.cfg = ctx.config();
            this.pr = ctx.pullRequest();
            cfg.map("sections").forEach((k, v) -> {
                if (v != null && !String.valueOf(v).isBlank()) {
                    names.put(k, String.valueOf(v));
                }
            });
            this.apis = ctx.facts().all(KnownFacts.API_CHANGES).stream()
                    .filter(a -> a.level() != ChangeLevel.NONE).toList();
            this.detected = apis.stream().map(ApiChange::level).reduce(ChangeLevel.NONE, ChangeLevel::max);
        }

        List<Finding> run() {
            if (!pr.hasMetadata()) {
                metadataUnavailable();
                return out;
            }
            String body = pr.body() == null ? "" : pr.body();
            doc = MarkdownSections.parse(body);
            if (pr.bodyTruncated()) {
                truncated();
            }
            ticket();
            if (detected != ChangeLevel.NONE) {
                ready();
                done();
            }
            checklist();
            return out;
        }

        private Finding.Builder report(String rule) {
            Finding.Builder b = ctx.report(rule).logical(PR);
            if (rule.startsWith("dod/") && pr.draft() && ctx.rules().require(rule).defaultSeverity() == Severity.ERROR) {
                b.severity(Severity.WARNING);
            }
            return b;
        }

        private void metadataUnavailable() {
            String level = cfg.string("metadata-unavailable", "note");
            if (level.equalsIgnoreCase("off")) {
                return;
            }
            String apisText = detected == ChangeLevel.NONE ? ""
                    : "; " + apis.size() + " API change(s) up to " + detected + " were detected";
            Finding.Builder b = report(METADATA_UNAVAILABLE)
                    .arg("reason", "no GitHub pull-request event, no GitLab merge-request variables and no --pr-title"
                            + apisText)
                    .key("metadata");
            Severity.parse(level).ifPresent(b::severity);
            out.add(b.build());
        }

        private void truncated() {
            List<Section> all = doc.all();
            out.add(report(TRUNCATED).arg("chars", pr.body().length())
                    .arg("section", all.isEmpty() ? "the text" : "`" + all.get(all.size() - 1).name() + "`")
                    .key("truncated").build());
            judgeMissing = false;
        }

        /** Sections of the description, without the last one when GitLab cut the text. */
        private Optional<Section> section(String key) {
            Optional<Section> s = doc.find(names.get(key));
            List<Section> all = doc.all();
            if (s.isPresent() && !judgeMissing && s.get() == all.get(all.size() - 1)) {
                return Optional.empty();
            }
            return s;
        }

        private String name(String key) {
            return names.get(key);
        }

        private String apiSummary() {
            return apis.stream().map(a -> "`" + a.path() + "` " + a.level()).collect(Collectors.joining(", "));
        }

        private void ticket() {
            Optional<String> branchTicket = ctx.facts().all(KnownFacts.BRANCH_TICKET).stream().findFirst();
            if (branchTicket.isEmpty() && pr.branch() != null) {
                Matcher m = TICKET.matcher(pr.branch());
                if (m.find()) {
                    branchTicket = Optional.of(m.group(1));
                }
            }
            if (branchTicket.isEmpty() || pr.title() == null) {
                return;
            }
            String ticket = branchTicket.get();
            Set<String> inTitle = new LinkedHashSet<>();
            Matcher m = TICKET.matcher(pr.title());
            while (m.find()) {
                inTitle.add(m.group(1));
            }
            if (inTitle.stream().noneMatch(t -> t.equalsIgnoreCase(ticket))) {
                out.add(report(TICKET_MISMATCH).arg("ticket", ticket)
                        .arg("title", inTitle.isEmpty() ? "no ticket" : String.join(", ", inTitle))
                        .arg("branch", pr.branch() == null ? ticket : pr.branch()).key(ticket).build());
            }
        }

        private void ready() {
            for (String key : REQUIRED) {
                Optional<Section> s = section(key);
                if (judgeMissing && (s.isEmpty() || s.get().isEmptyOrPlaceholder())) {
                    out.add(report(MISSING_SECTION).arg("section", name(key)).arg("level", detected)
                            .arg("apis", apiSummary()).arg("state", s.isEmpty() ? "no" : "only a placeholder in the")
                            .key(name(key)).build());
                }
            }
            section("api-versioning").ifPresent(this::versioning);
            section("teams-impacted").filter(s -> !s.isEmptyOrPlaceholder()).ifPresent(this::teams);
            section("acceptance-criteria").filter(s -> !s.isEmptyOrPlaceholder()).ifPresent(this::acceptance);
        }

        private void missingField(String section, String field, String detail) {
            if (judgeMissing || !detail.isEmpty()) {
                out.add(report(MISSING_FIELD).arg("section", section).arg("field", field).arg("detail", detail)
                        .key(section + "|" + field).build());
            }
        }

        private void versioning(Section s) {
            if (s.isEmptyOrPlaceholder()) {
                return;
            }
            String sec = s.name();
            Fields f = Fields.of(s);
            Optional<Field> type = f.find(List.of("Change Type", "Type of Change", "Change Level"));
            if (type.isEmpty() || type.get().isEmptyOrPlaceholder()) {
                missingField(sec, "Change Type", "");
            } else {
                DeclaredChange d = DeclaredChange.parse(type.get().lines());
                if (d.level() == null) {
                    out.add(report(INVALID_CHANGE_TYPE).arg("section", sec).arg("problem", d.problem())
                            .key("change-type").build());
                } else {
                    declared = d.level();
                    compareLevels();
                }
            }
            for (List<String> field : List.of(List.of("Reasoning", "Reason", "Rationale"),
                    List.of("Backward Compatibility", "Backward Compatibility Strategy",
                            "Backward Compatibility (Strategy)", "Backwards Compatibility", "Compatibility Strategy"))) {
                Optional<Field> v = f.find(field);
                if (v.isEmpty() || v.get().isEmptyOrPlaceholder()) {
                    missingField(sec, field.get(0), "");
                }
            }
            ChangeLevel effective = effective();
            Optional<Field> migration = f.find(List.of("Migration Path"));
            if (migration.isEmpty()) {
                missingField(sec, "Migration Path", "");
            } else if (effective == ChangeLevel.MAJOR && migration.get().isEmptyOrPlaceholder()) {
                missingField(sec, "Migration Path", " (a MAJOR change needs a real migration path, not `"
                        + (migration.get().value().isEmpty() ? "" : migration.get().value()) + "`)");
            }
        }

        private ChangeLevel effective() {
            return declared == null ? detected : ChangeLevel.max(declared, detected);
        }

        private void compareLevels() {
            if (declared.ordinal() < detected.ordinal()) {
                out.add(report(CHANGE_TYPE_MISMATCH).arg("declared", declared).arg("detected", detected)
                        .arg("apis", apiSummary()).key("level").build());
            } else if (declared.ordinal() > detected.ordinal()) {
                out.add(report(CHANGE_TYPE_OVERSTATED).arg("declared", declared).arg("detected", detected)
                        .arg("apis", apiSummary()).key("level").build());
            }
        }

        private void teams(Section s) {
            List<String> known = cfg.strings("teams", ctx.config("branch").strings("teams", List.of()));
            Set<String> lower = known.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            Fields f = Fields.of(s);
            for (String field : List.of("Provider", "Consumers")) {
                Optional<Field> v = f.find(field.equals("Provider") ? List.of("Provider", "Providers", "Provider Team")
                        : List.of("Consumers", "Consumer", "Consumer Teams"));
                if (v.isEmpty() || v.get().isEmptyOrPlaceholder()) {
                    missingField(s.name(), field, "");
                    continue;
                }
                if (known.isEmpty()) {
                    continue;
                }
                for (String team : v.get().value().split("[,;\\s]+")) {
                    String t = MarkdownSections.trim(MarkdownSections.trim(team, "-*+`@"), "`.").strip();
                    if (t.isEmpty() || (field.equals("Consumers") && t.equalsIgnoreCase("none"))) {
                        continue;
                    }
                    if (!lower.contains(t.toLowerCase(Locale.ROOT))) {
                        out.add(report(UNKNOWN_TEAM).arg("team", t).arg("field", field).arg("section", s.name())
                                .arg("known", String.join(", ", known))
                                .arg("none", field.equals("Consumers") ? ", or `none`" : "").key(field + "|" + t).build());
                    }
                }
            }
        }

        private void acceptance(Section s) {
            StringBuilder text = new StringBuilder();
            for (Line l : s.content()) {
                if (!l.code()) {
                    text.append(l.text()).append('\n');
                }
            }
            String t = text.toString().toLowerCase(Locale.ROOT);
            // the earliest Given gives the best chance; one forward scan decides
            Matcher given = Pattern.compile("\\bgiven\\b").matcher(t);
            if (given.find()) {
                Matcher when = Pattern.compile("\\bwhen\\b").matcher(t);
                if (when.find(given.end()) && Pattern.compile("\\bthen\\b").matcher(t).find(when.end())) {
                    return;
                }
            }
            List<String> missingWords = new ArrayList<>();
            for (String w : List.of("given", "when", "then")) {
                if (!Pattern.compile("\\b" + w + "\\b").matcher(t).find()) {
                    missingWords.add(w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
                }
            }
            out.add(report(ACCEPTANCE_FORMAT).arg("section", s.name())
                    .arg("detail", missingWords.isEmpty() ? " (the words are there but out of order)"
                            : " (no " + String.join(", ", missingWords) + ")")
                    .key("gwt").build());
        }

        private void done() {
            ChangeLevel effective = effective();
            versionBumps();
            changelog();
            if (effective == ChangeLevel.MAJOR) {
                migrationGuide();
                deprecation();
            }
        }

        private void versionBumps() {
            for (ApiChange a : apis) {
                if (a.oldVersion() == null || a.newVersion() == null || !ctx.changes().isChanged(a.path())) {
                    continue;
                }
                ChangeLevel expected = declared == null ? a.level() : ChangeLevel.max(a.level(), declared);
                Optional<ChangeLevel> bump = bump(a.oldVersion(), a.newVersion());
                if (bump.isEmpty() || bump.get() != expected) {
                    out.add(report(VERSION_BUMP).at(a.path()).logical("info.version").arg("path", a.path())
                            .arg("old", a.oldVersion()).arg("new", a.newVersion())
                            .arg("bump", bump.map(b -> b == ChangeLevel.NONE ? "no" : b.toString()).orElse("no semantic"))
                            .arg("level", expected).arg("expected", nextVersion(a.oldVersion(), expected))
                            .key(a.path()).build());
                }
            }
        }

        private void changelog() {
            List<String> changelogs = ctx.changes().all().stream().filter(ChangedPath::existsAtHead)
                    .map(ChangedPath::path).filter(p -> fileName(p).equalsIgnoreCase("CHANGELOG.md")).toList();
            if (changelogs.isEmpty()) {
                out.add(report(CHANGELOG).arg("problem", "CHANGELOG.md is not changed")
                        .arg("version", versionsText()).key("changelog").build());
                return;
            }
            Set<String> versions = apis.stream().map(ApiChange::newVersion).filter(v -> v != null)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            for (String v : versions) {
                Pattern heading = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s.*(?<![0-9A-Za-z.])\\[?v?" + Pattern.quote(v)
                        + "(?![0-9A-Za-z])");
                boolean found = changelogs.stream().map(p -> ctx.head().file(p)).flatMap(Optional::stream)
                        .map(SourceFile::textLenient).anyMatch(text -> heading.matcher(text).find());
                if (!found) {
                    out.add(report(CHANGELOG).arg("problem", "`" + changelogs.get(0) + "` has no heading for " + v)
                            .arg("version", v).key("changelog|" + v).build());
                }
            }
        }

        private String versionsText() {
            Set<String> v = apis.stream().map(ApiChange::newVersion).filter(x -> x != null)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return v.isEmpty() ? "<new version>" : String.join(", ", v);
        }

        private void migrationGuide() {
            boolean file = ctx.changes().changedAtHead().stream().anyMatch(p -> {
                String lower = p.toLowerCase(Locale.ROOT);
                return lower.endsWith(".md") && (lower.matches("(?:.*/)?migrations?/.*")
                        || fileName(p).toUpperCase(Locale.ROOT).startsWith("MIGRATION"));
            });
            boolean section = section("migration-guide").filter(s -> !s.isEmptyOrPlaceholder()).isPresent();
            if (!file && !section && judgeMissing) {
                out.add(report(MIGRATION_GUIDE).arg("section", name("migration-guide")).arg("apis", apiSummary())
                        .key("migration").build());
            }
        }

        private void deprecation() {
            Optional<Section> s = section("deprecation");
            String detail;
            if (s.isEmpty() || s.get().isEmptyOrPlaceholder()) {
                if (!judgeMissing) {
                    return;
                }
                detail = s.isEmpty() ? "; there is no such section" : "; the section is empty";
            } else {
                Optional<Field> sunset = Fields.of(s.get()).find(List.of("Sunset", "Sunset Date"));
                if (sunset.isEmpty() || sunset.get().isEmptyOrPlaceholder()) {
                    detail = "; the section has no `Sunset:` line";
                } else {
                    Matcher m = DATE.matcher(sunset.get().value());
                    String problem = null;
                    if (!m.find()) {
                        problem = "`" + sunset.get().value() + "` is not an ISO date";
                    } else {
                        try {
                            LocalDate.parse(m.group(1));
                        } catch (DateTimeParseException e) {
                            problem = "`" + m.group(1) + "` is not a valid date";
                        }
                    }
                    if (problem == null) {
                        return;
                    }
                    detail = "; " + problem;
                }
            }
            out.add(report(DEPRECATION).arg("section", name("deprecation")).arg("detail", detail)
                    .key("deprecation").build());
        }

        private void checklist() {
            Optional<Section> s = section("definition-of-done");
            if (s.isEmpty()) {
                return;
            }
            List<String> open = new ArrayList<>();
            for (Line l : s.get().content()) {
                if (l.code()) {
                    continue;
                }
                Matcher m = OPEN_TASK.matcher(MarkdownSections.unquote(l.text()));
                if (m.matches()) {
                    open.add(m.group(1).strip());
                }
            }
            if (!open.isEmpty()) {
                String items = open.stream().limit(3).map(i -> "`" + i + "`").collect(Collectors.joining(", "))
                        + (open.size() > 3 ? ", ..." : "");
                out.add(report(CHECKLIST).arg("count", open.size()).arg("section", s.get().name()).arg("items", items)
                        .key("checklist").build());
            }
        }
    }

    static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The level of a version change, or empty when a version is not semantic. */
    static Optional<ChangeLevel> bump(String oldVersion, String newVersion) {
        Matcher a = SEMVER.matcher(oldVersion.strip());
        Matcher b = SEMVER.matcher(newVersion.strip());
        if (!a.matches() || !b.matches()) {
            return Optional.empty();
        }
        for (int g = 1; g <= 3; g++) {
            long x = Long.parseLong(a.group(g));
            long y = Long.parseLong(b.group(g));
            if (y > x) {
                return Optional.of(ChangeLevel.values()[4 - g]);
            }
            if (y < x) {
                return Optional.of(ChangeLevel.NONE);
            }
        }
        return Optional.of(ChangeLevel.NONE);
    }

    /** The version after a bump of the given level. */
    static String nextVersion(String oldVersion, ChangeLevel level) {
        Matcher a = SEMVER.matcher(oldVersion.strip());
        if (!a.matches()) {
            return "a " + level + " bump of " + oldVersion;
        }
        long major = Long.parseLong(a.group(1));
        long minor = Long.parseLong(a.group(2));
        long patch = Long.parseLong(a.group(3));
        return switch (level) {
            case MAJOR -> (major + 1) + ".0.0";
            case MINOR -> major + "." + (minor + 1) + ".0";
            case PATCH -> major + "." + minor + "." + (patch + 1);
            case NONE -> oldVersion;
        };
    }
}
