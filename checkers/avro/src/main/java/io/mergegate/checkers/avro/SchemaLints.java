package io.mergegate.checkers.avro;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lints on one schema document, from its JSON (what the author wrote, before Avro drops what it
 * does not understand): logical types in the wrong place or invalid, union and null defaults,
 * missing enum defaults, namespaces and docs, naming conventions and comments.
 */
final class SchemaLints {

    /** One lint hit at a JSON pointer, or at a fixed position (comments). */
    record Hit(String ruleId, String pointer, LocatedJson.Pos pos, Map<String, Object> args) {
    }

    /** The naming conventions; a null pattern disables that part. */
    record Naming(Pattern types, Pattern fields, Pattern symbols, boolean namespaceMatchesFolder) {
        static final Naming DEFAULT = new Naming(Pattern.compile("[A-Z][A-Za-z0-9]*"),
                Pattern.compile("[a-z][A-Za-z0-9]*"), Pattern.compile("[A-Z][A-Z0-9_]*"), false);
    }

    private static final Set<String> FIELD_LOGICAL_KEYS = Set.of("logicalType", "precision", "scale");

    private final String path;
    private final Naming naming;
    private final List<Hit> hits = new ArrayList<>();

    private SchemaLints(String path, Naming naming) {
        this.path = path;
        this.naming = naming;
    }

    static List<Hit> lint(String path, LocatedJson json, Naming naming) {
        SchemaLints l = new SchemaLints(path, naming);
        json.firstComment().ifPresent(pos -> l.hits.add(new Hit(AvroRuleIds.JSON_COMMENTS, null, pos, Map.of())));
        JsonNode root = json.root();
        if (root.isObject() && root.path("name").isTextual() && isNamedType(root.path("type").asText(""))) {
            String name = root.get("name").asText();
            boolean hasNamespace = !root.path("namespace").asText("").isEmpty() || name.contains(".");
            if (!hasNamespace) {
                l.hit(AvroRuleIds.MISSING_NAMESPACE, "/name", Map.of("name", name));
            } else if (naming.namespaceMatchesFolder()) {
                String ns = name.contains(".") ? name.substring(0, name.lastIndexOf('.'))
                        : root.get("namespace").asText();
                String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')).replace('/', '.') : "";
                if (!folder.equals(ns) && !folder.endsWith("." + ns)) {
                    l.hit(AvroRuleIds.NAMING_CONVENTION, root.has("namespace") ? "/namespace" : "/name",
                            Map.of("kind", "namespace", "name", ns, "pattern", "the folder `" + folder + "`"));
                }
            }
        }
        l.type(root, "", 0);
        return l.hits;
    }

    private static boolean isNamedType(String t) {
        return t.equals("record") || t.equals("error") || t.equals("enum") || t.equals("fixed");
    }

    private void hit(String rule, String pointer, Map<String, Object> args) {
        hits.add(new Hit(rule, pointer, null, args));
    }

