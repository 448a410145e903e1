package io.mergegate.checkers.openapi;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two schemas in one direction. A request schema may only widen (accept more), a
 * response schema may only narrow (promise more): the same edit is breaking on one side and safe
 * on the other, so every rule name starts with the direction and the object it applies to.
 */
final class SchemaDiff {

    private static final int MAX_DEPTH = 48;

    /** Where the schema sits: request body, a response, or a parameter ({@code in}: its location, else ""). */
    record Ctx(String method, String path, boolean request, String kind, String where, String pointer, boolean textual,
            String in) {
        String direction() {
            return request ? "request" : "response";
        }
    }

    /** Numeric bounds: keyword, rule attribute, whether it is an upper bound, whether absence means zero. */
    record Bound(String keyword, String attr, boolean upper, boolean zeroWhenAbsent) {
    }

    static final List<Bound> BOUNDS = List.of(
            new Bound("maximum", "max", true, false),
            new Bound("exclusiveMaximum", "exclusive-max", true, false),
            new Bound("maxLength", "max-length", true, false),
            new Bound("maxItems", "max-items", true, false),
            new Bound("maxContains", "max-contains", true, false),
            new Bound("minimum", "min", false, false),
            new Bound("exclusiveMinimum", "exclusive-min", false, false),
            new Bound("minLength", "min-length", false, true),
            new Bound("minItems", "min-items", false, true),
            new Bound("minContains", "min-contains", false, false),
            new Bound("maxProperties", "max-properties", true, false),
            new Bound("minProperties", "min-properties", false, true));

    /** Keywords whose presence constrains the value (adding narrows) or, for prefixItems, describes more. */
    static final Map<String, String> NARROWING_PRESENCE = Map.of(
            "contains", "contains", "if", "if", "then", "then", "else", "else",
            "propertyNames", "property-names", "unevaluatedItems", "unevaluated-items",
            "unevaluatedProperties", "unevaluated-properties", "contentSchema", "content-schema");

    /** Keywords holding one subschema that is compared in place. */
    private static final List<String> SUBSCHEMAS = List.of("not", "if", "then", "else", "contains", "propertyNames",
            "unevaluatedItems", "unevaluatedProperties", "contentSchema");

    /** Types that parameters carry as plain text (XML, form and text bodies carry any non-array type as text). */
    private static final Set<String> PRIMITIVES = Set.of("string", "number", "integer", "boolean");

    private final OpenApiDiff diff;
    private final Workspace base;
    private final Workspace head;
    private final Set<String> seen = new HashSet<>();
    private final Set<String> equal = new HashSet<>();
    private final Set<String> unequal = new HashSet<>();

    SchemaDiff(OpenApiDiff diff, Workspace base, Workspace head) {
        this.diff = diff;
        this.base = base;
        this.head = head;
    }

    void compare(Located b, Located h, Ctx ctx) {
        seen.clear();
        compare(b, h, ctx, "", "/schema", 0);
    }

    private void compare(Located b, Located h, Ctx ctx, String prop, String sp, int depth) {
        if (depth > MAX_DEPTH || !diff.spend()) {
            return;
        }
        Located br = base.resolve(b);
        Located hr = head.resolve(h);
        if (br.node() == null || hr.node() == null || identical(br, hr)) {
            return;
        }
        if (!seen.add(key(br, hr))) {
            return;
        }
        compareViews(SchemaView.of(base, br), SchemaView.of(head, hr), ctx, prop, sp, depth);
    }

    private static String key(Located b, Located h) {
        return b.file() + "#" + b.pointer() + "|" + h.file() + "#" + h.pointer();
    }

    /**
     * True when the two schemas are the same graph (refs followed, cycles assumed equal until shown otherwise):
     * nothing can differ, whatever operation reaches them. Both answers are remembered, so an operation
     * sharing the components of a thousand others costs one lookup. Iterative: a chain of components may be
     * deeper than the stack.
     */
    private boolean identical(Located b, Located h) {
        Map<String, String> parent = new HashMap<>();
        Set<String> assumed = new HashSet<>();
        ArrayDeque<Pair> work = new ArrayDeque<>();
        work.push(new Pair(b, h, ""));
        while (!work.isEmpty()) {
            Pair pair = work.pop();
            String up = pair.from();
            Located br = base.resolve(pair.base());
            Located hr = head.resolve(pair.head());
            SpecNode bn = br.node();
            SpecNode hn = hr.node();
            if (bn == null || hn == null) {
                if (bn != hn) {
                    return markUnequal(up, parent);
                }
                continue;
            }
            String key = key(br, hr);
            if (equal.contains(key) || assumed.contains(key)) {
                continue;
            }
            parent.put(key, up);
            if (unequal.contains(key) || bn.kind() != hn.kind()) {
                return markUnequal(key, parent);
            }
            assumed.add(key);
            switch (bn.kind()) {
                case SCALAR -> {
                    if (!bn.text().equals(hn.text()) || !bn.type().equals(hn.type())) {
                        return markUnequal(key, parent);
                    }
                }
                case LIST -> {
                    if (bn.items().size() != hn.items().size()) {
                        return markUnequal(key, parent);
                    }
                    for (int i = 0; i < bn.items().size(); i++) {
                        work.push(new Pair(br.item(i), hr.item(i), key));
                    }
                }
                case MAP -> {
                    if (!bn.fields().keySet().equals(hn.fields().keySet())) {
                        return markUnequal(key, parent);
                    }
                    for (String k : bn.fields().keySet()) {
                        work.push(new Pair(br.child(k), hr.child(k), key));
                    }
                }
            }
        }
        // every assumption held: the pairs visited are equal (a coinductive proof)
        equal.addAll(assumed);
        return true;
    }

