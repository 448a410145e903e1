package io.mergegate.engine.config;

import io.mergegate.core.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code .mergegate.yml}, validates it against the JSON Schema in the rules module and reports
 * errors with the file, the YAML line and the key, suggesting the closest valid key for typos.
 */
public final class ConfigLoader {

    /** Class-path location of the config schema (in the rules module). */
    public static final String SCHEMA_RESOURCE = "/mergegate-config.schema.json";

    private static final int MAX_CONFIG_BYTES = 1 << 20;
    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[(.*)] is not permitted");

    private static volatile Schema schema;
    private static volatile JSONObject schemaJson;

    private ConfigLoader() {
    }

    /** Loads a config file given on the command line; it must exist. */
    /**
     * The config a run uses: {@code explicit} when given (it must exist), else {@code .mergegate.yml} at the
     * repository root when there is one, else the documented defaults.
     */
    public static GateConfig loadFor(Path explicit, Path root) {
        if (explicit != null) {
            return load(explicit);
        }
        Path file = root.resolve(GateConfig.DEFAULT_FILE);
        return Files.exists(file) ? load(file) : GateConfig.defaults();
    }

    public static GateConfig load(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new ConfigException(name, 0, "config file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(name, 0, "config path is not a regular file");
        }
        try {
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                throw new ConfigException(name, 0, "config file is larger than 1 MiB");
            }
            return parse(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException(name, 0, "cannot read config: " + e.getMessage());
        }
    }

    /** Parses and validates config bytes; {@code name} is used in messages. */
    public static GateConfig parse(String name, byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, SourceFile.BINARY_PROBE); i++) {
            if (bytes[i] == 0) {
                throw new ConfigException(name, 0, "config file is binary, expected YAML text");
            }
        }
        String text = SourceFile.decodeUtf8(bytes).orElseThrow(() -> new ConfigException(name, 0,
                "config file is not valid UTF-8 (first bad byte at offset "
                        + SourceFile.firstInvalidUtf8Offset(bytes) + ")"));
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_CONFIG_BYTES);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ConfigException(name, m == null ? 0 : m.getLine() + 1, "invalid YAML: " + firstLine(e.getProblem()));
        } catch (YAMLException e) {
            throw new ConfigException(name, 0, "invalid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            throw new ConfigException(name, 0,
                    "config file is empty; add settings (see README) or delete it to use the defaults");
        }
        if (!(root instanceof MappingNode)) {
            throw new ConfigException(name, line(root), "the config must be a map of settings, not a "
                    + kind(root));
        }
        Map<String, Integer> lines = new HashMap<>();
        Object value = convert(name, root, "", lines);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        if (!ValidatedConfigs.known(map)) {
            validate(name, map, lines);
            ValidatedConfigs.remember(map);
        }
        return new GateConfig(map, name, bytes);
    }

    private static Object convert(String file, Node node, String pointer, Map<String, Integer> lines) {
        lines.put(pointer, line(node));
        if (node instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw new ConfigException(file, line(t.getKeyNode()), "keys must be plain strings");
                }
                String key = k.getValue();
                if (out.containsKey(key)) {
                    throw new ConfigException(file, line(k), "duplicate key '" + key + "'");
                }
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                out.put(key, convert(file, t.getValueNode(), child, lines));
                lines.put(child, line(k));
            }
            return out;
        }
        if (node instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Node n : s.getValue()) {
                out.add(convert(file, n, pointer + "/" + i++, lines));
            }
            return out;
        }
        ScalarNode sc = (ScalarNode) node;
        Tag tag = sc.getTag();
        String v = sc.getValue();
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            // YAML 1.2 booleans only: "off" or "no" stay strings ("off" is a severity here).
            if (Tag.BOOL.equals(tag) && v.toLowerCase(Locale.ROOT).matches("true|false")) {
                return Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
            }
            if (Tag.BOOL.equals(tag)) {
                return v;
            }
            if (Tag.INT.equals(tag)) {
                return Long.parseLong(v.replace("_", ""));
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(v.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return v;
        }
        return v;
    }

    private static void validate(String file, Map<String, Object> doc, Map<String, Integer> lines) {
        try {
            schema().validate(new JSONObject(doc));
        } catch (ValidationException e) {
            ValidationException first = leaf(e);
            // everit escapes "/" in keys as "~01" (it escapes the "~" of "~1" again); undo that.
            String pointer = first.getPointerToViolation() == null ? ""
                    : first.getPointerToViolation().replaceFirst("^#", "").replace("~01", "~1");
            String message = first.getErrorMessage();
            Matcher m = EXTRANEOUS.matcher(message);
            if (m.find()) {
                String key = m.group(1);
                String at = pointer + "/" + key;
                String where = pointer.isEmpty() ? "top level" : "'" + dotted(pointer) + "'";
                String hint = suggest(pointer, key).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw new ConfigException(file, lines.getOrDefault(at, lines.getOrDefault(pointer, 0)),
                        "unknown key '" + key + "' at " + where + hint);
            }
            String where = pointer.isEmpty() ? "" : "'" + dotted(pointer) + "': ";
            throw new ConfigException(file, lines.getOrDefault(pointer, 0), where + message);
        }
    }

    private static ValidationException leaf(ValidationException e) {
        ValidationException cur = e;
        while (!cur.getCausingExceptions().isEmpty()) {
            List<ValidationException> causes = new ArrayList<>(cur.getCausingExceptions());
            causes.sort(Comparator.comparing((ValidationException c) -> c.getPointerToViolation() == null ? ""
                    : c.getPointerToViolation()).thenComparing(ValidationException::getErrorMessage));
            // Prefer an "unknown key" cause: a oneOf mismatch is usually a typo deeper down.
            cur = causes.stream().filter(c -> EXTRANEOUS.matcher(c.getErrorMessage()).find()).findFirst()
                    .orElse(causes.get(0));
        }
        return cur;
    }

    private static String dotted(String pointer) {
        return pointer.replaceFirst("^/", "").replace('/', '.').replace("~1", "/").replace("~0", "~");
    }

    /** The closest allowed key at a location, by edit distance, when it is close enough to be a typo. */
    static Optional<String> suggest(String pointer, String key) {
        JSONObject node = schemaJson();
        for (String part : pointer.replaceFirst("^/", "").split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            JSONObject props = node.optJSONObject("properties");
            if (props == null || props.optJSONObject(part) == null) {
                return Optional.empty();
            }
            node = props.getJSONObject(part);
        }
        JSONObject props = node.optJSONObject("properties");
        if (props == null) {
            return Optional.empty();
        }
        return closest(key, new java.util.TreeSet<>(props.keySet()));
    }

    /** The candidate closest to {@code key} by edit distance, when it is close enough to be a typo. */
    public static Optional<String> closest(String key, java.util.Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Schema schema() {
        Schema s = schema;
        if (s == null) {
            s = SchemaLoader.load(new JSONObject(schemaJson().toString()));
            schema = s;
        }
        return s;
    }

    private static JSONObject schemaJson() {
        JSONObject j = schemaJson;
        if (j == null) {
            try (InputStream in = ConfigLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("config schema missing from the class path: " + SCHEMA_RESOURCE);
                }
                j = new JSONObject(new JSONTokener(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            schemaJson = j;
        }
        return j;
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static String kind(Node n) {
        return n instanceof SequenceNode ? "list" : "single value";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed document";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