    private void type(JsonNode node, String pointer, int depth) {
        if (depth > LocatedJson.MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                type(node.get(i), pointer + "/" + i, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode typeNode = node.get("type");
        if (typeNode != null && !typeNode.isTextual()) {
            type(typeNode, pointer + "/type", depth + 1);
            return;
        }
        String t = typeNode == null ? "" : typeNode.asText();
        if (node.has("logicalType")) {
            logical(node, t, pointer);
        }
        switch (t) {
            case "record", "error" -> {
                named(node, pointer, "record", naming.types());
                JsonNode fields = node.path("fields");
                for (int i = 0; i < fields.size(); i++) {
                    field(fields.get(i), pointer + "/fields/" + i, depth);
                }
            }
            case "enum" -> {
                named(node, pointer, "enum", naming.types());
                String name = node.path("name").asText("?");
                if (!node.has("default")) {
                    hit(AvroRuleIds.ENUM_WITHOUT_DEFAULT, pointer + "/name", Map.of("name", name));
                }
                JsonNode symbols = node.path("symbols");
                for (int i = 0; i < symbols.size(); i++) {
                    String s = symbols.get(i).asText("");
                    if (naming.symbols() != null && !naming.symbols().matcher(s).matches()) {
                        hit(AvroRuleIds.NAMING_CONVENTION, pointer + "/symbols/" + i,
                                Map.of("kind", "enum symbol", "name", s, "pattern", naming.symbols().pattern()));
                    }
                }
            }
            case "fixed" -> named(node, pointer, "fixed", naming.types());
            case "array" -> type(node.path("items"), pointer + "/items", depth + 1);
            case "map" -> type(node.path("values"), pointer + "/values", depth + 1);
            default -> {
            }
        }
    }

    private void named(JsonNode node, String pointer, String kind, Pattern pattern) {
        String name = node.path("name").asText("");
        String simple = name.substring(name.lastIndexOf('.') + 1);
        if (pattern != null && !simple.isEmpty() && !pattern.matcher(simple).matches()) {
            hit(AvroRuleIds.NAMING_CONVENTION, pointer + "/name",
                    Map.of("kind", kind + " name", "name", simple, "pattern", pattern.pattern()));
        }
        if (!kind.equals("fixed") && node.path("doc").asText("").isBlank()) {
            hit(AvroRuleIds.MISSING_DOC, pointer + "/name", Map.of("kind", kind, "name", name));
        }
    }

    private void field(JsonNode field, String pointer, int depth) {
        String name = field.path("name").asText("?");
        for (String key : FIELD_LOGICAL_KEYS) {
            if (field.has(key)) {
                hit(AvroRuleIds.LOGICAL_TYPE_ON_FIELD, pointer + "/" + key,
                        Map.of("name", name, "key", key, "value", field.get(key).toString()));
                break;
            }
        }
        if (naming.fields() != null && !naming.fields().matcher(name).matches()) {
            hit(AvroRuleIds.NAMING_CONVENTION, pointer + "/name",
                    Map.of("kind", "field", "name", name, "pattern", naming.fields().pattern()));
        }
        JsonNode type = field.path("type");
        JsonNode union = type.isArray() ? type : type.path("type").isArray() ? type.get("type") : null;
        if (union != null) {
            boolean nullable = false;
            for (JsonNode b : union) {
                nullable |= branchName(b).equals("null");
            }
            if (!field.has("default")) {
                if (nullable) {
                    hit(AvroRuleIds.NULLABLE_WITHOUT_DEFAULT, pointer + "/name", Map.of("name", name));
                }
            } else {
                JsonNode def = field.get("default");
                if (nullable && def.isTextual() && def.asText().equals("null")) {
                    hit(AvroRuleIds.DEFAULT_NULL_STRING, pointer + "/default", Map.of("name", name));
                } else if (union.size() > 0 && !matches(union.get(0), def)) {
                    hit(AvroRuleIds.UNION_DEFAULT_NOT_FIRST_BRANCH, pointer + "/default",
                            Map.of("name", name, "first", branchName(union.get(0)), "value", def.toString()));
                }
            }
        } else if (field.has("default") && field.get("default").isTextual()
                && field.get("default").asText().equals("null") && branchName(type).equals("null")) {
            hit(AvroRuleIds.DEFAULT_NULL_STRING, pointer + "/default", Map.of("name", name));
        }
        type(type, pointer + "/type", depth + 1);
    }

    private static String branchName(JsonNode b) {
        if (b.isTextual()) {
            return b.asText();
        }
        JsonNode t = b.path("type");
        return t.isTextual() ? t.asText() : "?";
    }

    /** Whether a default value fits a (non-union) branch, by JSON kind only. */
    private static boolean matches(JsonNode branch, JsonNode value) {
        String t = branchName(branch);
        return switch (t) {
            case "null" -> value.isNull();
            case "boolean" -> value.isBoolean();
            case "int", "long" -> value.isIntegralNumber();
            case "float", "double" -> value.isNumber() || value.isTextual();
            case "string", "bytes", "fixed", "enum" -> value.isTextual();
            case "array" -> value.isArray();
            case "map", "record", "error" -> value.isObject();
            default -> !value.isNull() || t.equals("?");
        };
    }

    private void logical(JsonNode node, String type, String pointer) {
        String lt = node.path("logicalType").asText("");
        String problem = switch (lt) {
            case "decimal" -> decimal(node, type);
            case "uuid" -> type.equals("string") || (type.equals("fixed") && node.path("size").asInt() == 16) ? null
                    : "needs a string or a fixed of size 16";
            case "date", "time-millis" -> type.equals("int") ? null : "needs an int";
            case "time-micros", "timestamp-millis", "timestamp-micros", "timestamp-nanos", "local-timestamp-millis",
                    "local-timestamp-micros", "local-timestamp-nanos" -> type.equals("long") ? null : "needs a long";
            case "duration" -> type.equals("fixed") && node.path("size").asInt() == 12 ? null
                    : "needs a fixed of size 12";
            case "big-decimal" -> type.equals("bytes") ? null : "needs bytes";
            default -> "is not a logical type Avro knows";
        };
        if (problem != null) {
            hit(AvroRuleIds.INVALID_LOGICAL_TYPE, pointer + "/logicalType",
                    Map.of("logical", lt, "type", type, "problem", problem));
        }
    }

    private static String decimal(JsonNode node, String type) {
        if (!type.equals("bytes") && !type.equals("fixed")) {
            return "needs bytes or fixed";
        }
        JsonNode p = node.get("precision");
        if (p == null || !p.isIntegralNumber() || p.asLong() <= 0) {
            return "needs a positive integer precision";
        }
        JsonNode s = node.get("scale");
        if (s != null && (!s.isIntegralNumber() || s.asLong() < 0 || s.asLong() > p.asLong())) {
            return "needs a scale between 0 and the precision";
        }
        if (type.equals("fixed")) {
            long size = node.path("size").asLong(0);
            long max = size <= 0 ? 0 : (long) Math.floor(Math.log10(2) * (8 * size - 1));
            if (p.asLong() > max) {
                return "precision " + p.asLong() + " does not fit in a fixed of size " + size;
            }
        }
        return null;
    }
}