    /** Two nodes still to compare, and the key of the pair that led to them ("" for the first). */
    private record Pair(Located base, Located head, String from) {
    }

    /** A difference was found: the pair and every pair that led to it are unequal for good. */
    private boolean markUnequal(String key, Map<String, String> parent) {
        for (String k = key; k != null && !k.isEmpty(); k = parent.get(k)) {
            if (!unequal.add(k)) {
                break;
            }
        }
        return false;
    }

    private void compareViews(SchemaView bv, SchemaView hv, Ctx ctx, String prop, String sp, int depth) {
        if ((ctx.request && hv.flag("readOnly") && !prop.isEmpty()) || (!ctx.request && hv.flag("writeOnly") && !prop.isEmpty())) {
            return;
        }
        String obj = object(ctx, prop);
        types(bv, hv, ctx, obj, prop, sp);
        nullable(bv, hv, ctx, obj, prop, sp);
        enums(bv, hv, ctx, obj, prop, sp);
        extensibleEnum(bv, hv, ctx, obj, prop, sp);
        bounds(bv, hv, ctx, obj, prop, sp);
        keywords(bv, hv, ctx, obj, prop, sp);
        discriminator(bv, hv, ctx, obj, prop, sp);
        wrappedInOneOf(bv, hv, ctx, prop, sp);
        variants("oneOf", "one-of", bv.oneOf, hv.oneOf, hv, ctx, obj, prop, sp, depth);
        variants("anyOf", "any-of", bv.anyOf, hv.anyOf, hv, ctx, obj, prop, sp, depth);
        properties(bv, hv, ctx, prop, sp, depth);
        Located bi = bv.keyword("items");
        Located hi = hv.keyword("items");
        if (bi != null && hi != null && bi.node().isMap() && hi.node().isMap()) {
            compare(bi, hi, ctx, prop.isEmpty() ? "[]" : prop + "[]", sp + "/items", depth + 1);
        }
        for (String sub : SUBSCHEMAS) {
            Located bs = bv.keyword(sub);
            Located hs = hv.keyword(sub);
            if (bs != null && hs != null && bs.node().isMap() && hs.node().isMap()) {
                compare(bs, hs, ctx, prop, sp + "/" + sub, depth + 1);
            }
        }
        for (String sub : List.of("patternProperties", "dependentSchemas")) {
            Located bs = bv.keyword(sub);
            Located hs = hv.keyword(sub);
            if (bs != null && hs != null && bs.node().isMap() && hs.node().isMap()) {
                for (String k : bs.node().fields().keySet()) {
                    if (hs.node().has(k)) {
                        compare(bs.child(k), hs.child(k), ctx, prop, sp + "/" + sub + "/" + Located.escape(k), depth + 1);
                    }
                }
            }
        }
        Located bpi = bv.keyword("prefixItems");
        Located hpi = hv.keyword("prefixItems");
        if (bpi != null && hpi != null && bpi.node().isList() && hpi.node().isList()) {
            for (int i = 0; i < Math.min(bpi.node().items().size(), hpi.node().items().size()); i++) {
                compare(bpi.item(i), hpi.item(i), ctx, prop + "[" + i + "]", sp + "/prefixItems/" + i, depth + 1);
            }
        }
        Located ba = bv.keyword("additionalProperties");
        Located ha = hv.keyword("additionalProperties");
        if (ba != null && ha != null && ba.node().isMap() && ha.node().isMap()) {
            compare(ba, ha, ctx, prop.isEmpty() ? "{}" : prop + "{}", sp + "/additionalProperties", depth + 1);
        }
    }

