package io.mergegate.checkers.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural validation with swagger-parser (3.0 and 3.1). References are not resolved here (the
 * checker resolves them itself from the repository snapshot), so the parser never reads files or
 * the network. Each message is mapped to the closest node of the location-aware tree.
 */
final class SpecValidator {

    private static final Pattern SEGMENT = Pattern.compile("'([^']*)'(?:\\((\\w+)\\))?|([^.']+)");
    private static final Pattern ATTRIBUTE = Pattern.compile("(?:attribute |^)((?:paths|components|info|servers|webhooks)[^ ]*)");

    private SpecValidator() {
    }

    /**
     * A validation message and the node it is about.
     *
     * @param structural false for a missing field the diff does not need (a description, the
     *                   responses object, {@code required: true} on a path parameter, an undeclared
     *                   path parameter): still reported, but the spec is diffed
     */
    record Message(String text, int line, int column, boolean structural) {
    }

    /** Only a value of the wrong type stops the diff; a missing or undeclared field does not. */
    private static final Pattern NON_STRUCTURAL = Pattern.compile(
            ".*(is missing|the required value should be true|needs to be defined as a path parameter.*)$");

    /** Messages that make the spec invalid (unexpected extra attributes are ignored). */
    /**
     * Larger specs (already parsed, with bounds, by {@link SpecLoader}) skip this structural
     * validation, whose model would not fit the memory bound next to both trees.
     */
    static final int MAX_VALIDATED_CHARS = 3_000_000;

    static List<Message> validate(String text, SpecNode root) {
        if (text.length() > MAX_VALIDATED_CHARS) {
            return List.of();
        }
        boolean v31 = String.valueOf(root.string("openapi")).startsWith("3.1");
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        options.setResolveFully(false);
        options.setValidateExternalRefs(false);
        SwaggerParseResult result;
        try {
            result = new OpenAPIV3Parser().parseJsonNode(null, toJackson(root, 0), options);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(new Message("swagger-parser failed: " + SpecLoader.oneLine(String.valueOf(e.getMessage())), 1, 1,
                    true));
        }
        List<Message> out = new ArrayList<>();
        if (result == null || result.getOpenAPI() == null) {
            out.add(new Message("swagger-parser could not read the document as OpenAPI 3.x", 1, 1, true));
        }
        if (result != null && result.getMessages() != null) {
            for (String m : result.getMessages()) {
                if (m == null || ignorable(m) || v31 && m.endsWith(".responses is missing")) {
                    continue;
                }
                int[] pos = position(m, root);
                String line = SpecLoader.oneLine(m);
                out.add(new Message(line, pos[0], pos[1], !NON_STRUCTURAL.matcher(line).matches()));
            }
        }
        return out;
    }

    /**
     * Tolerated: unknown attributes (vendor tooling adds them) and reference warnings. In 3.1
     * {@code responses} is optional, which swagger-parser still reports as missing.
     */
    private static boolean ignorable(String m) {
        return m.contains("is unexpected") || m.contains("is not of type `array`") && m.contains("example")
                || m.startsWith("Could not find") || m.contains("reference") || m.contains("$ref");
    }

    /** The already parsed tree as a Jackson tree, so swagger-parser does not parse the text a second time. */
    private static JsonNode toJackson(SpecNode n, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (depth > SpecLoader.MAX_DEPTH) {
            return f.nullNode();
        }
        switch (n.kind()) {
            case MAP -> {
                ObjectNode o = f.objectNode();
                n.fields().forEach((k, v) -> o.set(k, toJackson(v, depth + 1)));
                return o;
            }
            case LIST -> {
                ArrayNode a = f.arrayNode();
                n.items().forEach(i -> a.add(toJackson(i, depth + 1)));
                return a;
            }
            default -> {
                String t = n.text();
                try {
                    return switch (n.type()) {
                        case "int" -> f.numberNode(new java.math.BigInteger(t.replace("_", "").replace("+", "")));
                        case "float" -> f.numberNode(new java.math.BigDecimal(t.replace("_", "")));
                        case "bool" -> f.booleanNode(Boolean.parseBoolean(t.toLowerCase(java.util.Locale.ROOT))
                                || t.equalsIgnoreCase("yes") || t.equalsIgnoreCase("on"));
                        case "null" -> f.nullNode();
                        default -> f.textNode(t);
                    };
                } catch (NumberFormatException e) {
                    return f.textNode(t);
                }
            }
        }
    }

    /** Splits {@code paths.'/a.b'(get).responses} into {@code paths, /a.b, get, responses}. */
    static List<String> segments(String attribute) {
        List<String> out = new ArrayList<>();
        Matcher m = SEGMENT.matcher(attribute);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(m.group(1));
                if (m.group(2) != null) {
                    out.add(m.group(2));
                }
            } else {
                out.add(m.group(3));
            }
        }
        return out;
    }

    /** Best-effort position from the dotted attribute path in a swagger-parser message. */
    static int[] position(String message, SpecNode root) {
        Matcher m = ATTRIBUTE.matcher(message);
        SpecNode best = root;
        if (m.find()) {
            SpecNode cur = root;
            for (String key : segments(m.group(1))) {
                SpecNode next = cur != null && cur.isMap() ? cur.get(key) : null;
                if (next == null) {
                    break;
                }
                cur = next;
                best = cur;
            }
        }
        return new int[] {Math.max(1, best.line()), Math.max(1, best.column())};
    }
}
