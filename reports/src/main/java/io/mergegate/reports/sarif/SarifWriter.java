package io.mergegate.reports.sarif;

import io.mergegate.core.Finding;
import io.mergegate.core.Region;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.core.json.Json;
import io.mergegate.reports.ReportText;
import io.mergegate.reports.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * SARIF 2.1.0 (OASIS, errata 01) with one run, shaped for GitHub code scanning.
 *
 * <ul>
 *   <li>§3.19 {@code tool.driver}: name, version, informationUri and every rule of the run (§3.49
 *       reportingDescriptor), including rules that only appear in findings.</li>
 *   <li>§3.27 results: ruleId + ruleIndex, level, message.text, one location (§3.28) whose
 *       physicalLocation (§3.29) is repository-relative against {@code %SRCROOT%} (§3.14.14
 *       originalUriBaseIds), and partialFingerprints (§3.27.17) from the stable finding fingerprint.</li>
 *   <li>Findings without a path (about the pull request, the branch): GitHub rejects the whole upload
 *       when any result lacks a physical location ("locationFromSarifResult: expected at least one
 *       location"), so such findings are anchored at {@link Options#anchorPath()} line 1 and keep
 *       their logical location (§3.33) and a location message saying so.</li>
 *   <li>§3.27.23 suppressions for inline ({@code inSource}) and baseline ({@code external}) ones.</li>
 * </ul>
 *
 * No timestamps, no absolute paths, no source snippets: the same report gives the same bytes.
 */
public final class SarifWriter implements ReportWriter {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";
    public static final String FINGERPRINT_KEY = "mergegate/v1";
    public static final String LINE_HASH_KEY = "primaryLocationLineHash";

    /** GitHub's limit on rule description texts. */
    private static final int MAX_DESCRIPTION = 1024;

    /**
     * Settings of the SARIF output.
     *
     * @param category       {@code runAutomationDetails.id} prefix (GitHub's upload category), or null
     * @param anchorPath     repository-relative file that path-less findings are anchored at
     * @param informationUri the tool's home page
     * @param maxResults     results kept in the run (GitHub rejects a run with more than 25,000)
     */
    public record Options(String category, String anchorPath, String informationUri, int maxResults) {

        public static final String DEFAULT_ANCHOR = ".mergegate.yml";
        public static final String DEFAULT_INFORMATION_URI = "https://github.com/mergegate/mergegate";
        public static final int GITHUB_MAX_RESULTS = 25_000;

        public Options {
            category = category == null || category.isBlank() ? null : category.strip();
            anchorPath = anchorPath == null || anchorPath.isBlank() ? DEFAULT_ANCHOR
                    : anchorPath.replace('\\', '/').replaceFirst("^(\\./)+", "");
            informationUri = informationUri == null || informationUri.isBlank() ? DEFAULT_INFORMATION_URI : informationUri;
            maxResults = maxResults <= 0 ? GITHUB_MAX_RESULTS : maxResults;
        }

        public static Options defaults() {
            return new Options(null, null, null, GITHUB_MAX_RESULTS);
        }

        public Options withCategory(String c) {
            return new Options(c, anchorPath, informationUri, maxResults);
        }

        /** Usually the config file the run used, e.g. {@code .mergegate.yml}. */
        public Options withAnchorPath(String p) {
            return new Options(category, p, informationUri, maxResults);
        }

        public Options withMaxResults(int n) {
            return new Options(category, anchorPath, informationUri, n);
        }
    }

    private final Options options;

    public SarifWriter() {
        this(Options.defaults());
    }

    public SarifWriter(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        out.write(Json.write(toSarif(report)));
        out.flush();
    }

    /** The SARIF log as ordered maps and lists (see {@link Json}). */
    public Map<String, Object> toSarif(RunReport report) {
        List<RuleDescriptor> rules = rulesOf(report);
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA_URI);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run(report, rules, ruleIndex)));
        return log;
    }

    /** §3.14 run. */
    private Map<String, Object> run(RunReport report, List<RuleDescriptor> rules, Map<String, Integer> ruleIndex) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver(report, rules)));
        List<Finding> kept = kept(report);
        run.put("invocations", List.of(invocation(report, report.findings().size() - kept.size())));
        if (options.category() != null) {
            String id = options.category().endsWith("/") ? options.category() : options.category() + "/";
            run.put("automationDetails", Map.of("id", id));
        }
        Map<String, Object> srcroot = new LinkedHashMap<>();
        srcroot.put("description", text("The root of the repository the gate checked."));
        run.put("originalUriBaseIds", Map.of(SRCROOT, srcroot));
        Map<String, Integer> occurrences = new HashMap<>();
        List<Object> results = new ArrayList<>();
        for (Finding f : kept) {
            results.add(result(f, ruleIndex.get(f.ruleId()), occurrences));
        }
        run.put("results", results);
        run.put("columnKind", "utf16CodeUnits");
        Map<String, Object> props = new LinkedHashMap<>();
        putIfPresent(props, "mergegate/base", report.baseLabel());
        putIfPresent(props, "mergegate/head", report.headLabel());
        putIfPresent(props, "mergegate/headCommit", report.headCommit());
        props.put("mergegate/blocking", report.blockingCount());
        props.put("mergegate/exitCode", report.exitCode());
        run.put("properties", props);
        return run;
    }

    /** §3.20 invocation: success flag and one notification per failed checker; no times (determinism). */
    private static Map<String, Object> invocation(RunReport report, int leftOut) {
        Map<String, Object> inv = new LinkedHashMap<>();
        inv.put("executionSuccessful", report.exitCode() != 3
                && report.checkers().stream().allMatch(c -> c.error() == null));
        List<Object> notes = new ArrayList<>();
        for (RunReport.CheckerRun c : report.checkers()) {
            if (c.error() != null) {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("level", "error");
                n.put("message", text("Checker " + c.id() + " failed: " + ReportText.oneLine(c.error())));
                n.put("descriptor", Map.of("id", "mergegate/checker-failed"));
                notes.add(n);
            }
        }
        if (leftOut > 0) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("level", "warning");
            n.put("message", text(leftOut + " less severe findings are left out: GitHub accepts at most "
                    + Options.GITHUB_MAX_RESULTS + " results per run. The JSON and JUnit reports list them all."));
            n.put("descriptor", Map.of("id", "mergegate/results-truncated"));
            notes.add(n);
        }
        if (!notes.isEmpty()) {
            inv.put("toolExecutionNotifications", notes);
        }
        return inv;
    }

    /**
     * All findings, or when there are more than {@link Options#maxResults()}, the most important ones
     * (blocking, then by severity, unsuppressed before suppressed) in the report's order.
     */
    private List<Finding> kept(RunReport report) {
        List<Finding> all = report.findings();
        if (all.size() <= options.maxResults()) {
            return all;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparing((Integer i) -> !report.isBlocking(all.get(i)))
                .thenComparing(i -> all.get(i).severity())
                .thenComparing(i -> all.get(i).isSuppressed())
                .thenComparing(i -> i));
        boolean[] keep = new boolean[all.size()];
        order.subList(0, options.maxResults()).forEach(i -> keep[i] = true);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (keep[i]) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    /** §3.19.2 toolComponent for the driver. */
    private Map<String, Object> driver(RunReport report, List<RuleDescriptor> rules) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", "mergegate");
        d.put("version", report.toolVersion());
        if (report.toolVersion().matches("\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]*)?")) {
            d.put("semanticVersion", report.toolVersion());
        }
        d.put("informationUri", options.informationUri());
        Map<String, TreeSet<String>> deprecatedIds = new HashMap<>();
        for (RuleDescriptor r : rules) {
            if (!r.replacedBy().isEmpty()) {
                deprecatedIds.computeIfAbsent(r.replacedBy(), k -> new TreeSet<>()).add(r.id());
            }
        }
        List<Object> list = new ArrayList<>();
        for (RuleDescriptor r : rules) {
            list.add(rule(r, deprecatedIds.getOrDefault(r.id(), new TreeSet<>())));
        }
        d.put("rules", list);
        return d;
    }

    /** §3.49 reportingDescriptor. */
    private static Map<String, Object> rule(RuleDescriptor r, TreeSet<String> deprecatedIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        if (!deprecatedIds.isEmpty()) {
            m.put("deprecatedIds", List.copyOf(deprecatedIds));
        }
        m.put("name", pascalCase(r.id()));
        String shortText = r.shortDescription().isBlank() ? r.id() : ReportText.oneLine(r.shortDescription());
        m.put("shortDescription", text(ReportText.cap(shortText, MAX_DESCRIPTION)));
        m.put("fullDescription", text(ReportText.cap(fullDescription(r, shortText), MAX_DESCRIPTION)));
        Map<String, Object> help = new LinkedHashMap<>();
        String markdown = r.help().isBlank() ? shortText : r.help().strip();
        help.put("text", plainText(markdown));
        help.put("markdown", markdown);
        m.put("help", help);
        if (!r.helpUri().isBlank()) {
            m.put("helpUri", r.helpUri());
        }
        Map<String, Object> config = new LinkedHashMap<>();
        if (!r.enabledByDefault()) {
            config.put("enabled", false);
        }
        config.put("level", r.defaultSeverity().id());
        m.put("defaultConfiguration", config);
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>(new TreeSet<>(r.tags()));
        props.put("tags", tags);
        if (r.status() != io.mergegate.core.RuleStatus.STABLE) {
            props.put("status", r.status().id());
        }
        if (!r.replacedBy().isEmpty()) {
            props.put("replacedBy", r.replacedBy());
        }
        m.put("properties", props);
        return m;
    }

    /** The "Why" section of the help as plain text, else the short description. */
    private static String fullDescription(RuleDescriptor r, String shortText) {
        String why = section(r.help(), "Why");
        String t = plainText(why.isBlank() ? "" : why).replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? shortText : t;
    }

    private static String section(String body, String heading) {
        String marker = "## " + heading;
        int start = body.startsWith(marker) ? 0 : body.indexOf("\n" + marker);
        if (start < 0) {
            return "";
        }
        int from = body.indexOf('\n', start + 1);
        if (from < 0) {
            return "";
        }
        int next = body.indexOf("\n## ", from);
        return body.substring(from + 1, next < 0 ? body.length() : next).strip();
    }

    /** Markdown to readable plain text: heading marks and backticks removed, nothing else. */
    static String plainText(String markdown) {
        return markdown.replace("\r\n", "\n").replaceAll("(?m)^#{1,6} +", "").replace("`", "").strip();
    }

    /** {@code branch/invalid-name -> BranchInvalidName}. */
    static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : id.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            } else {
                up = true;
            }
        }
        return sb.toString();
    }

    /** §3.27 result. */
    private Map<String, Object> result(Finding f, Integer ruleIndex, Map<String, Integer> occurrences) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ruleId", f.ruleId());
        r.put("ruleIndex", ruleIndex);
        r.put("level", level(f.severity()));
        r.put("message", text(f.message().isBlank() ? f.ruleId() : f.message()));
        r.put("locations", List.of(location(f)));
        int n = occurrences.merge(f.ruleId() + '\u0000' + f.fingerprint(), 1, Integer::sum);
        Map<String, Object> pf = new LinkedHashMap<>();
        pf.put(FINGERPRINT_KEY, f.fingerprint());
        pf.put(LINE_HASH_KEY, lineHash(f.fingerprint()) + ":" + n);
        r.put("partialFingerprints", pf);
        f.optionalSuppression().ifPresent(s -> {
            Map<String, Object> sup = new LinkedHashMap<>();
            sup.put("kind", s.kind().sarifKind());
            sup.put("status", "accepted");
            if (s.justification() != null && !s.justification().isBlank()) {
                sup.put("justification", s.justification());
            }
            r.put("suppressions", List.of(sup));
        });
        if (!f.properties().isEmpty()) {
            r.put("properties", new TreeMap<>(f.properties()));
        }
        return r;
    }

    /** 16 hex characters of the stable fingerprint, the shape GitHub uses for its own line hashes. */
    private static String lineHash(String fingerprint) {
        String hex = fingerprint.matches("[0-9a-f]{16,}") ? fingerprint : io.mergegate.core.Fingerprints.of(fingerprint);
        return hex.substring(0, 16);
    }

    /** §3.28 location. */
    private Map<String, Object> location(Finding f) {
        Map<String, Object> loc = new LinkedHashMap<>();
        String path = f.location().path();
        Map<String, Object> physical = new LinkedHashMap<>();
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", uri(path != null ? path : options.anchorPath()));
        artifact.put("uriBaseId", SRCROOT);
        physical.put("artifactLocation", artifact);
        physical.put("region", path != null && f.location().region() != null ? region(f.location().region())
                : Map.of("startLine", 1));
        loc.put("physicalLocation", physical);
        String logical = f.location().logical();
        if (path == null) {
            String what = logical == null ? ReportText.PULL_REQUEST : logical;
            loc.put("message", text("Not about a file: this finding concerns the " + ReportText.oneLine(what)
                    + "; it is shown at the gate configuration."));
            loc.put("logicalLocations", List.of(logical(what)));
        } else if (logical != null) {
            loc.put("logicalLocations", List.of(logical(logical)));
        }
        return loc;
    }

    private static Map<String, Object> logical(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("fullyQualifiedName", name);
        return m;
    }

    /** §3.30 region; columns of 0 (unknown) are left out. */
    private static Map<String, Object> region(Region g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startLine", g.startLine());
        if (g.startColumn() > 0) {
            m.put("startColumn", g.startColumn());
        }
        if (g.endLine() != g.startLine()) {
            m.put("endLine", g.endLine());
        }
        if (g.endColumn() > 0 && (g.endLine() != g.startLine() || g.endColumn() > g.startColumn())) {
            m.put("endColumn", g.endColumn());
        }
        return m;
    }

    /** A relative URI reference (RFC 3986): path segments percent-encoded, slashes kept. */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String level(Severity s) {
        return s.id();
    }

    private static Map<String, Object> text(String t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", t);
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    /** The report's rules, plus a minimal descriptor for any rule id that only appears in findings. */
    static List<RuleDescriptor> rulesOf(RunReport report) {
        Map<String, RuleDescriptor> byId = new TreeMap<>();
        report.rules().forEach(r -> byId.putIfAbsent(r.id(), r));
        for (Finding f : report.findings()) {
            byId.computeIfAbsent(f.ruleId(), id -> new RuleDescriptor(id, f.severity(), null,
                    "Rule " + id + " (not in the rule catalogue of this run).", "", "", "", "", List.of(), "", true));
        }
        return List.copyOf(byId.values());
    }
}
