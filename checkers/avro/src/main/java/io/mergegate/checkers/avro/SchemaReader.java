package io.mergegate.checkers.avro;

import com.fasterxml.jackson.databind.JsonNode;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;

/**
 * Reads Avro schema files of one source tree: bytes to text (refusing binary, non-UTF-8 and
 * oversized files), text to located JSON, JSON to an Avro {@link Schema} with named types from other
 * files of the tree resolved. A new version is parsed strictly (strict names, defaults validated),
 * earlier versions leniently, as Confluent Schema Registry does.
 */
final class SchemaReader {

    static final Set<String> PRIMITIVES = Set.of("null", "boolean", "int", "long", "float", "double", "bytes",
            "string");

    private final SourceTree tree;
    private final Predicate<String> isSchema;
    private final long maxBytes;
    private Map<String, String> definitions;

    /** A problem that stops a version from being used. */
    record Problem(String ruleId, String message, LocatedJson.Pos pos, String pointer) {
    }

    /** A parsed file: the schema and its JSON, or the problem. */
    record Parsed(String path, String text, LocatedJson json, Schema schema, Problem problem) {
        boolean ok() {
            return problem == null;
        }
    }

    SchemaReader(SourceTree tree, Predicate<String> isSchema, long maxBytes) {
        this.tree = tree;
        this.isSchema = isSchema;
        this.maxBytes = maxBytes;
    }

    SourceTree tree() {
        return tree;
    }

    /** Parses a file of this tree. */
    Parsed read(String path, boolean strict) {
        Optional<SourceFile> f = tree.file(path);
        if (f.isEmpty()) {
            return failed(path, null, null, AvroRuleIds.INVALID_SCHEMA, "the file does not exist", null);
        }
        return read(path, f.get(), strict);
    }

    Parsed read(String path, SourceFile file, boolean strict) {
        if (file.isSymlink()) {
            return failed(path, null, null, AvroRuleIds.INVALID_SCHEMA, "is a symbolic link, not a schema file", null);
        }
        long size = file.size();
        if (size > maxBytes) {
            return failed(path, null, null, AvroRuleIds.INVALID_SCHEMA,
                    "is " + size + " bytes, above the limit of " + maxBytes + " bytes (avro.max-file-size)", null);
        }
        return parseBytes(path, file.bytes(), strict);
    }

