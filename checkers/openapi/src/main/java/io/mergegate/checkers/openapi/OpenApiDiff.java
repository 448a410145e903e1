package io.mergegate.checkers.openapi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two parsed specs operation by operation. Paths match with parameter names ignored
 * ({@code /users/{id}} = {@code /users/{userId}}); path-level parameters are merged into each
 * operation; operations marked {@code x-stability-level: draft|alpha} at base are exempt.
 */
final class OpenApiDiff {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final List<String> STABILITY = List.of("draft", "alpha", "beta", "stable");
    private static final Pattern URI_VERSION = Pattern.compile("/v\\d+(?=/|$)");
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}/]*}");
    /** Upper bound on schema comparisons per spec pair, so a pathological spec cannot run unbounded. */
    static final int BUDGET = 2_000_000;

    private final Workspace base;
    private final Workspace head;
    private final Located baseRoot;
    private final Located headRoot;
    private final Policy policy;
    private final SchemaDiff schemas;
    private final List<Change> changes = new ArrayList<>();
    private final Set<String> reported = new java.util.HashSet<>();
    private int budget;

    private final boolean acrossVersions;
    /** The stability of the operation being compared: its properties' deprecation notice follows it. */
    private String operationStability = "stable";

    /**
     * @param acrossVersions the two files are different majors ({@code svc-v2.yaml} → {@code svc-v3.yaml}):
     *                       {@code /v{N}} path segments are ignored when matching paths
     */
    OpenApiDiff(Workspace base, String basePath, Workspace head, String headPath, Policy policy,
            boolean acrossVersions) {
        this(base, basePath, head, headPath, policy, acrossVersions, BUDGET);
    }

    OpenApiDiff(Workspace base, String basePath, Workspace head, String headPath, Policy policy,
            boolean acrossVersions, int budget) {
        this.acrossVersions = acrossVersions;
        this.budget = budget;
        this.base = base;
        this.head = head;
        this.baseRoot = base.root(basePath);
        this.headRoot = head.root(headPath);
        this.policy = policy;
        this.schemas = new SchemaDiff(this, base, head);
    }

    boolean spend() {
        return --budget > 0;
    }

    boolean exhausted() {
        return budget <= 0;
    }

    void emit(String rule, String method, String path, String pointer, Located at, Map<String, String> args) {
        if (!Rules.has(rule)) {
            // a change without a rule would pass unreported: fail closed instead (RuleNamespaceTest keeps this away)
            throw new IllegalStateException("the OpenAPI checker has no rule `" + rule + "` for a change at " + pointer);
        }
        Map<String, String> a = new LinkedHashMap<>(args);
        if (removal(rule) && !a.containsKey("base")) {
            a.put("base", baseLocation(pointer));
        }
        a.putIfAbsent("operation", method.isEmpty() ? path : method + " " + path);
        a.putIfAbsent("method", method);
        a.putIfAbsent("path", path);
        // one schema reached twice (a oneOf of allOf variants sharing a base) gives the same message twice
        if (!reported.add(rule + "\u0000" + new java.util.TreeMap<>(a))) {
            return;
        }
        Located where = at != null && at.node() != null ? at : headRoot;
        changes.add(new Change(rule, method, path, pointer, where, a));
    }

    /** Rules about something the base had and the head lost: their message names where it was in the base. */
    static boolean removal(String rule) {
        return rule.endsWith("-removed") || rule.endsWith("-deleted") || rule.endsWith("-unset")
                || rule.contains("-removed-");
    }

    /** The base node at a logical pointer, or its nearest ancestor there (a renamed path, a flattened allOf). */
    private String baseLocation(String pointer) {
        String p = pointer;
        while (true) {
            Located l = p.isEmpty() ? baseRoot : base.walk(baseRoot, p);
            if (l.node() != null || p.isEmpty()) {
                return describeBase(l.node() != null ? l : baseRoot);
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** "line 42", or "schemas/user.yaml line 12" when the node sits in another file than the base spec. */
    String describeBase(Located l) {
        return (l.file().equals(baseRoot.file()) ? "" : l.file() + " ") + "line " + l.line();
    }

    List<Change> run() {
        specVersion();
        Map<String, Located> bp = paths(baseRoot, acrossVersions);
        Map<String, Located> hp = paths(headRoot, acrossVersions);
        for (Map.Entry<String, Located> e : bp.entrySet()) {
            Located hpath = hp.get(e.getKey());
            if (hpath == null) {
                for (Op op : operations(base, e.getValue())) {
                    removed(op, true);
                }
            } else {
                comparePath(e.getValue(), hpath);
            }
        }
        for (Map.Entry<String, Located> e : hp.entrySet()) {
            if (!bp.containsKey(e.getKey())) {
                for (Op op : operations(head, e.getValue())) {
                    emit("endpoint-added", op.method, op.path, op.pointer, op.at, Map.of());
                }
            }
        }
        webhooks();
        if (headRoot.node() != null && baseRoot.node() != null) {
            securitySchemes();
        }
        return changes;
    }

    private void specVersion() {
        if (headRoot.node() == null || headRoot.node().fields().isEmpty()) {
            return;
        }
        String bv = baseRoot.node().string("openapi");
        String hv = headRoot.node().string("openapi");
        if (bv != null && hv != null && !minor(bv).equals(minor(hv))) {
            emit("spec-version-changed", "", "", "/openapi", headRoot.child("openapi"), Map.of("old", bv, "new", hv));
        }
    }

    private static String minor(String v) {
        String[] p = v.split("\\.");
        return p.length >= 2 ? p[0] + "." + p[1] : v;
    }

    /** Normalised path (parameter names blanked) to the path item, refs resolved. */
    private static Map<String, Located> paths(Located root, boolean acrossVersions) {
        Map<String, Located> out = new LinkedHashMap<>();
        Located paths = root.child("paths");
        if (paths.node() == null || !paths.node().isMap()) {
            return out;
        }
        for (String p : paths.node().fields().keySet()) {
            String key = normalise(p);
            out.putIfAbsent(acrossVersions ? URI_VERSION.matcher(key).replaceAll("/v*") : key, paths.child(p));
        }
        return out;
    }

    static String normalise(String path) {
        String p = TEMPLATE.matcher(path).replaceAll("{}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** One operation: method, path as written, the operation node, and the path item's parameters. */
    private record Op(String method, String path, String pointer, Located at, Located item) {
    }

    private static List<Op> operations(Workspace ws, Located pathItem) {
        List<Op> out = new ArrayList<>();
        Located item = ws.resolve(pathItem);
        if (item.node() == null || !item.node().isMap()) {
            return out;
        }
        String path = Located.unescape(pathItem.pointer().substring("/paths/".length()));
        for (String m : METHODS) {
            Located op = item.child(m);
            if (op.node() != null && op.node().isMap()) {
                out.add(new Op(m.toUpperCase(Locale.ROOT), path, "/paths/" + Located.escape(path) + "/" + m, op, item));
            }
        }
        return out;
    }

    private void comparePath(Located bItem, Located hItem) {
        Map<String, Op> bo = new LinkedHashMap<>();
        operations(base, bItem).forEach(o -> bo.put(o.method, o));
        Map<String, Op> ho = new LinkedHashMap<>();
        operations(head, hItem).forEach(o -> ho.put(o.method, o));
        for (Op b : bo.values()) {
            Op h = ho.get(b.method);
            if (h == null) {
                removed(b, false);
            } else {
                compareOperation(b, h);
            }
        }
        for (Op h : ho.values()) {
            if (!bo.containsKey(h.method)) {
                emit("endpoint-added", h.method, h.path, h.pointer, h.at, Map.of());
            }
        }
    }

    private static String stability(Op op) {
        String s = op.at.node().string("x-stability-level");
        return s == null ? "stable" : s;
    }

    private static boolean exempt(Op op) {
        String s = stability(op);
        return s.equals("draft") || s.equals("alpha");
    }

    private void removed(Op b, boolean wholePath) {
        if (exempt(b)) {
            return;
        }
        String prefix = wholePath ? "api-path-removed" : "api-removed";
        Located parent = wholePath ? headRoot.child("paths") : head.resolve(head.walk(headRoot, "/paths/" + Located.escape(b.path)));
        Map<String, String> args = Map.of("base", "line " + b.at.line());
        boolean deprecated = b.at.node().flag("deprecated");
        if (!deprecated) {
            emit(prefix + "-without-deprecation", b.method, b.path, b.pointer, parent, args);
            return;
        }
        String sunsetText = b.at.node().string("x-sunset");
        LocalDate sunset = parseDate(sunsetText);
        if (sunsetText != null && sunset == null) {
            emit(wholePath ? "api-path-sunset-parse" : "api-deprecated-sunset-parse", b.method, b.path,
                    b.pointer + "/x-sunset", parent, Map.of("value", sunsetText));
        } else if (sunset == null || sunset.isAfter(policy.today())) {
            emit(prefix + "-before-sunset", b.method, b.path, b.pointer, parent,
                    Map.of("base", "line " + b.at.line(), "sunset", sunset == null ? "none" : sunset.toString()));
        } else {
            emit(prefix + "-with-deprecation", b.method, b.path, b.pointer, parent, args);
        }
    }

    static LocalDate parseDate(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            return LocalDate.parse(t.length() > 10 && t.charAt(10) == 'T' ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void compareOperation(Op b, Op h) {
        operationStability = stability(h);
        lifecycle(b, h);
        if (exempt(b)) {
            return;
        }
        operationId(b, h);
        security(b, h);
        parameters(b, h);
        requestBody(b, h);
        responses(b, h);
    }

    /** Generated clients name their methods after operationId: oasdiff reports a changed one as removed. */
    private void operationId(Op b, Op h) {
        String bid = b.at.node().string("operationId");
        String hid = h.at.node().string("operationId");
        Located at = h.at.child("operationId").node() != null ? h.at.child("operationId") : h.at;
        if (bid != null && !bid.equals(hid)) {
            emit("api-operation-id-removed", h.method, h.path, h.pointer + "/operationId", at,
                    Map.of("old", bid, "new", hid == null ? "none" : hid));
        } else if (bid == null && hid != null) {
            emit("api-operation-id-added", h.method, h.path, h.pointer + "/operationId", at, Map.of("new", hid));
        }
    }

    private void lifecycle(Op b, Op h) {
        String bs = stability(b);
        String hs = stability(h);
        int hi = STABILITY.indexOf(hs);
        if (STABILITY.indexOf(bs) < 0 && hi >= 0) {
            emit("api-invalid-stability-level", h.method, h.path, h.pointer + "/x-stability-level",
                    h.at.child("x-stability-level").node() != null ? h.at.child("x-stability-level") : h.at,
                    Map.of("value", bs, "side", "base"));
            return;
        }
        if (hi < 0) {
            emit("api-invalid-stability-level", h.method, h.path, h.pointer + "/x-stability-level",
                    h.at.child("x-stability-level"), Map.of("value", hs));
            return;
        }
        int bi = STABILITY.indexOf(bs);
        if (bi >= 0 && hi < bi) {
            emit("api-stability-decreased", h.method, h.path, h.pointer + "/x-stability-level",
                    h.at.child("x-stability-level"), Map.of("old", bs, "new", hs));
        }
        boolean bd = b.at.node().flag("deprecated");
        boolean hd = h.at.node().flag("deprecated");
        String hSunsetText = h.at.node().string("x-sunset");
        LocalDate hSunset = parseDate(hSunsetText);
        Located deprecatedAt = h.at.child("deprecated");
        if (!bd && hd) {
            if (exempt(h)) {
                emit("endpoint-deprecated", h.method, h.path, h.pointer + "/deprecated", deprecatedAt, Map.of());
            } else if (hSunsetText == null) {
                emit("api-deprecated-sunset-missing", h.method, h.path, h.pointer + "/deprecated", deprecatedAt,
                        Map.of("days", String.valueOf(policy.daysFor(hs))));
            } else if (hSunset == null) {
                emit("api-deprecated-sunset-parse", h.method, h.path, h.pointer + "/x-sunset", h.at.child("x-sunset"),
                        Map.of("value", hSunsetText));
            } else if (hSunset.isBefore(policy.today().plusDays(policy.daysFor(hs)))) {
                emit("api-sunset-date-too-small", h.method, h.path, h.pointer + "/x-sunset", h.at.child("x-sunset"),
                        Map.of("value", hSunset.toString(), "days", String.valueOf(policy.daysFor(hs)),
                                "earliest", policy.today().plusDays(policy.daysFor(hs)).toString()));
            } else {
                emit("endpoint-deprecated-with-sunset", h.method, h.path, h.pointer + "/deprecated", deprecatedAt,
                        Map.of("value", hSunset.toString()));
            }
            sunsetHeaders(h);
        } else if (bd && !hd) {
            emit("endpoint-reactivated", h.method, h.path, h.pointer, h.at, Map.of());
        } else if (bd) {
            String bSunsetText = b.at.node().string("x-sunset");
            LocalDate bSunset = parseDate(bSunsetText);
            if ((bSunsetText != null && bSunset == null) || (hSunsetText != null && hSunset == null)) {
                emit("api-path-sunset-parse", h.method, h.path, h.pointer + "/x-sunset",
                        h.at.child("x-sunset").node() != null ? h.at.child("x-sunset") : h.at,
                        Map.of("value", hSunsetText != null && hSunset == null ? hSunsetText : String.valueOf(bSunsetText)));
            } else if (bSunset != null && hSunsetText == null) {
                emit("sunset-deleted", h.method, h.path, h.pointer + "/x-sunset", deprecatedAt,
                        Map.of("old", bSunset.toString()));
            } else if (bSunset != null && hSunset != null && hSunset.isBefore(bSunset)) {
                emit("api-sunset-date-changed-too-small", h.method, h.path, h.pointer + "/x-sunset",
                        h.at.child("x-sunset"), Map.of("old", bSunset.toString(), "new", hSunset.toString()));
            }
        }
    }

    /** RFC 8594 Sunset and RFC 9745 Deprecation headers on the success responses of a deprecated operation. */
    private void sunsetHeaders(Op h) {
        Located responses = h.at.child("responses");
        if (responses.node() == null) {
            return;
        }
        for (String code : responses.node().fields().keySet()) {
            if (!code.startsWith("2")) {
                continue;
            }
            Located r = head.resolve(responses.child(code));
            Set<String> names = new LinkedHashSet<>();
            Located headers = r.child("headers");
            if (headers.node() != null) {
                headers.node().fields().keySet().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
            }
            List<String> missing = new ArrayList<>();
            if (!names.contains("sunset")) {
                missing.add("Sunset");
            }
            if (!names.contains("deprecation")) {
                missing.add("Deprecation");
            }
            if (!missing.isEmpty()) {
                emit("api-sunset-header-missing", h.method, h.path, h.pointer + "/responses/" + Located.escape(code),
                        responses.child(code), Map.of("status", code, "headers", String.join(" and ", missing)));
            }
        }
    }

    /** The effective security requirements of an operation: its own, else the global ones. */
    private static List<SpecNode> security(Located root, Op op) {
        SpecNode s = op.at.node().get("security");
        if (s == null) {
            s = root.node().get("security");
        }
        return s == null || !s.isList() ? List.of() : s.items();
    }

    private static boolean isPublic(List<SpecNode> requirements) {
        return requirements.isEmpty() || requirements.stream().anyMatch(r -> r.isMap() && r.fields().isEmpty());
    }

    /**
     * Security requirements are alternatives (OR) of scheme sets (AND). A client that authenticated with a
     * base alternative keeps working when some head alternative asks for a subset of its schemes and
     * scopes; otherwise it is locked out: the alternative was removed, or a scheme was added to it.
     */
    private void security(Op b, Op h) {
        List<SpecNode> bs = security(baseRoot, b);
        List<SpecNode> hs = security(headRoot, h);
        Located at = h.at.child("security").node() != null ? h.at.child("security") : headRoot.child("security");
        Map<String, Map<String, Set<String>>> bk = requirements(bs);
        Map<String, Map<String, Set<String>>> hk = requirements(hs);
        String pointer = h.pointer + "/security";
        if (isPublic(bs) && !isPublic(hs)) {
            boolean global = h.at.node().get("security") == null;
            emit("api-security-added", h.method, h.path, pointer, at, Map.of("value", String.join(" or ", hk.keySet()),
                    "origin", global ? " (from the global `security`)" : ""));
            return;
        }
        boolean headPublic = isPublic(hs);
        Set<String> explained = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, Set<String>>> e : bk.entrySet()) {
            String k = e.getKey();
            if (hk.containsKey(k) || k.isEmpty()) {
                continue;
            }
            if (headPublic || hk.values().stream().anyMatch(r -> covers(e.getValue(), r))) {
                emit("api-security-removed", h.method, h.path, pointer, at, Map.of("value", k));
                continue;
            }
            String superset = hk.keySet().stream().filter(n -> !bk.containsKey(n) && !explained.contains(n)
                    && hk.get(n).keySet().containsAll(e.getValue().keySet())).findFirst().orElse(null);
            if (superset != null) {
                explained.add(superset);
                Set<String> added = new java.util.TreeSet<>(hk.get(superset).keySet());
                added.removeAll(e.getValue().keySet());
                emit("api-security-requirement-scheme-added", h.method, h.path, pointer, at,
                        Map.of("value", k, "new", superset, "scheme", String.join(", ", added)));
            } else {
                emit("api-security-requirement-removed", h.method, h.path, pointer, at, Map.of("value", k));
            }
        }
        for (String k : hk.keySet()) {
            if (!bk.containsKey(k) && !k.isEmpty() && !explained.contains(k)) {
                emit("api-security-requirement-added", h.method, h.path, pointer, at, Map.of("value", k));
            }
        }
        for (Map.Entry<String, Map<String, Set<String>>> e : bk.entrySet()) {
            Map<String, Set<String>> other = hk.get(e.getKey());
            if (other == null) {
                continue;
            }
            for (Map.Entry<String, Set<String>> scheme : e.getValue().entrySet()) {
                Set<String> hScopes = other.getOrDefault(scheme.getKey(), Set.of());
                for (String scope : hScopes) {
                    if (!scheme.getValue().contains(scope)) {
                        emit("api-security-scope-added", h.method, h.path, pointer, at,
                                Map.of("value", scheme.getKey(), "scope", scope));
                    }
                }
                for (String scope : scheme.getValue()) {
                    if (!hScopes.contains(scope)) {
                        emit("api-security-scope-removed", h.method, h.path, pointer, at,
                                Map.of("value", scheme.getKey(), "scope", scope));
                    }
                }
            }
        }
    }

    /** True when a client holding what {@code held} asks for also satisfies {@code asked}. */
    private static boolean covers(Map<String, Set<String>> held, Map<String, Set<String>> asked) {
        for (Map.Entry<String, Set<String>> e : asked.entrySet()) {
            Set<String> scopes = held.get(e.getKey());
            if (scopes == null || !scopes.containsAll(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Each alternative by its sorted scheme names ("a and b"), with each scheme's scopes. */
    private static Map<String, Map<String, Set<String>>> requirements(List<SpecNode> requirements) {
        Map<String, Map<String, Set<String>>> out = new LinkedHashMap<>();
        for (SpecNode r : requirements) {
            Map<String, Set<String>> schemes = new java.util.TreeMap<>();
            if (r.isMap()) {
                r.fields().forEach((name, scopes) -> {
                    Set<String> set = new LinkedHashSet<>();
                    if (scopes.isList()) {
                        scopes.items().forEach(i -> set.add(i.text()));
                    }
                    schemes.put(name, set);
                });
            }
            out.putIfAbsent(String.join(" and ", schemes.keySet()), schemes);
        }
        return out;
    }

    /** Components' security schemes: how clients obtain and present credentials. */
    private void securitySchemes() {
        Located bc = base.resolve(baseRoot.child("components")).child("securitySchemes");
        Located hc = head.resolve(headRoot.child("components")).child("securitySchemes");
        Map<String, SpecNode> bm = bc.node() != null && bc.node().isMap() ? bc.node().fields() : Map.of();
        Map<String, SpecNode> hm = hc.node() != null && hc.node().isMap() ? hc.node().fields() : Map.of();
        for (String name : bm.keySet()) {
            String pointer = "/components/securitySchemes/" + Located.escape(name);
            if (!hm.containsKey(name)) {
                emit("api-security-component-removed", "", "", pointer, hc.node() != null ? hc : headRoot,
                        Map.of("name", name));
                continue;
            }
            Located b = base.resolve(bc.child(name));
            Located h = head.resolve(hc.child(name));
            if (b.node() != null && h.node() != null && b.node().isMap() && h.node().isMap()) {
                compareScheme(name, pointer, b, h);
            }
        }
        for (String name : hm.keySet()) {
            if (!bm.containsKey(name)) {
                emit("api-security-component-added", "", "", "/components/securitySchemes/" + Located.escape(name),
                        hc.child(name), Map.of("name", name));
            }
        }
    }

    private void compareScheme(String name, String pointer, Located b, Located h) {
        if (attribute("api-security-component-type-changed", name, pointer, b, h, "type", false)) {
            return;
        }
        attribute("api-security-component-scheme-changed", name, pointer, b, h, "scheme", true);
        attribute("api-security-component-bearer-format-changed", name, pointer, b, h, "bearerFormat", false);
        attribute("api-security-component-open-id-connect-url-changed", name, pointer, b, h, "openIdConnectUrl", false);
        if ("apiKey".equals(h.node().string("type"))) {
            if (!attribute("api-security-component-api-key-in-changed", name, pointer, b, h, "in", false)) {
                attribute("api-security-component-api-key-name-changed", name, pointer, b, h, "name",
                        "header".equalsIgnoreCase(h.node().string("in")));
            }
        }
        Located bf = b.child("flows");
        Located hf = h.child("flows");
        Map<String, SpecNode> bflows = bf.node() != null && bf.node().isMap() ? bf.node().fields() : Map.of();
        Map<String, SpecNode> hflows = hf.node() != null && hf.node().isMap() ? hf.node().fields() : Map.of();
        for (String flow : hflows.keySet()) {
            if (!bflows.containsKey(flow)) {
                emit("api-security-component-oauth-flow-added", "", "", pointer + "/flows/" + Located.escape(flow),
                        hf.child(flow), Map.of("name", name, "flow", flow));
            }
        }
        for (String flow : bflows.keySet()) {
            Located bflow = bf.child(flow);
            Located hflow = hf.child(flow);
            if (hflow.node() == null) {
                emit("api-security-component-oauth-flow-removed", "", "", pointer + "/flows/" + Located.escape(flow),
                        hf.node() != null ? hf : h, Map.of("name", name, "flow", flow));
                continue;
            }
            if (!hflow.node().isMap() || !bflow.node().isMap()) {
                continue;
            }
            String fp = pointer + "/flows/" + Located.escape(flow);
            attribute("api-security-component-oauth-url-changed", name, fp, bflow, hflow, "authorizationUrl", false);
            attribute("api-security-component-oauth-url-changed", name, fp, bflow, hflow, "refreshUrl", false);
            attribute("api-security-component-oauth-token-url-changed", name, fp, bflow, hflow, "tokenUrl", false);
            Located bsc = bflow.child("scopes");
            Located hsc = hflow.child("scopes");
            Map<String, SpecNode> bs = bsc.node() != null && bsc.node().isMap() ? bsc.node().fields() : Map.of();
            Map<String, SpecNode> hs = hsc.node() != null && hsc.node().isMap() ? hsc.node().fields() : Map.of();
            for (Map.Entry<String, SpecNode> s : bs.entrySet()) {
                SpecNode other = hs.get(s.getKey());
                Map<String, String> args = Map.of("name", name, "flow", flow, "value", s.getKey());
                String sp = fp + "/scopes/" + Located.escape(s.getKey());
                if (other == null) {
                    emit("api-security-component-oauth-scope-removed", "", "", sp, hsc.node() != null ? hsc : hflow, args);
                } else if (!s.getValue().canonical().equals(other.canonical())) {
                    emit("api-security-component-oauth-scope-changed", "", "", sp, hsc.child(s.getKey()), args);
                }
            }
            for (String scope : hs.keySet()) {
                if (!bs.containsKey(scope)) {
                    emit("api-security-component-oauth-scope-added", "", "", fp + "/scopes/" + Located.escape(scope),
                            hsc.child(scope), Map.of("name", name, "flow", flow, "value", scope));
                }
            }
        }
    }

    /** Reports a changed (added, removed or edited) scalar attribute of a security scheme or flow. */
    private boolean attribute(String rule, String name, String pointer, Located b, Located h, String key,
            boolean caseInsensitive) {
        String bv = b.node().string(key);
        String hv = h.node().string(key);
        boolean same = bv == null ? hv == null : hv != null && (caseInsensitive ? bv.equalsIgnoreCase(hv) : bv.equals(hv));
        if (same) {
            return false;
        }
        Located at = h.child(key).node() != null ? h.child(key) : h;
        emit(rule, "", "", pointer + "/" + key, at, Map.of("name", name, "attribute", key,
                "old", bv == null ? "none" : bv, "new", hv == null ? "none" : hv));
        return true;
    }

    /** Parameters by location and name; path parameters by their position in the template. */
    private static Map<String, Located> parameters(Workspace ws, Op op) {
        Map<String, Located> out = new LinkedHashMap<>();
        List<String> template = new ArrayList<>();
        Matcher m = TEMPLATE.matcher(op.path);
        while (m.find()) {
            template.add(m.group().substring(1, m.group().length() - 1));
        }
        for (Located list : List.of(op.item.child("parameters"), op.at.child("parameters"))) {
            if (list.node() == null || !list.node().isList()) {
                continue;
            }
            for (int i = 0; i < list.node().items().size(); i++) {
                Located p = ws.resolve(list.item(i));
                if (p.node() == null || !p.node().isMap()) {
                    continue;
                }
                String in = p.node().string("in");
                String name = p.node().string("name");
                if (in == null || name == null) {
                    continue;
                }
                String key = in.equals("path") ? "path:#" + template.indexOf(name)
                        : in + ":" + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name);
                out.put(key, p);
            }
        }
        return out;
    }

    private void parameters(Op b, Op h) {
        Map<String, Located> bp = parameters(base, b);
        Map<String, Located> hp = parameters(head, h);
        Located list = h.at.child("parameters").node() != null ? h.at.child("parameters") : h.item.child("parameters");
        for (Map.Entry<String, Located> e : bp.entrySet()) {
            Located bpar = e.getValue();
            String in = bpar.node().string("in");
            String name = bpar.node().string("name");
            String pointer = h.pointer + "/parameters/" + in + "/" + Located.escape(name);
            Located hpar = hp.get(e.getKey());
            Map<String, String> args = Map.of("in", in, "name", name);
            if (hpar == null) {
                Located at = list.node() != null ? list : h.at;
                String sunsetText = bpar.node().string("x-sunset");
                LocalDate sunset = parseDate(sunsetText);
                if (!bpar.node().flag("deprecated")) {
                    emit("request-parameter-removed", h.method, h.path, pointer, at, args);
                } else if (sunsetText != null && sunset == null) {
                    emit("request-parameter-sunset-parse", h.method, h.path, pointer + "/x-sunset", at,
                            with(args, "value", sunsetText));
                } else if (sunset != null && sunset.isAfter(policy.today())) {
                    emit("request-parameter-removed-before-sunset", h.method, h.path, pointer, at,
                            with(args, "sunset", sunset.toString()));
                } else {
                    emit("request-parameter-removed-with-deprecation", h.method, h.path, pointer, at, args);
                }
                continue;
            }
            boolean br = bpar.node().flag("required");
            boolean hr = hpar.node().flag("required");
            if (br != hr) {
                emit(hr ? "request-parameter-became-required" : "request-parameter-became-optional", h.method, h.path,
                        pointer + "/required", hpar.child("required").node() != null ? hpar.child("required") : hpar, args);
            }
            parameterLifecycle(bpar, hpar, h, pointer, args);
            serialisation(bpar, hpar, in, "request-parameter", h, pointer, args);
            allowEmptyValue(bpar, hpar, in, h, pointer, args);
            String where = "the " + in + " parameter `" + name + "`";
            SchemaDiff.Ctx ctx = new SchemaDiff.Ctx(h.method, h.path, true, "parameter", where, pointer, false, in);
            schemas.compare(parameterSchema(bpar), parameterSchema(hpar), ctx);
        }
        for (Map.Entry<String, Located> e : hp.entrySet()) {
            if (bp.containsKey(e.getKey())) {
                continue;
            }
            Located hpar = e.getValue();
            String in = hpar.node().string("in");
            String name = hpar.node().string("name");
            String pointer = h.pointer + "/parameters/" + in + "/" + Located.escape(name);
            boolean required = hpar.node().flag("required") || in.equals("path");
            emit(in.equals("path") ? "new-request-path-parameter"
                    : required ? "new-required-request-parameter" : "new-optional-request-parameter",
                    h.method, h.path, pointer, hpar, Map.of("in", in, "name", name));
        }
    }

    private void parameterLifecycle(Located bpar, Located hpar, Op h, String pointer, Map<String, String> args) {
        boolean bd = bpar.node().flag("deprecated");
        boolean hd = hpar.node().flag("deprecated");
        String bText = bpar.node().string("x-sunset");
        String hText = hpar.node().string("x-sunset");
        LocalDate bSunset = parseDate(bText);
        LocalDate hSunset = parseDate(hText);
        if ((bd && bText != null && bSunset == null) || (hd && hText != null && hSunset == null)) {
            emit("request-parameter-sunset-parse", h.method, h.path, pointer + "/x-sunset",
                    hpar.child("x-sunset").node() != null ? hpar.child("x-sunset") : hpar,
                    with(args, "value", hSunset == null && hText != null ? hText : String.valueOf(bText)));
            return;
        }
        if (!bd && hd) {
            if (hText == null && !exempt(h)) {
                emit("request-parameter-deprecated-sunset-missing", h.method, h.path, pointer + "/deprecated",
                        hpar.child("deprecated"), with(args, "days", String.valueOf(policy.daysFor(stability(h)))));
            } else if (hSunset != null && !exempt(h)
                    && hSunset.isBefore(policy.today().plusDays(policy.daysFor(stability(h))))) {
                emit("request-parameter-sunset-date-too-small", h.method, h.path, pointer + "/x-sunset",
                        hpar.child("x-sunset"), with(args, "value", hSunset.toString()));
            } else {
                emit("request-parameter-deprecated", h.method, h.path, pointer + "/deprecated", hpar.child("deprecated"),
                        args);
            }
        } else if (bd && !hd) {
            emit("request-parameter-reactivated", h.method, h.path, pointer, hpar, args);
        } else if (bd && bSunset != null) {
            if (hSunset == null) {
                emit("request-parameter-sunset-deleted", h.method, h.path, pointer + "/x-sunset", hpar,
                        with(args, "old", bSunset.toString()));
            } else if (hSunset.isBefore(bSunset)) {
                emit("request-parameter-sunset-date-changed-too-small", h.method, h.path, pointer + "/x-sunset",
                        hpar.child("x-sunset"), with(args, "old", bSunset.toString(), "new", hSunset.toString()));
            }
        }
    }

    /** OpenAPI's default style per parameter location. */
    private static String defaultStyle(String in) {
        return in.equals("query") || in.equals("cookie") ? "form" : "simple";
    }

    /**
     * Style and explode of a parameter or header, with OpenAPI's defaults filled in: a change alters
     * the wire format clients produce (requests) or parse (responses). Explode only changes how arrays
     * and objects are written, so on a value typed as a primitive it is no change. {@code content}-typed
     * parameters have no style.
     */
    private void serialisation(Located b, Located h, String in, String prefix, Op op, String pointer,
            Map<String, String> args) {
        if (b.child("schema").node() == null || h.child("schema").node() == null) {
            return;
        }
        String bs = b.node().string("style");
        String hs = h.node().string("style");
        String bStyle = bs == null ? defaultStyle(in) : bs;
        String hStyle = hs == null ? defaultStyle(in) : hs;
        if (!bStyle.equals(hStyle) && !prefix.equals("response-header")) { // header style is always simple
            emit(prefix + "-style-changed", op.method, op.path, pointer + "/style",
                    h.child("style").node() != null ? h.child("style") : h, with(args, "old", bStyle, "new", hStyle));
            return;
        }
        boolean bExplode = explode(b, bStyle);
        boolean hExplode = explode(h, hStyle);
        if (bExplode != hExplode && (structured(base, b) || structured(head, h))) {
            emit(prefix + "-explode-changed", op.method, op.path, pointer + "/explode",
                    h.child("explode").node() != null ? h.child("explode") : h,
                    with(args, "old", String.valueOf(bExplode), "new", String.valueOf(hExplode)));
        }
    }

    private static boolean explode(Located p, String style) {
        String e = p.node().string("explode");
        return e == null ? style.equals("form") : e.equalsIgnoreCase("true");
    }

    /** True unless the schema is typed as primitives only (an untyped schema may hold arrays or objects). */
    private static boolean structured(Workspace ws, Located param) {
        Set<String> types = SchemaView.of(ws, param.child("schema")).types;
        return types.isEmpty() || types.contains("array") || types.contains("object");
    }

    /** allowEmptyValue (query parameters only): withdrawing it rejects {@code ?name=} that was accepted. */
    private void allowEmptyValue(Located b, Located h, String in, Op op, String pointer, Map<String, String> args) {
        if (!in.equals("query")) {
            return;
        }
        boolean be = b.node().flag("allowEmptyValue");
        boolean he = h.node().flag("allowEmptyValue");
        if (be && !he) {
            emit("request-parameter-allow-empty-value-removed", op.method, op.path, pointer + "/allowEmptyValue",
                    h.child("allowEmptyValue").node() != null ? h.child("allowEmptyValue") : h, args);
        } else if (!be && he) {
            emit("request-parameter-allow-empty-value-added", op.method, op.path, pointer + "/allowEmptyValue",
                    h.child("allowEmptyValue"), args);
        }
    }

    private static Map<String, String> with(Map<String, String> args, String... kv) {
        Map<String, String> out = new LinkedHashMap<>(args);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1]);
        }
        return out;
    }

    /** A parameter's schema, or the schema of its single {@code content} entry. */
    private static Located parameterSchema(Located p) {
        Located s = p.child("schema");
        if (s.node() != null) {
            return s;
        }
        Located content = p.child("content");
        if (content.node() != null && content.node().isMap() && !content.node().fields().isEmpty()) {
            return content.child(content.node().fields().keySet().iterator().next()).child("schema");
        }
        return s;
    }

    private void requestBody(Op b, Op h) {
        Located bb = base.resolve(b.at.child("requestBody"));
        Located hb = head.resolve(h.at.child("requestBody"));
        String pointer = h.pointer + "/requestBody";
        if (bb.node() == null && hb.node() == null) {
            return;
        }
        if (hb.node() == null) {
            emit("request-body-removed", h.method, h.path, pointer, h.at, Map.of());
            return;
        }
        boolean hr = hb.node().flag("required");
        if (bb.node() == null) {
            emit(hr ? "request-body-added-required" : "request-body-added-optional", h.method, h.path, pointer, hb,
                    Map.of());
            return;
        }
        boolean br = bb.node().flag("required");
        if (br != hr) {
            emit(hr ? "request-body-became-required" : "request-body-became-optional", h.method, h.path,
                    pointer + "/required", hb.child("required").node() != null ? hb.child("required") : hb, Map.of());
        }
        content(bb, hb, h, pointer, true, "the request body", "request-body-media-type");
    }

    private void content(Located bb, Located hb, Op h, String pointer, boolean request, String where, String mediaRule) {
        Located bc = bb.child("content");
        Located hc = hb.child("content");
        Map<String, SpecNode> bm = bc.node() == null ? Map.of() : bc.node().fields();
        Map<String, SpecNode> hm = hc.node() == null ? Map.of() : hc.node().fields();
        for (String type : bm.keySet()) {
            String p = pointer + "/content/" + Located.escape(type);
            if (!hm.containsKey(type)) {
                emit(mediaRule + "-removed", h.method, h.path, p, hc.node() != null ? hc : hb,
                        Map.of("value", type, "where", where));
                continue;
            }
            SchemaDiff.Ctx ctx = new SchemaDiff.Ctx(h.method, h.path, request, "body",
                    bm.size() > 1 ? where + " (" + type + ")" : where, p, textual(type), "");
            schemas.compare(bc.child(type).child("schema"), hc.child(type).child("schema"), ctx);
        }
        for (String type : hm.keySet()) {
            if (!bm.containsKey(type)) {
                emit(mediaRule + "-added", h.method, h.path, pointer + "/content/" + Located.escape(type),
                        hc.child(type), Map.of("value", type, "where", where));
            }
        }
    }

    /** Media types whose values travel as text, where a primitive type change is compatible. */
    private static boolean textual(String mediaType) {
        String t = mediaType.toLowerCase(Locale.ROOT);
        return t.contains("xml") || t.startsWith("text/") || t.equals("application/x-www-form-urlencoded")
                || t.startsWith("multipart/");
    }

    /** Deprecation of a schema property: like an operation's, it needs an {@code x-sunset} far enough ahead. */
    void propertyLifecycle(Located bp, Located hp, SchemaDiff.Ctx ctx, String prop, String pointer, Located at) {
        if (bp.node() == null || hp.node() == null || !bp.node().isMap() || !hp.node().isMap()) {
            return;
        }
        boolean bd = bp.node().flag("deprecated");
        boolean hd = hp.node().flag("deprecated");
        String dir = ctx.direction();
        Map<String, String> args = Map.of("property", prop, "subject", SchemaDiff.subject(ctx, prop), "where", ctx.where());
        int days = policy.daysFor(operationStability);
        if (!bd && hd) {
            String text = hp.node().string("x-sunset");
            LocalDate sunset = parseDate(text);
            Located dep = at.child("deprecated").node() != null ? at.child("deprecated") : at;
            if (text == null) {
                emit(dir + "-property-deprecated-sunset-missing", ctx.method(), ctx.path(), ctx.pointer() + pointer, dep,
                        with(args, "days", String.valueOf(days)));
            } else if (sunset == null) {
                emit(dir + "-property-deprecated-sunset-invalid", ctx.method(), ctx.path(), ctx.pointer() + pointer, dep,
                        with(args, "value", text));
            } else if (sunset.isBefore(policy.today().plusDays(days))) {
                emit(dir + "-property-sunset-date-too-small", ctx.method(), ctx.path(), ctx.pointer() + pointer, dep,
                        with(args, "value", sunset.toString(), "days", String.valueOf(days)));
            } else {
                emit(dir + "-property-deprecated-with-sunset", ctx.method(), ctx.path(), ctx.pointer() + pointer, dep,
                        with(args, "value", sunset.toString()));
            }
        } else if (bd && !hd) {
            emit(dir + "-property-reactivated", ctx.method(), ctx.path(), ctx.pointer() + pointer, at, args);
        } else if (bd) {
            // a promised sunset is never withdrawn or moved earlier, as for operations and parameters
            LocalDate bSunset = parseDate(bp.node().string("x-sunset"));
            String hText = hp.node().string("x-sunset");
            LocalDate hSunset = parseDate(hText);
            if (bSunset != null && hText == null) {
                emit(dir + "-property-sunset-deleted", ctx.method(), ctx.path(), ctx.pointer() + pointer + "/x-sunset",
                        at, with(args, "old", bSunset.toString()));
            } else if (bSunset != null && hSunset != null && hSunset.isBefore(bSunset)) {
                emit(dir + "-property-sunset-date-changed-too-small", ctx.method(), ctx.path(),
                        ctx.pointer() + pointer + "/x-sunset", at.child("x-sunset").node() != null ? at.child("x-sunset")
                                : at, with(args, "old", bSunset.toString(), "new", hSunset.toString()));
            }
        }
    }

    private void responses(Op b, Op h) {
        Located br = b.at.child("responses");
        Located hr = h.at.child("responses");
        Map<String, SpecNode> bm = br.node() == null ? Map.of() : br.node().fields();
        Map<String, SpecNode> hm = hr.node() == null ? Map.of() : hr.node().fields();
        for (String code : bm.keySet()) {
            String pointer = h.pointer + "/responses/" + Located.escape(code);
            if (!hm.containsKey(code)) {
                emit(code.startsWith("2") ? "response-success-status-removed" : "response-non-success-status-removed",
                        h.method, h.path, pointer, hr.node() != null ? hr : h.at, Map.of("status", code));
                continue;
            }
            Located bres = base.resolve(br.child(code));
            Located hres = head.resolve(hr.child(code));
            String where = code.equals("default") ? "the default response" : "the " + code + " response";
            content(bres, hres, h, pointer, false, where, "response-media-type");
            headers(bres, hres, h, pointer, code);
        }
        for (String code : hm.keySet()) {
            if (!bm.containsKey(code)) {
                emit(code.startsWith("2") ? "response-success-status-added" : "response-non-success-status-added",
                        h.method, h.path, h.pointer + "/responses/" + Located.escape(code), hr.child(code),
                        Map.of("status", code));
            }
        }
    }

    private void compareWebhook(Located bItem, Located hItem, String name) {
        Located b = base.resolve(bItem);
        Located h = head.resolve(hItem);
        for (String m : METHODS) {
            Located bo = b.child(m);
            Located ho = h.child(m);
            if (bo.node() != null && bo.node().isMap() && ho.node() != null && ho.node().isMap()) {
                String pointer = "/webhooks/" + Located.escape(name) + "/" + m;
                compareOperation(new Op(m.toUpperCase(Locale.ROOT), name, pointer, bo, b),
                        new Op(m.toUpperCase(Locale.ROOT), name, pointer, ho, h));
            }
        }
    }

    private void headers(Located bres, Located hres, Op h, String pointer, String code) {
        Map<String, Located> bh = headerMap(base, bres.child("headers"));
        Map<String, Located> hh = headerMap(head, hres.child("headers"));
        Located list = hres.child("headers").node() != null ? hres.child("headers") : hres;
        for (Map.Entry<String, Located> e : bh.entrySet()) {
            Located other = hh.get(e.getKey());
            String name = e.getValue().pointer().substring(e.getValue().pointer().lastIndexOf('/') + 1);
            Map<String, String> args = Map.of("name", Located.unescape(name), "status", code);
            String p = pointer + "/headers/" + e.getKey();
            boolean required = e.getValue().node() != null && e.getValue().node().flag("required");
            if (other == null) {
                emit(required ? "required-response-header-removed" : "optional-response-header-removed", h.method,
                        h.path, p, list, args);
            } else {
                if (required && !(other.node() != null && other.node().flag("required"))) {
                    emit("response-header-became-optional", h.method, h.path, p + "/required", other, args);
                }
                if (e.getValue().node() != null && other.node() != null) {
                    serialisation(e.getValue(), other, "header", "response-header", h, p, args);
                    String where = "the header `" + args.get("name") + "` of the " + code + " response";
                    schemas.compare(parameterSchema(e.getValue()), parameterSchema(other),
                            new SchemaDiff.Ctx(h.method, h.path, false, "header", where, p, false, "header"));
                }
            }
        }
        for (Map.Entry<String, Located> e : hh.entrySet()) {
            if (!bh.containsKey(e.getKey())) {
                String name = e.getValue().pointer().substring(e.getValue().pointer().lastIndexOf('/') + 1);
                emit("response-header-added", h.method, h.path, pointer + "/headers/" + e.getKey(), e.getValue(),
                        Map.of("name", Located.unescape(name), "status", code));
            }
        }
    }

    /** Response headers by lower-cased name (HTTP header names are case-insensitive), refs resolved. */
    private static Map<String, Located> headerMap(Workspace ws, Located headers) {
        Map<String, Located> out = new LinkedHashMap<>();
        if (headers.node() != null && headers.node().isMap()) {
            for (String n : headers.node().fields().keySet()) {
                Located r = ws.resolve(headers.child(n));
                out.put(n.toLowerCase(Locale.ROOT), new Located(headers.file(), headers.child(n).pointer(), r.node()));
            }
        }
        return out;
    }

    private void webhooks() {
        Located bw = baseRoot.child("webhooks");
        Located hw = headRoot.child("webhooks");
        Map<String, SpecNode> bm = bw.node() == null ? Map.of() : bw.node().fields();
        Map<String, SpecNode> hm = hw.node() == null ? Map.of() : hw.node().fields();
        for (String name : bm.keySet()) {
            if (hm.containsKey(name)) {
                compareWebhook(bw.child(name), hw.child(name), name);
            } else {
                emit("webhook-removed", "", name, "/webhooks/" + Located.escape(name), hw.node() != null ? hw : headRoot,
                        Map.of("name", name));
            }
        }
        for (String name : hm.keySet()) {
            if (!bm.containsKey(name)) {
                emit("webhook-added", "", name, "/webhooks/" + Located.escape(name), hw.child(name), Map.of("name", name));
            }
        }
    }
}
