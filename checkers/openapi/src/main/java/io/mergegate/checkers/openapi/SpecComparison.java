package io.mergegate.checkers.openapi;

import io.mergegate.core.spi.ChangeLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the checker concludes about one spec: parse and validity problems, the changes
 * against the base spec, the semantic-versioning and URI-version rules, and the change level.
 */
final class SpecComparison {

    private static final Pattern URI_VERSION = Pattern.compile("(?:^|/)v(\\d{1,6})(?=/|$)");

    final String headPath;
    final String basePath;
    final List<Change> changes = new ArrayList<>();
    ChangeLevel level = ChangeLevel.NONE;
    String oldVersion;
    String newVersion;
    String summary = "";
    /** True when the head spec could not be judged (unparseable or invalid). */
    boolean headBroken;
    /** True when head is a new major's file ({@code svc-v3.yaml}) compared with the previous major's. */
    boolean acrossVersions;
    private int budget = OpenApiDiff.BUDGET;

    private SpecComparison(String basePath, String headPath) {
        this.basePath = basePath;
        this.headPath = headPath;
    }

    /** Compares {@code basePath} in {@code base} (may be null: a new spec) with {@code headPath} in {@code head}. */
    static SpecComparison run(Workspace base, String basePath, Workspace head, String headPath, Policy policy) {
        return run(base, basePath, head, headPath, policy, basePath != null && !basePath.equals(headPath));
    }

    /** As {@link #run(Workspace, String, Workspace, String, Policy)}, saying whether the files are different majors. */
    static SpecComparison run(Workspace base, String basePath, Workspace head, String headPath, Policy policy,
            boolean acrossVersions) {
        return run(base, basePath, head, headPath, policy, acrossVersions, OpenApiDiff.BUDGET);
    }

    /** As above, with at most {@code budget} schema comparisons before the rest is reported as not checked. */
    static SpecComparison run(Workspace base, String basePath, Workspace head, String headPath, Policy policy,
            boolean acrossVersions, int budget) {
        SpecComparison c = new SpecComparison(basePath, headPath);
        c.acrossVersions = acrossVersions;
        c.budget = budget;
        c.compare(base, head, policy);
        return c;
    }

    private void add(String rule, Located at, String pointer, Map<String, String> args) {
        changes.add(new Change(rule, "", "", pointer, at, args));
    }

    private void compare(Workspace base, Workspace head, Policy policy) {
        SpecLoader.Result h = head.load(headPath).orElseThrow();
        if (!h.ok()) {
            headBroken = true;
            SpecLoader.Problem p = h.problem();
            add("spec-unparseable", new Located(headPath, "", SpecNode.scalar(Math.max(1, p.line()),
                    Math.max(1, p.column()), "", "str")), "", Map.of("problem", p.message()));
            return;
        }
        Located headRoot = head.root(headPath);
        if (!headRoot.node().isMap() || headRoot.node().string("openapi") == null) {
            headBroken = true;
            add("spec-invalid", headRoot, "", Map.of("problem", "the document has no `openapi` version field"));
            return;
        }
        // swagger-parser's validation is the slowest step on a cold JVM: it runs beside the diff,
        // whose result is dropped when the spec turns out to be structurally invalid
        CompletableFuture<List<SpecValidator.Message>> validation =
                CompletableFuture.supplyAsync(() -> SpecValidator.validate(h.text(), h.root()));
        RuntimeException failure = null;
        try {
            diff(base, head, headRoot, policy);
        } catch (RuntimeException e) {
            failure = e;
        }
        List<SpecValidator.Message> messages = validation.join();
        if (messages.stream().anyMatch(SpecValidator.Message::structural)) {
            headBroken = true;
            changes.clear();
            level = ChangeLevel.NONE;
        } else if (failure != null) {
            throw failure;
        }
        List<Change> quality = new ArrayList<>();
        for (SpecValidator.Message m : messages.subList(0, Math.min(20, messages.size()))) {
            quality.add(new Change(m.structural() ? "spec-invalid" : "spec-incomplete", "", "", "/" + m.text(),
                    new Located(headPath, "", SpecNode.scalar(m.line(), m.column(), "", "str")),
                    Map.of("problem", m.text())));
        }
        changes.addAll(0, quality);
    }

    private void diff(Workspace base, Workspace head, Located headRoot, Policy policy) {
        newVersion = headRoot.node().get("info") == null ? null : headRoot.node().get("info").string("version");
        if (basePath == null) {
            level = ChangeLevel.MINOR;
            summary = "new spec";
            return;
        }
        SpecLoader.Result b = base.load(basePath).orElse(null);
        if (b == null) {
            return;
        }
        if (!b.ok() || !b.root().isMap() || b.root().string("openapi") == null) {
            add("base-spec-unparseable", headRoot, "", Map.of("base", basePath,
                    "problem", b.ok() ? "the document has no `openapi` version field" : b.problem().message()));
            return;
        }
        Located baseRoot = base.root(basePath);
        oldVersion = baseRoot.node().get("info") == null ? null : baseRoot.node().get("info").string("version");
        OpenApiDiff diff = new OpenApiDiff(base, basePath, head, headPath, policy, acrossVersions, budget);
        changes.addAll(diff.run());
        if (diff.exhausted()) {
            add("spec-too-complex", headRoot, "", Map.of("limit", String.valueOf(budget)));
        }
        level = levelOf(changes, baseRoot.node().canonical().equals(headRoot.node().canonical()));
        // the change that set the level explains the version rule's verdict
        summary = changes.stream().filter(ch -> levelOf(List.of(ch), false) == level).findFirst()
                .map(ch -> (ch.rule() + " " + ch.operation()).trim()).orElse("");
        versioning(baseRoot, headRoot);
        uriVersions(baseRoot, headRoot);
    }