    Parsed parseBytes(String path, byte[] bytes, boolean strict) {
        if (bytes.length > maxBytes) {
            return failed(path, null, null, AvroRuleIds.INVALID_SCHEMA,
                    "is " + bytes.length + " bytes, above the limit of " + maxBytes + " bytes (avro.max-file-size)", null);
        }
        int n = Math.min(bytes.length, SourceFile.BINARY_PROBE);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return failed(path, null, null, AvroRuleIds.INVALID_SCHEMA,
                        "is a binary file (NUL byte at offset " + i + "), not Avro schema JSON", null);
            }
        }
        Optional<String> text = SourceFile.decodeUtf8(bytes);
        if (text.isEmpty()) {
            return failed(path, null, null, AvroRuleIds.INVALID_SCHEMA,
                    "is not valid UTF-8 (first bad byte at offset " + SourceFile.firstInvalidUtf8Offset(bytes) + ")", null);
        }
        return parseText(path, text.get(), strict);
    }

    Parsed parseText(String path, String text, boolean strict) {
        if (text.isBlank()) {
            return failed(path, text, null, AvroRuleIds.INVALID_SCHEMA, "is empty", null);
        }
        LocatedJson json;
        try {
            json = LocatedJson.parse(text);
        } catch (LocatedJson.MalformedJson e) {
            return new Parsed(path, text, null, null,
                    new Problem(AvroRuleIds.INVALID_SCHEMA, "is not valid JSON: " + e.getMessage(), e.pos, null));
        }
        if (json.root().isArray()) {
            return failed(path, text, json, AvroRuleIds.INVALID_SCHEMA,
                    "holds a JSON array (a union) at the top level; a subject's schema file must define one named type",
                    "");
        }
        if (!json.root().isObject() && !json.root().isTextual()) {
            return failed(path, text, json, AvroRuleIds.INVALID_SCHEMA,
                    "holds a JSON " + json.root().getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                            + " at the top level, not an Avro schema", "");
        }
        Names names = Names.of(json.root());
        Map<String, String> defs = definitions();
        List<String> order = new ArrayList<>();
        for (Names.Ref ref : names.references) {
            if (names.defined.contains(ref.fullName()) || names.defined.contains(ref.name())) {
                continue;
            }
            String definingPath = defs.getOrDefault(ref.fullName(), defs.get(ref.name()));
            if (definingPath == null || definingPath.equals(path)) {
                return failed(path, text, json, AvroRuleIds.UNRESOLVED_TYPE, "references `" + ref.name()
                        + "`, which neither this file nor any other schema file in the repository defines",
                        ref.pointer());
            }
            collectDependencies(definingPath, path, order, new HashSet<>());
        }
        Schema.Parser parser = strict
                ? new Schema.Parser(NameValidator.STRICT_VALIDATOR).setValidateDefaults(true)
                : new Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false);
        for (String dep : order) {
            tree.file(dep).flatMap(SourceFile::utf8).ifPresent(t -> {
                try {
                    parser.parse(t);
                } catch (RuntimeException | StackOverflowError e) {
                    // the dependency reports its own problem when it changes; here its types stay unresolved
                }
            });
        }
        try {
            Schema schema = parser.parse(text);
            return new Parsed(path, text, json, schema, null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Parsed(path, text, json, null, classify(e, json, names));
        }
    }

    private void collectDependencies(String path, String origin, List<String> order, Set<String> seen) {
        if (!seen.add(path) || order.contains(path) || path.equals(origin)) {
            return;
        }
        Optional<JsonNode> root = quickJson(path);
        if (root.isPresent()) {
            Names names = Names.of(root.get());
            for (Names.Ref ref : names.references) {
                String def = definitions().getOrDefault(ref.fullName(), definitions().get(ref.name()));
                if (def != null && !names.defined.contains(ref.fullName())) {
                    collectDependencies(def, origin, order, seen);
                }
            }
        }
        order.add(path);
    }

    /** Full name of every named type defined by the schema files of the tree, to the defining file. */
    private Map<String, String> definitions() {
        if (definitions == null) {
            Map<String, String> defs = new HashMap<>();
            for (String p : tree.paths()) {
                if (isSchema.test(p)) {
                    quickJson(p).ifPresent(root -> Names.of(root).defined.forEach(n -> defs.putIfAbsent(n, p)));
                }
            }
            definitions = defs;
        }
        return definitions;
    }

    private final Map<String, Optional<JsonNode>> quick = new HashMap<>();

    private Optional<JsonNode> quickJson(String path) {
        return quick.computeIfAbsent(path, p -> tree.file(p)
                .filter(f -> !f.isSymlink() && f.size() <= maxBytes)
                .flatMap(SourceFile::utf8)
                .flatMap(t -> {
                    try {
                        return Optional.of(LocatedJson.parse(t).root());
                    } catch (LocatedJson.MalformedJson e) {
                        return Optional.empty();
                    }
                }));
    }

    private static Parsed failed(String path, String text, LocatedJson json, String rule, String message,
            String pointer) {
        LocatedJson.Pos pos = json != null && pointer != null ? json.locate(pointer) : LocatedJson.Pos.START;
        return new Parsed(path, text, json, null, new Problem(rule, message, pos, pointer));
    }

    /** Maps the Avro parser's exception to the finest rule id and the spot in the file. */
    static Problem classify(Throwable e, LocatedJson json, Names names) {
        if (e instanceof StackOverflowError) {
            return new Problem(AvroRuleIds.INVALID_SCHEMA, "nests types too deeply to parse", LocatedJson.Pos.START, null);
        }
        String msg = String.valueOf(e.getMessage());
        String rule = AvroRuleIds.INVALID_SCHEMA;
        String pointer = null;
        if (msg.startsWith("Invalid default for field ")) {
            rule = AvroRuleIds.INVALID_DEFAULT;
            String field = msg.substring("Invalid default for field ".length()).split(":", 2)[0].trim();
            pointer = names.fieldPointers.get(field);
            pointer = pointer == null ? null : pointer + "/default";
        } else if (msg.startsWith("Illegal initial character: ") || msg.startsWith("Illegal character in: ")
                || msg.startsWith("Empty name")) {
            rule = AvroRuleIds.INVALID_NAME;
            String name = msg.substring(msg.indexOf(':') + 1).trim();
            pointer = names.namePointers.get(name);
        } else if (msg.startsWith("Duplicate field ")) {
            rule = AvroRuleIds.DUPLICATE_FIELD;
            String field = msg.substring("Duplicate field ".length()).split(" ", 2)[0];
            pointer = names.duplicateFieldPointers.get(field);
        } else if (msg.startsWith("The Enum Default: ")) {
            rule = AvroRuleIds.INVALID_ENUM_DEFAULT;
            String sym = msg.substring("The Enum Default: ".length()).split(" ", 2)[0];
            pointer = names.enumDefaultPointers.get(sym);
        } else if (msg.startsWith("Undefined schema: ") || msg.startsWith("Undefined name: ")
                || msg.contains("UnresolvedSchema") || msg.contains("is not a defined name")) {
            rule = AvroRuleIds.UNRESOLVED_TYPE;
            pointer = names.references.stream().map(Names.Ref::pointer).findFirst().orElse(null);
        } else if (!(e instanceof AvroRuntimeException) && !(e instanceof IllegalArgumentException)) {
            msg = e.getClass().getSimpleName() + ": " + msg;
        }
        msg = msg.replaceAll("\\s*at \\[Source: .*", "").replace('\n', ' ').strip();
        LocatedJson.Pos pos = pointer != null && json != null ? json.locate(pointer) : LocatedJson.Pos.START;
        return new Problem(rule, "is not a valid Avro schema: " + msg, pos, pointer);
    }

    /** Named types defined and referenced by a schema document, with their JSON pointers. */
    static final class Names {
        record Ref(String name, String fullName, String pointer) {
        }

        final Set<String> defined = new HashSet<>();
        final List<Ref> references = new ArrayList<>();
        final Map<String, String> fieldPointers = new LinkedHashMap<>();
        final Map<String, String> duplicateFieldPointers = new LinkedHashMap<>();
        final Map<String, String> namePointers = new HashMap<>();
        final Map<String, String> enumDefaultPointers = new HashMap<>();

        static Names of(JsonNode root) {
            Names n = new Names();
            n.walk(root, "", "", 0);
            return n;
        }

        static String fullName(String name, String namespace, String enclosing) {
            if (name.contains(".")) {
                return name;
            }
            String ns = namespace != null ? namespace : enclosing;
            return ns == null || ns.isEmpty() ? name : ns + "." + name;
        }

        private void walk(JsonNode node, String ns, String pointer, int depth) {
            if (depth > LocatedJson.MAX_DEPTH) {
                return;
            }
            if (node.isTextual()) {
                reference(node.asText(), ns, pointer);
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), ns, pointer + "/" + i, depth + 1);
                }
            } else if (node.isObject()) {
                JsonNode type = node.get("type");
                if (type == null) {
                    return;
                }
                if (!type.isTextual()) {
                    walk(type, ns, pointer + "/type", depth + 1);
                    return;
                }
                String t = type.asText();
                switch (t) {
                    case "record", "error", "enum", "fixed" -> {
                        String inner = ns;
                        if (node.path("name").isTextual()) {
                            String name = node.get("name").asText();
                            String space = node.path("namespace").isTextual() ? node.get("namespace").asText() : null;
                            String full = fullName(name, space, ns);
                            defined.add(full);
                            namePointers.putIfAbsent(name, pointer + "/name");
                            int dot = full.lastIndexOf('.');
                            inner = dot < 0 ? "" : full.substring(0, dot);
                        }
                        if (node.path("namespace").isTextual()) {
                            namePointers.putIfAbsent(node.get("namespace").asText(), pointer + "/namespace");
                        }
                        if (node.path("symbols").isArray()) {
                            for (int i = 0; i < node.get("symbols").size(); i++) {
                                namePointers.putIfAbsent(node.get("symbols").get(i).asText(), pointer + "/symbols/" + i);
                            }
                        }
                        if (node.path("default").isTextual() && t.equals("enum")) {
                            enumDefaultPointers.putIfAbsent(node.get("default").asText(), pointer + "/default");
                        }
                        JsonNode fields = node.get("fields");
                        if (fields != null && fields.isArray()) {
                            Set<String> seen = new HashSet<>();
                            for (int i = 0; i < fields.size(); i++) {
                                JsonNode f = fields.get(i);
                                String fp = pointer + "/fields/" + i;
                                if (f.path("name").isTextual()) {
                                    String fname = f.get("name").asText();
                                    fieldPointers.putIfAbsent(fname, fp);
                                    namePointers.putIfAbsent(fname, fp + "/name");
                                    if (!seen.add(fname)) {
                                        duplicateFieldPointers.putIfAbsent(fname, fp);
                                    }
                                }
                                if (f.has("type")) {
                                    walk(f.get("type"), inner, fp + "/type", depth + 1);
                                }
                            }
                        }
                    }
                    case "array" -> {
                        if (node.has("items")) {
                            walk(node.get("items"), ns, pointer + "/items", depth + 1);
                        }
                    }
                    case "map" -> {
                        if (node.has("values")) {
                            walk(node.get("values"), ns, pointer + "/values", depth + 1);
                        }
                    }
                    default -> reference(t, ns, pointer + "/type");
                }
            }
        }

        private void reference(String name, String ns, String pointer) {
            if (PRIMITIVES.contains(name) || name.isEmpty()) {
                return;
            }
            references.add(new Ref(name, fullName(name, null, ns), pointer));
        }
    }
}