    private static String object(Ctx ctx, String prop) {
        if (ctx.kind.equals("header")) {
            return "header";
        }
        if (ctx.kind.equals("parameter")) {
            return prop.replace("[]", "").isEmpty() ? "parameter" : "parameter-property";
        }
        return prop.isEmpty() ? "body" : "property";
    }

    private void emit(String rule, Ctx ctx, String prop, String pointer, Located at, String... kv) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("property", prop);
        args.put("subject", subject(ctx, prop));
        args.put("where", ctx.where);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            args.put(kv[i], kv[i + 1]);
        }
        diff.emit(rule, ctx.method, ctx.path, ctx.pointer + pointer, at, args);
    }

    static String subject(Ctx ctx, String prop) {
        if (prop.isEmpty()) {
            return ctx.kind.equals("body") && !ctx.request ? ctx.where + " body" : ctx.where;
        }
        return "the property `" + prop + "` of " + ctx.where;
    }

    private void types(SchemaView b, SchemaView h, Ctx ctx, String obj, String prop, String sp) {
        String bf = b.text("format");
        String hf = h.text("format");
        Located at = h.keyword("type") != null ? h.keyword("type") : h.at;
        String old = render(b.types, bf);
        String neu = render(h.types, hf);
        String prefix = ctx.direction() + "-" + obj + "-";
        if (b.types.equals(h.types)) {
            if (bf != null && hf != null && !bf.equals(hf)) {
                emit(prefix + "type-changed", ctx, prop, sp + "/format", h.keyword("format"), "old", old, "new", neu);
            }
            return;
        }
        if (b.types.isEmpty() || h.types.isEmpty()) {
            if (h.types.isEmpty()) {
                emit(prefix + "type-generalized", ctx, prop, sp + "/type", h.at, "old", old, "new", neu);
            } else if (ctx.request) {
                emit(prefix + "type-changed", ctx, prop, sp + "/type", at, "old", old, "new", neu);
            }
            return;
        }
        boolean single = b.types.size() == 1 && h.types.size() == 1;
        // in a loosely typed body (XML, form, text) or a header values are text: a request that now takes a
        // string, or a response that was a string, still works for every client
        boolean loose = ctx.textual || ctx.kind.equals("header");
        boolean serialisedAsText = loose || ctx.kind.equals("parameter");
        if (single && loose && !b.types.contains("array") && !h.types.contains("array")
                && (ctx.request ? h.types.contains("string") : b.types.contains("string"))) {
            emit(prefix + "type-compatible", ctx, prop, sp + "/type", at, "old", old, "new", neu);
        } else if (single && serialisedAsText && ctx.request && b.types.contains("string")
                && PRIMITIVES.containsAll(h.types)) {
            emit(prefix + "type-specialized", ctx, prop, sp + "/type", at, "old", old, "new", neu);
        } else if (single && serialisedAsText && ctx.request && h.types.contains("string")
                && PRIMITIVES.containsAll(b.types)) {
            emit(prefix + "type-generalized", ctx, prop, sp + "/type", at, "old", old, "new", neu);
        } else if (scalarQueryToStringArray(b, h, ctx, obj)) {
            emit(prefix + "type-generalized", ctx, prop, sp + "/type", at, "old", old, "new", neu);
        } else if (single && b.types.contains("integer") && h.types.contains("number")) {
            emit(prefix + "type-generalized", ctx, prop, sp + "/type", at, "old", old, "new", neu);
        } else if (single && b.types.contains("number") && h.types.contains("integer") && !ctx.request) {
            emit(prefix + "type-specialized", ctx, prop, sp + "/type", at, "old", old, "new", neu);
        } else if (!single && covers(h.types, b.types)) {
            emit(prefix + "list-of-types-widened", ctx, prop, sp + "/type", at, "old", old, "new", neu);
        } else if (!single && covers(b.types, h.types)) {
            emit(prefix + "list-of-types-narrowed", ctx, prop, sp + "/type", at, "old", old, "new", neu);
        } else {
            emit(prefix + "type-changed", ctx, prop, sp + "/type", at, "old", old, "new", neu);
        }
    }

    /**
     * A query value is text on the wire, so a scalar query parameter (of one or several types) that becomes an
     * array of unconstrained strings still accepts every value it did: {@code ?id=5} is the array {@code ["5"]}.
     */
    private boolean scalarQueryToStringArray(SchemaView b, SchemaView h, Ctx ctx, String obj) {
        if (!ctx.request || !obj.equals("parameter") || !"query".equals(ctx.in) || !h.types.equals(Set.of("array"))
                || b.types.isEmpty() || !PRIMITIVES.containsAll(b.types) || h.keyword("items") == null
                || !annotationsOnly(h, "items", "maxItems")) {
            return false;
        }
        SchemaView items = SchemaView.of(head, h.keyword("items"));
        return (items.types.isEmpty() || items.types.equals(Set.of("string"))) && !items.nullable
                && items.properties.isEmpty() && items.oneOf.isEmpty() && items.anyOf.isEmpty()
                && annotationsOnly(items);
    }

    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "example", "examples", "default",
            "deprecated", "readOnly", "writeOnly", "externalDocs", "$comment", "xml");

    /** The schema has no keyword that constrains values, besides the {@code allowed} ones. */
    private static boolean annotationsOnly(SchemaView v, String... allowed) {
        Set<String> ok = Set.of(allowed);
        return v.keywords.keySet().stream().allMatch(k -> ANNOTATIONS.contains(k) || k.startsWith("x-") || ok.contains(k));
    }

    /** Every type of {@code narrow} is in {@code wide}; {@code number} includes {@code integer}. */
    private static boolean covers(Set<String> wide, Set<String> narrow) {
        for (String t : narrow) {
            if (!wide.contains(t) && !(t.equals("integer") && wide.contains("number"))) {
                return false;
            }
        }
        return true;
    }

    private static String render(Set<String> types, String format) {
        String t = types.isEmpty() ? "any" : String.join("|", types);
        return format == null ? t : t + "/" + format;
    }

    private void nullable(SchemaView b, SchemaView h, Ctx ctx, String obj, String prop, String sp) {
        if (b.nullable == h.nullable) {
            return;
        }
        Located at = h.keyword("nullable") != null ? h.keyword("nullable") : h.keyword("type") != null ? h.keyword("type") : h.at;
        emit(ctx.direction() + "-" + obj + (h.nullable ? "-became-nullable" : "-became-not-nullable"), ctx, prop,
                sp + "/nullable", at);
    }

    private void enums(SchemaView b, SchemaView h, Ctx ctx, String obj, String prop, String sp) {
        Located be = b.keyword("enum");
        Located he = h.keyword("enum");
        Set<String> bv = values(be);
        Set<String> hv = values(he);
        // a null member says "nullable" (3.1's way of 3.0's nullable: true): nullable() judges it
        if (bv != null && b.nullable) {
            bv.remove("null");
        }
        if (hv != null && h.nullable) {
            hv.remove("null");
        }
        String dir = ctx.direction();
        if (be == null && he != null && ctx.request && hv != null) {
            // oasdiff names the header case only: request-header-property-became-enum
            String rule = obj.equals("parameter-property") && ctx.in.equals("header") ? "request-header-property-became-enum"
                    : dir + "-" + obj + "-became-enum";
            emit(rule, ctx, prop, sp + "/enum", he, "values", String.join(", ", hv));
            return;
        }
        if (bv == null || hv == null) {
            return;
        }
        String removedRule = !ctx.request && obj.equals("body") ? "response-mediatype-enum-value-removed"
                : dir + "-" + obj + "-enum-value-removed";
        for (String v : bv) {
            if (!hv.contains(v)) {
                emit(removedRule, ctx, prop, sp + "/enum/" + Located.escape(v), he, "value", v);
            }
        }
        for (String v : hv) {
            if (!bv.contains(v)) {
                emit(dir + "-" + obj + "-enum-value-added", ctx, prop, sp + "/enum/" + Located.escape(v), he, "value", v);
            }
        }
    }

    private void extensibleEnum(SchemaView b, SchemaView h, Ctx ctx, String obj, String prop, String sp) {
        Set<String> bv = values(b.keyword("x-extensible-enum"));
        Set<String> hv = values(h.keyword("x-extensible-enum"));
        if (bv == null || hv == null || !ctx.request) {
            return;
        }
        for (String v : bv) {
            if (!hv.contains(v)) {
                emit("request-" + obj + "-x-extensible-enum-value-removed", ctx, prop,
                        sp + "/x-extensible-enum/" + Located.escape(v), h.keyword("x-extensible-enum"), "value", v);
            }
        }
    }

    private static Set<String> values(Located l) {
        if (l == null || l.node() == null || !l.node().isList()) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        l.node().items().forEach(i -> out.add(i.canonical()));
        return out;
    }

    private void bounds(SchemaView b, SchemaView h, Ctx ctx, String obj, String prop, String sp) {
        String prefix = ctx.direction() + "-" + obj + "-";
        limit(b, h, ctx, obj, prop, sp, true);
        limit(b, h, ctx, obj, prop, sp, false);
        for (Bound bound : BOUNDS) {
            if (bound.keyword.endsWith("imum")) {
                continue; // minimum, maximum and their exclusive forms are one limit each: limit()
            }
            BigDecimal bv = number(b.keyword(bound.keyword));
            BigDecimal hv = number(h.keyword(bound.keyword));
            if (bound.zeroWhenAbsent && (bv != null || hv != null)) {
                bv = bv == null ? BigDecimal.ZERO : bv;
                hv = hv == null ? BigDecimal.ZERO : hv;
            }
            Located at = h.keyword(bound.keyword) != null ? h.keyword(bound.keyword) : h.at;
            String pointer = sp + "/" + bound.keyword;
            if (bv == null && hv != null) {
                emit(prefix + bound.attr + "-set", ctx, prop, pointer, at, "old", "none", "new", hv.toPlainString());
            } else if (bv != null && hv == null) {
                emit(prefix + bound.attr + "-unset", ctx, prop, pointer, at, "old", bv.toPlainString(), "new", "none");
            } else if (bv != null && bv.compareTo(hv) != 0) {
                String action = hv.compareTo(bv) > 0 ? "-increased" : "-decreased";
                emit(prefix + bound.attr + action, ctx, prop, pointer, at, "old", bv.toPlainString(), "new",
                        hv.toPlainString());
            }
        }
    }

    /** A numeric limit: its value, whether the value itself is excluded, and the keyword that sets it. */
    private record Limit(BigDecimal value, boolean exclusive, String keyword) {
    }

    /**
     * The effective lower or upper limit, however it is written: {@code minimum}, 3.1's numeric
     * {@code exclusiveMinimum}, or 3.0's {@code minimum} with {@code exclusiveMinimum: true}; the tighter one
     * when several are given. So a spec migrated from 3.0 to 3.1 compares equal.
     */
    private static Limit limitOf(SchemaView v, boolean lower) {
        String inclusive = lower ? "minimum" : "maximum";
        String exclusive = lower ? "exclusiveMinimum" : "exclusiveMaximum";
        BigDecimal plain = number(v.keyword(inclusive));
        BigDecimal numericExclusive = number(v.keyword(exclusive));
        Limit a = plain == null ? null : new Limit(plain, v.flag(exclusive), v.flag(exclusive) ? exclusive : inclusive);
        Limit b = numericExclusive == null ? null : new Limit(numericExclusive, true, exclusive);
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        return tighter(b, a, lower) > 0 ? b : a;
    }

    /** Positive when {@code x} admits fewer values than {@code y}. */
    private static int tighter(Limit x, Limit y, boolean lower) {
        int c = x.value.compareTo(y.value);
        if (c == 0) {
            return Boolean.compare(x.exclusive, y.exclusive);
        }
        return lower ? c : -c;
    }

    private void limit(SchemaView b, SchemaView h, Ctx ctx, String obj, String prop, String sp, boolean lower) {
        Limit bl = limitOf(b, lower);
        Limit hl = limitOf(h, lower);
        if (bl == null && hl == null || bl != null && hl != null && tighter(hl, bl, lower) == 0) {
            return;
        }
        String prefix = ctx.direction() + "-" + obj + "-";
        Limit named = hl != null ? hl : bl;
        String attr = (named.exclusive ? "exclusive-" : "") + (lower ? "min" : "max");
        Located at = h.keyword(named.keyword) != null ? h.keyword(named.keyword) : h.at;
        String pointer = sp + "/" + named.keyword;
        String old = bl == null ? "none" : (bl.exclusive ? "> " : "") + bl.value.toPlainString();
        String neu = hl == null ? "none" : (hl.exclusive ? "> " : "") + hl.value.toPlainString();
        if (!lower) {
            old = old.replace(">", "<");
            neu = neu.replace(">", "<");
        }
        String action = bl == null ? "-set" : hl == null ? "-unset"
                : (tighter(hl, bl, lower) > 0) == lower ? "-increased" : "-decreased";
        emit(prefix + attr + action, ctx, prop, pointer, at, "old", old, "new", neu);
    }

    private static BigDecimal number(Located l) {
        if (l == null || l.node() == null || !l.node().isScalar()) {
            return null;
        }
        String t = l.node().type();
        if (!"int".equals(t) && !"float".equals(t)) {
            return null;
        }
        try {
            return new BigDecimal(l.node().text().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void keywords(SchemaView b, SchemaView h, Ctx ctx, String obj, String prop, String sp) {
        String prefix = ctx.direction() + "-" + obj + "-";
        for (Map.Entry<String, String> e : NARROWING_PRESENCE.entrySet()) {
            presence(b, h, e.getKey(), prefix + e.getValue(), ctx, prop, sp);
        }
        presence(b, h, "prefixItems", prefix + "prefix-items", ctx, prop, sp);
        valueChange(b, h, "const", prefix + "const", ctx, prop, sp);
        valueChange(b, h, "pattern", prefix + "pattern", ctx, prop, sp);
        valueChange(b, h, "default", prefix + "default-value", ctx, prop, sp);
        Located bm = b.keyword("contentMediaType");
        Located hm = h.keyword("contentMediaType");
        if (bm != null && hm != null && !bm.node().canonical().equals(hm.node().canonical())) {
            emit(prefix + "content-media-type-changed", ctx, prop, sp + "/contentMediaType", hm,
                    "old", bm.node().canonical(), "new", hm.node().canonical());
        }
        Located bc = b.keyword("contentEncoding");
        Located hc = h.keyword("contentEncoding");
        if (bc != null && hc != null && !bc.node().canonical().equals(hc.node().canonical())) {
            emit(prefix + "content-encoding-changed", ctx, prop, sp + "/contentEncoding", hc,
                    "old", bc.node().canonical(), "new", hc.node().canonical());
        }
        perKey(b, h, "patternProperties", prefix + "pattern-property", ctx, prop, sp);
        perKey(b, h, "dependentSchemas", prefix + "dependent-schema", ctx, prop, sp);
        perKey(b, h, "dependentRequired", prefix + "dependent-required", ctx, prop, sp);
    }

    /**
     * The discriminator picks the variant a payload is read as. oasdiff reports its changes as INFO (the
     * variants' own schemas are compared separately), and so do we.
     */
    private void discriminator(SchemaView b, SchemaView h, Ctx ctx, String obj, String prop, String sp) {
        Located bd = b.keyword("discriminator");
        Located hd = h.keyword("discriminator");
        boolean bm = bd != null && bd.node() != null && bd.node().isMap();
        boolean hm = hd != null && hd.node() != null && hd.node().isMap();
        String prefix = ctx.direction() + "-" + obj + "-discriminator-";
        String pointer = sp + "/discriminator";
        if (!bm && hm) {
            emit(prefix + "added", ctx, prop, pointer, hd, "value", String.valueOf(hd.node().string("propertyName")));
            return;
        }
        if (bm && !hm) {
            emit(prefix + "removed", ctx, prop, pointer, h.at, "value", String.valueOf(bd.node().string("propertyName")));
            return;
        }
        if (!bm) {
            return;
        }
        String bn = bd.node().string("propertyName");
        String hn = hd.node().string("propertyName");
        if (bn != null && hn != null && !bn.equals(hn)) {
            emit(prefix + "property-name-changed", ctx, prop, pointer + "/propertyName", hd.child("propertyName"),
                    "old", bn, "new", hn);
        }
        Located bmap = bd.child("mapping");
        Located hmap = hd.child("mapping");
        Map<String, SpecNode> bv = bmap.node() != null && bmap.node().isMap() ? bmap.node().fields() : Map.of();
        Map<String, SpecNode> hv = hmap.node() != null && hmap.node().isMap() ? hmap.node().fields() : Map.of();
        for (Map.Entry<String, SpecNode> e : bv.entrySet()) {
            String p = pointer + "/mapping/" + Located.escape(e.getKey());
            SpecNode other = hv.get(e.getKey());
            if (other == null) {
                emit(prefix + "mapping-deleted", ctx, prop, p, hmap.node() != null ? hmap : hd, "value", e.getKey());
            } else if (!e.getValue().canonical().equals(other.canonical())) {
                emit(prefix + "mapping-changed", ctx, prop, p, hmap.child(e.getKey()), "value", e.getKey(),
                        "old", e.getValue().canonical(), "new", other.canonical());
            }
        }
        for (String k : hv.keySet()) {
            if (!bv.containsKey(k)) {
                emit(prefix + "mapping-added", ctx, prop, pointer + "/mapping/" + Located.escape(k), hmap.child(k),
                        "value", k);
            }
        }
    }

    /**
     * A concrete object body replaced by a {@code oneOf} of alternatives: a payload that was valid may now
     * match several alternatives (rejected) or, in a response, lack a field that was guaranteed.
     */
    private void wrappedInOneOf(SchemaView b, SchemaView h, Ctx ctx, String prop, String sp) {
        if (!prop.isEmpty() || !ctx.kind.equals("body") || !b.oneOf.isEmpty() || h.oneOf.isEmpty()
                || !h.properties.isEmpty() || b.properties.isEmpty()) {
            return;
        }
        Located at = h.at.child("oneOf").node() != null ? h.at.child("oneOf") : h.at;
        emit(ctx.direction() + "-body-wrapped-in-one-of", ctx, prop, sp + "/oneOf", at,
                "value", String.valueOf(h.oneOf.size()));
    }

    private void presence(SchemaView b, SchemaView h, String keyword, String rule, Ctx ctx, String prop, String sp) {
        Located bk = b.keyword(keyword);
        Located hk = h.keyword(keyword);
        if (bk == null && hk != null) {
            emit(rule + "-added", ctx, prop, sp + "/" + keyword, hk, "keyword", keyword);
        } else if (bk != null && hk == null) {
            emit(rule + "-removed", ctx, prop, sp + "/" + keyword, h.at, "keyword", keyword);
        }
    }

    private void valueChange(SchemaView b, SchemaView h, String keyword, String rule, Ctx ctx, String prop, String sp) {
        Located bk = meaningful(b.keyword(keyword));
        Located hk = meaningful(h.keyword(keyword));
        String pointer = sp + "/" + keyword;
        if (bk == null && hk != null) {
            emit(rule + "-added", ctx, prop, pointer, hk, "old", "none", "new", hk.node().canonical());
        } else if (bk != null && hk == null) {
            emit(rule + "-removed", ctx, prop, pointer, h.at, "old", bk.node().canonical(), "new", "none");
        } else if (bk != null && !bk.node().canonical().equals(hk.node().canonical())) {
            emit(rule + "-changed", ctx, prop, pointer, hk, "old", bk.node().canonical(), "new", hk.node().canonical());
        }
    }

    /** An empty pattern or string constrains nothing: treat it as absent. */
    private static Located meaningful(Located l) {
        return l == null || l.node() == null || (l.node().isScalar() && "str".equals(l.node().type())
                && l.node().text().isEmpty()) ? null : l;
    }

    private void perKey(SchemaView b, SchemaView h, String keyword, String rule, Ctx ctx, String prop, String sp) {
        Located bk = b.keyword(keyword);
        Located hk = h.keyword(keyword);
        Map<String, SpecNode> bm = bk == null ? Map.of() : bk.node().fields();
        Map<String, SpecNode> hm = hk == null ? Map.of() : hk.node().fields();
        for (String k : bm.keySet()) {
            String pointer = sp + "/" + keyword + "/" + Located.escape(k);
            if (!hm.containsKey(k)) {
                emit(rule + "-removed", ctx, prop, pointer, hk != null ? hk : h.at, "value", k);
            } else if (!bm.get(k).canonical().equals(hm.get(k).canonical()) && keyword.equals("dependentRequired")) {
                emit(rule + "-changed", ctx, prop, pointer, hk.child(k), "value", k);
            }
        }
        for (String k : hm.keySet()) {
            if (!bm.containsKey(k)) {
                emit(rule + "-added", ctx, prop, sp + "/" + keyword + "/" + Located.escape(k), hk.child(k), "value", k);
            }
        }
    }

    private void variants(String keyword, String attr, List<Located> bl, List<Located> hl, SchemaView h, Ctx ctx,
            String obj, String prop, String sp, int depth) {
        if (bl.isEmpty() && hl.isEmpty()) {
            return;
        }
        Map<String, Located> bk = keyed(base, bl);
        Map<String, Located> hk = keyed(head, hl);
        String prefix = ctx.direction() + "-" + obj + "-" + attr;
        List<String> removed = new ArrayList<>();
        for (String k : bk.keySet()) {
            if (!hk.containsKey(k)) {
                removed.add(k);
            }
        }
        List<String> added = new ArrayList<>();
        for (String k : hk.keySet()) {
            if (!bk.containsKey(k)) {
                added.add(k);
            }
        }
        // a variant whose component was renamed but whose content is the same is the same variant
        for (java.util.Iterator<String> it = removed.iterator(); it.hasNext();) {
            Located gone = bk.get(it.next());
            String twin = added.stream().filter(a -> identical(gone, hk.get(a))).findFirst().orElse(null);
            if (twin != null) {
                it.remove();
                added.remove(twin);
            }
        }
        Located at = h.keyword(keyword) != null ? h.keyword(keyword) : h.at;
        boolean inline = removed.size() == 1 && Workspace.refName(bk.get(removed.get(0)).node()) == null
                && added.size() == 1 && Workspace.refName(hk.get(added.get(0)).node()) == null;
        if (inline && bl.size() == hl.size()) {
            // one variant edited in place: compare it instead of reporting a removal and an addition
            compare(bk.get(removed.get(0)), hk.get(added.get(0)), ctx, prop, sp + "/" + keyword, depth + 1);
        } else {
            for (String k : removed) {
                emit(prefix + "-removed", ctx, prop, sp + "/" + keyword + "/" + Located.escape(k), at, "value", k);
            }
            for (String k : added) {
                emit(prefix + "-added", ctx, prop, sp + "/" + keyword + "/" + Located.escape(k), hk.get(k), "value", k);
            }
        }
        for (Map.Entry<String, Located> e : bk.entrySet()) {
            Located other = hk.get(e.getKey());
            if (other != null) {
                compare(e.getValue(), other, ctx, prop, sp + "/" + keyword + "/" + Located.escape(e.getKey()), depth + 1);
            }
        }
    }

    /** Variants keyed by the schema they reference, their title, or their content. */
    private static Map<String, Located> keyed(Workspace ws, List<Located> variants) {
        Map<String, Located> out = new LinkedHashMap<>();
        for (Located v : variants) {
            String name = Workspace.refName(v.node());
            Located r = ws.resolve(v);
            if (name == null && r.node() != null) {
                name = r.node().string("title");
            }
            if (name == null && r.node() != null) {
                name = r.node().canonical();
                if (name.length() > 80) {
                    name = name.substring(0, 80) + "…";
                }
            }
            out.putIfAbsent(name == null ? "#" + out.size() : name, v);
        }
        return out;
    }

    private void properties(SchemaView b, SchemaView h, Ctx ctx, String prop, String sp, int depth) {
        for (Map.Entry<String, Located> e : b.properties.entrySet()) {
            String name = e.getKey();
            String child = prop.isEmpty() ? name : prop + "/" + name;
            String pointer = sp + "/properties/" + Located.escape(name);
            Located bp = base.resolve(e.getValue());
            Located hp = h.properties.get(name);
            boolean bReq = b.required.contains(name);
            if (hp == null) {
                // the parent at head: its properties map when the schema has one of its own
                Located parent = h.at.child("properties").node() != null ? h.at.child("properties") : h.at;
                String was = diff.describeBase(e.getValue());
                if (ctx.request) {
                    if (!flag(bp, "readOnly")) {
                        emit("request-property-removed", ctx, child, pointer, parent, "name", name, "base", was);
                    }
                } else if (!flag(bp, "writeOnly")) {
                    emit(bReq ? "response-required-property-removed" : "response-optional-property-removed", ctx, child,
                            pointer, parent, "name", name, "base", was);
                }
                continue;
            }
            Located hpr = head.resolve(hp);
            boolean hReq = h.required.contains(name);
            if (bReq != hReq) {
                boolean skip = ctx.request ? flag(hpr, "readOnly") : flag(hpr, "writeOnly");
                if (!skip) {
                    String rule = ctx.direction() + "-property-became-" + (hReq ? "required" : "optional");
                    emit(rule, ctx, child, pointer + "/required", hp, "name", name);
                }
            }
            mutability(bp, hpr, ctx, child, pointer, hp, hReq);
            diff.propertyLifecycle(bp, hpr, ctx, child, pointer, hp);
            compare(e.getValue(), hp, ctx, child, pointer, depth + 1);
        }
        for (Map.Entry<String, Located> e : h.properties.entrySet()) {
            String name = e.getKey();
            if (b.properties.containsKey(name)) {
                continue;
            }
            String child = prop.isEmpty() ? name : prop + "/" + name;
            String pointer = sp + "/properties/" + Located.escape(name);
            Located hpr = head.resolve(e.getValue());
            boolean req = h.required.contains(name);
            if (ctx.request) {
                if (flag(hpr, "readOnly")) {
                    continue;
                }
                emit(req ? "new-required-request-property" : "new-optional-request-property", ctx, child, pointer,
                        e.getValue(), "name", name);
            } else if (!flag(hpr, "writeOnly")) {
                emit(req ? "response-required-property-added" : "response-optional-property-added", ctx, child, pointer,
                        e.getValue(), "name", name);
            }
        }
    }

    /**
     * readOnly / writeOnly changes of a property present on both sides, named like oasdiff's
     * {@code request-required-property-became-read-only}. Whether it breaks is in the rule's level.
     */
    private void mutability(Located bp, Located hp, Ctx ctx, String prop, String pointer, Located at, boolean required) {
        for (String keyword : List.of("readOnly", "writeOnly")) {
            boolean bf = flag(bp, keyword);
            boolean hf = flag(hp, keyword);
            if (bf == hf) {
                continue;
            }
            String attr = keyword.equals("readOnly") ? "read-only" : "write-only";
            Located where = at.node() != null && at.node().isMap() && at.node().has(keyword) ? at.child(keyword) : at;
            emit(ctx.direction() + "-" + (required ? "required" : "optional") + "-property-became-"
                    + (hf ? "" : "not-") + attr, ctx, prop, pointer + "/" + keyword, where, "keyword", keyword);
        }
    }

    private static boolean flag(Located l, String key) {
        return l != null && l.node() != null && l.node().isMap() && l.node().flag(key);
    }
}