    private static ChangeLevel levelOf(List<Change> changes, boolean identical) {
        ChangeLevel level = identical ? ChangeLevel.NONE : ChangeLevel.PATCH;
        for (Change c : changes) {
            Rules.Impact impact = Rules.get(c.rule()).impact();
            ChangeLevel l = switch (impact) {
                case MAJOR -> ChangeLevel.MAJOR;
                case MINOR -> ChangeLevel.MINOR;
                case PATCH -> ChangeLevel.PATCH;
                case NONE -> ChangeLevel.NONE;
            };
            level = ChangeLevel.max(level, l);
        }
        return level;
    }

    private void versioning(Located baseRoot, Located headRoot) {
        if (level == ChangeLevel.NONE) {
            return;
        }
        Located at = headRoot.child("info").child("version");
        if (at.node() == null) {
            at = headRoot.child("info").node() != null ? headRoot.child("info") : headRoot;
        }
        SemVer hv = SemVer.parse(newVersion);
        if (hv == null) {
            add("api-version-not-semver", at, "/info/version", Map.of("value", String.valueOf(newVersion)));
            return;
        }
        SemVer bv = SemVer.parse(oldVersion);
        if (bv == null) {
            return;
        }
        Map<String, String> args = Map.of("old", oldVersion, "new", newVersion, "level", level.name(),
                "reason", summary, "bump", bv.major() == 0 ? "minor (0.y.z)" : "major",
                "movement", hv.compareTo(bv) == 0 ? "stays " + newVersion : "went from " + oldVersion + " to " + newVersion);
        if (hv.compareTo(bv) < 0) {
            add("api-version-decreased", at, "/info/version", args);
            return;
        }
        if (bv.pre() != null && hv.sameRelease(bv) && hv.compareTo(bv) > 0) {
            return; // from a pre-release towards its release: pre-releases promise no compatibility (SemVer item 9)
        }
        if (level == ChangeLevel.MAJOR) {
            boolean enough = bv.major() == 0 ? hv.major() > 0 || hv.minor() > bv.minor() : hv.major() > bv.major();
            if (hv.compareTo(bv) == 0) {
                add("api-version-not-bumped", at, "/info/version", args);
            } else if (!enough) {
                add("api-major-version-not-bumped", at, "/info/version", args);
            }
        } else if (level == ChangeLevel.MINOR && hv.major() == bv.major() && hv.minor() == bv.minor()) {
            add("api-minor-version-not-bumped", at, "/info/version", args);
        }
    }

    /** The URI major version of a path: a {@code /v{N}} segment of the path, else of the first server URL. */
    private static Integer uriVersion(Located root, String path) {
        Matcher m = URI_VERSION.matcher(path);
        if (m.find()) {
            return Integer.valueOf(m.group(1));
        }
        SpecNode servers = root.node().get("servers");
        if (servers != null && servers.isList() && !servers.items().isEmpty()) {
            String url = servers.items().get(0).string("url");
            if (url != null) {
                Matcher s = URI_VERSION.matcher(url.replaceFirst("^[a-z]+://[^/]*", ""));
                if (s.find()) {
                    return Integer.valueOf(s.group(1));
                }
            }
        }
        return null;
    }

    private void uriVersions(Located baseRoot, Located headRoot) {
        Set<Integer> baseVersions = new LinkedHashSet<>();
        SpecNode bp = baseRoot.node().get("paths");
        if (bp != null) {
            bp.fields().keySet().forEach(p -> {
                Integer v = uriVersion(baseRoot, p);
                if (v != null) {
                    baseVersions.add(v);
                }
            });
        }
        Map<String, Change> breakingByOperation = new LinkedHashMap<>();
        for (Change c : changes) {
            if (!c.method().isEmpty() && Rules.get(c.rule()).impact() == Rules.Impact.MAJOR) {
                breakingByOperation.putIfAbsent(c.operation(), c);
            }
        }
        for (Change c : breakingByOperation.values()) {
            Integer v = uriVersion(headRoot, c.path());
            if (v != null && baseVersions.contains(v)) {
                Located op = headRoot.child("paths").child(c.path()).child(c.method().toLowerCase(java.util.Locale.ROOT));
                add("api-uri-version-not-bumped", op.node() != null ? op : c.at(),
                        "/paths/" + Located.escape(c.path()) + "/" + c.method().toLowerCase(java.util.Locale.ROOT),
                        Map.of("operation", c.operation(), "version", "v" + v, "reason", c.rule()));
            }
        }
        SemVer hv = SemVer.parse(newVersion);
        SpecNode hp = headRoot.node().get("paths");
        if (hv == null || hp == null) {
            return;
        }
        Set<Integer> reported = new LinkedHashSet<>();
        for (String p : hp.fields().keySet()) {
            Integer v = uriVersion(headRoot, p);
            if (v != null && !baseVersions.contains(v) && v != hv.major() && reported.add(v)) {
                String subject = URI_VERSION.matcher(p).find() ? "the new path `" + p + "`"
                        : "the path `" + p + "` (its server URL's `/v" + v + "`)";
                add("api-uri-version-mismatch", headRoot.child("paths").child(p), "/paths/" + Located.escape(p),
                        Map.of("path", p, "subject", subject, "version", "v" + v, "new", newVersion));
            }
        }
    }
}
