package io.mergegate.checkers.openapi;

import io.mergegate.core.Finding;
import io.mergegate.core.Location;
import io.mergegate.core.Severity;
import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.ChangeStatus;
import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.Glob;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.ApiChange;
import io.mergegate.core.spi.Artifact;
import io.mergegate.core.spi.ChangeLevel;
import io.mergegate.core.spi.Checker;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.FactKey;
import io.mergegate.core.spi.GateContext;
import io.mergegate.core.spi.KnownFacts;
import io.mergegate.core.spi.Mode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAPI 3.0/3.1 breaking-change, versioning and lifecycle rules for every spec in the change.
 * Publishes the change level of each spec ({@link KnownFacts#API_CHANGES}) and lists each spec at
 * head as an artifact ({@link KnownFacts#ARTIFACTS}).
 */
public final class OpenApiChecker implements Checker {

    public static final String ID = "openapi";
    static final List<String> DEFAULT_SPECS = List.of("**/openapi/**/*.{yaml,yml,json}", "**/*openapi*.{yaml,yml,json}");
    private static final Pattern VERSIONED_FILE = Pattern.compile("(.*)-v(\\d{1,6})(\\.(?:ya?ml|json))");

    /** About the file itself rather than the change: reported only when the change touches the file. */
    private static final Set<String> QUALITY_RULES = Set.of("spec-unparseable", "spec-invalid", "spec-incomplete",
            "base-spec-unparseable", "spec-too-complex");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "OpenAPI 3.0/3.1 breaking changes, semantic versioning, URI versions and deprecation lifecycle";
    }

    @Override
    public Set<String> ruleIds() {
        Set<String> out = new TreeSet<>();
        Rules.names().forEach(n -> out.add(ID + "/" + n));
        return out;
    }

    @Override
    public Set<FactKey<?>> produces() {
        return Set.of(KnownFacts.API_CHANGES, KnownFacts.ARTIFACTS);
    }

    @Override
    public boolean supports(Mode mode) {
        return mode != Mode.TREE;
    }

    private static final java.util.regex.Pattern SPEC_LIKE =
            java.util.regex.Pattern.compile("(?i).*\\.(ya?ml|json)");

    @Override
    public List<Finding> check(GateContext ctx) {
        CheckerConfig config = ctx.config();
        if (!config.bool("enabled", true)) {
            return List.of();
        }
        List<Glob> globs = Glob.all(config.strings("specs", DEFAULT_SPECS));
        Policy policy = new Policy(LocalDate.now(ctx.clock()), deprecationDays(config));
        Workspace base = new Workspace(p -> ctx.base().file(p));
        Workspace head = new Workspace(p -> ctx.head().file(p));
        List<Finding> findings = new ArrayList<>();
        List<String> headSpecs = specs(ctx.head(), head, globs);
        // A spec is judged when it, or any YAML/JSON file it might reference, changed. When none did,
        // every spec is the same at base and head: nothing to compare.
        boolean structuredFileChanged = ctx.changes().all().stream()
                .anyMatch(c -> SPEC_LIKE.matcher(c.path()).matches()
                        || c.oldPath() != null && SPEC_LIKE.matcher(c.oldPath()).matches());
        if (!structuredFileChanged) {
            for (String path : headSpecs) {
                ctx.facts().publish(KnownFacts.ARTIFACTS, new Artifact(ID, path));
                ctx.facts().publish(KnownFacts.API_CHANGES, new ApiChange(ID, path, ChangeLevel.NONE, null, null,
                        "unchanged"));
            }
            return findings;
        }
        List<String> baseSpecs = specs(ctx.base(), base, globs);
        // base specs that live on at head under another name (renamed or moved): not removed
        Set<String> movedAway = new HashSet<>();
        Set<String> reportedRefs = new HashSet<>();
        for (String path : headSpecs) {
            ctx.facts().publish(KnownFacts.ARTIFACTS, new Artifact(ID, path));
            Pairing pair = pairedBase(path, baseSpecs, ctx.changes());
            String basePath = pair.basePath();
            if (basePath != null && !basePath.equals(path) && !pair.acrossVersions()) {
                movedAway.add(basePath);
            }
            SpecComparison c = SpecComparison.run(base, basePath, head, path, policy, pair.acrossVersions());
            boolean touched = ctx.changes().isChanged(path) || basePath == null || !basePath.equals(path);
            for (Finding f : findings(ctx::report, path, c)) {
                if (touched || !QUALITY_RULES.contains(f.ruleId().substring(ID.length() + 1))) {
                    findings.add(f);
                }
            }
            // an untouched spec's refs matter when the change moved or deleted what they name
            for (Change ch : unresolvedRefs(base, head, path,
                    target -> touched || target != null && changed(ctx.changes(), target))) {
                if (reportedRefs.add(ch.pointer())) {
                    findings.add(finding(ctx::report, path, ch));
                }
            }
            if (!c.headBroken) {
                ctx.facts().publish(KnownFacts.API_CHANGES, new ApiChange(ID, path, c.level, c.oldVersion, c.newVersion,
                        c.summary));
            }
        }
        for (String removed : baseSpecs) {
            if (!ctx.head().contains(removed) && !movedAway.contains(removed)) {
                OpenApiDiff diff = new OpenApiDiff(base, removed, Workspace.deleted(removed), removed, policy, false);
                for (Change ch : diff.run()) {
                    findings.add(finding(ctx::report, removed, ch).withLocation(new Location(removed, null, ch.pointer())));
                }
                base.drainUnresolved(); // the whole spec is gone: what its refs named is gone with it
                ctx.facts().publish(KnownFacts.API_CHANGES, new ApiChange(ID, removed, ChangeLevel.MAJOR, null, null,
                        "spec removed"));
            }
        }
        return findings;
    }

    static Map<String, Integer> deprecationDays(CheckerConfig config) {
        Map<String, Integer> days = new HashMap<>(Policy.DEFAULT_DAYS);
        Optional<Object> v = config.get("deprecation-days");
        if (v.isPresent() && v.get() instanceof Number n) {
            days.put("stable", n.intValue());
            days.put("beta", n.intValue());
        } else if (v.isPresent() && v.get() instanceof Map<?, ?> m) {
            m.forEach((k, d) -> {
                if (d instanceof Number n) {
                    days.put(String.valueOf(k), n.intValue());
                }
            });
        }
        return days;
    }

    /** Files matching the globs whose root has an {@code openapi} field (fragments are skipped). */
    private static List<String> specs(SourceTree tree, Workspace ws, List<Glob> globs) {
        List<String> out = new ArrayList<>();
        for (String p : tree.paths()) {
            if (!Glob.anyMatch(globs, p)) {
                continue;
            }
            SpecLoader.Result r = ws.load(p).orElse(null);
            if (r == null) {
                continue;
            }
            if (!r.ok() || (r.root().isMap() && r.root().has("openapi"))) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The base file a head spec is compared with.
     *
     * @param basePath       the base spec, or null for a new spec
     * @param acrossVersions head is a later major's file ({@code svc-v3.yaml} against {@code svc-v2.yaml})
     */
    record Pairing(String basePath, boolean acrossVersions) {
    }

    /**
     * The same path; else the path it was renamed from (git's rename detection); else the previous
     * major's {@code name-v{N-1}} file.
     */
    static Pairing pairedBase(String path, List<String> baseSpecs, ChangeSet changes) {
        if (baseSpecs.contains(path)) {
            return new Pairing(path, false);
        }
        String old = changes.get(path).filter(c -> c.status() == ChangeStatus.RENAMED).map(ChangedPath::oldPath)
                .orElse(null);
        if (old != null && baseSpecs.contains(old)) {
            return new Pairing(old, laterMajor(old, path));
        }
        Matcher m = VERSIONED_FILE.matcher(path);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(2));
            for (int prev = n - 1; prev >= Math.max(0, n - 5); prev--) {
                String candidate = m.group(1) + "-v" + prev + m.group(3);
                if (baseSpecs.contains(candidate)) {
                    return new Pairing(candidate, true);
                }
            }
        }
        return new Pairing(null, false);
    }

    /**
     * The {@code $ref}s the last comparison could not follow, as {@code spec-incomplete}: what they name
     * was not compared, which must not pass silently. Base-side ones point at the head spec's root.
     *
     * @param relevant which target files (null: remote or outside the repository) to report
     */
    static List<Change> unresolvedRefs(Workspace base, Workspace head, String headPath, Predicate<String> relevant) {
        List<Change> out = new ArrayList<>();
        for (Workspace.Unresolved u : head.drainUnresolved()) {
            if (relevant.test(u.target())) {
                out.add(unresolved(u, u.at(), ""));
            }
        }
        for (Workspace.Unresolved u : base.drainUnresolved()) {
            if (relevant.test(u.target())) {
                out.add(unresolved(u, head.root(headPath), "base "));
            }
        }
        return out;
    }

    /**
     * A broken ref in the head spec is an error (the spec is incomplete where the change is); a remote ref
     * (never fetched) or one the base could not follow is a warning: not compared, but not this change's fault.
     */
    private static Change unresolved(Workspace.Unresolved u, Located at, String side) {
        boolean broken = side.isEmpty() && !u.remote();
        return new Change(broken ? "spec-ref-unresolved" : "spec-ref-not-followed", "", "",
                side + u.at().file() + "#" + u.at().pointer(), at, Map.of("side", side, "ref", u.ref(),
                        "where", u.at().file() + ":" + u.at().line(), "reason", u.reason()));
    }

    /** Whether the change touched a path at base or head (a rename's old path included). */
    private static boolean changed(ChangeSet changes, String path) {
        return changes.isChanged(path) || changes.all().stream().anyMatch(c -> path.equals(c.oldPath()));
    }

    /** True when both file names are {@code {service}-v{N}} of one service and head's N is higher. */
    static boolean laterMajor(String basePath, String headPath) {
        Matcher b = VERSIONED_FILE.matcher(fileName(basePath));
        Matcher h = VERSIONED_FILE.matcher(fileName(headPath));
        return b.matches() && h.matches() && b.group(1).equals(h.group(1))
                && Integer.parseInt(h.group(2)) > Integer.parseInt(b.group(2));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * A comparison's changes as findings; a new major's file may break the previous major, which is
     * reported as a note rather than a violation.
     */
    static List<Finding> findings(Function<String, Finding.Builder> report, String specPath, SpecComparison c) {
        List<Finding> out = new ArrayList<>();
        for (Change ch : c.changes) {
            Finding f = finding(report, specPath, ch);
            boolean newMajor = c.acrossVersions && Rules.get(ch.rule()).impact() == Rules.Impact.MAJOR;
            out.add(newMajor ? f.withSeverity(Severity.NOTE) : f);
        }
        return out;
    }

    /** A change as a finding: located at the head node, fingerprinted by rule, method, path and pointer. */
    static Finding finding(Function<String, Finding.Builder> report, String specPath, Change ch) {
        Located at = ch.at();
        String file = at == null ? specPath : at.file();
        String key = String.join(" ", ch.rule(), ch.method(), ch.path(), ch.pointer());
        Finding.Builder b = report.apply(ID + "/" + ch.rule()).at(file, at == null ? 0 : at.line(), at == null ? 0 : at.column())
                .args(ch.args()).logical(ch.pointer().isEmpty() ? null : ch.pointer()).key(specPath + " " + key)
                .property("operation", ch.operation().isEmpty() ? null : ch.operation());
        if (!file.equals(specPath)) {
            b.property("spec", specPath);
        }
        return b.build();
    }
}
