package io.mergegate.checkers.avro;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON document with the line and column of every value, keyed by RFC 6901 JSON pointer, so a
 * finding about {@code /fields/2/type} can point at the line of the head file. Comments are
 * accepted, as Avro's own parser accepts them, and remembered for the {@code avro/json-comments} lint.
 */
final class LocatedJson {

    /** Deeper nesting is refused, so hostile input cannot exhaust the stack. */
    static final int MAX_DEPTH = 400;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** Line and column (both 1-based) of a value or a key. */
    record Pos(int line, int column) {
        static final Pos START = new Pos(1, 1);
    }

    private final JsonNode root;
    private final Map<String, Pos> values;
    private final Map<String, Pos> keys;
    private final Pos firstComment;

    private LocatedJson(JsonNode root, Map<String, Pos> values, Map<String, Pos> keys, Pos firstComment) {
        this.root = root;
        this.values = values;
        this.keys = keys;
        this.firstComment = firstComment;
    }

    /** Thrown for malformed JSON, with the position Jackson reported. */
    static final class MalformedJson extends Exception {
        private static final long serialVersionUID = 1L;
        final Pos pos;

        MalformedJson(String message, Pos pos) {
            super(message);
            this.pos = pos;
        }
    }

    static LocatedJson parse(String text) throws MalformedJson {
        Map<String, Pos> values = new HashMap<>();
        Map<String, Pos> keys = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new MalformedJson("the file holds no JSON value", Pos.START);
            }
            JsonNode root = read(p, "", values, keys);
            if (p.nextToken() != null) {
                throw new MalformedJson("unexpected content after the JSON value", pos(p.currentTokenLocation()));
            }
            return new LocatedJson(root, values, keys, findComment(text));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new MalformedJson(e.getOriginalMessage(), loc == null ? Pos.START : pos(loc));
        } catch (IOException e) {
            throw new MalformedJson(String.valueOf(e.getMessage()), Pos.START);
        }
    }

    private static JsonNode read(JsonParser p, String pointer, Map<String, Pos> values, Map<String, Pos> keys)
            throws IOException {
        values.put(pointer, pos(p.currentTokenLocation()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + escape(name);
                    keys.put(child, pos(p.currentTokenLocation()));
                    p.nextToken();
                    o.set(name, read(p, child, values, keys));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, pointer + "/" + i++, values, keys));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return f.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(p.getBooleanValue());
            }
            default -> {
                return f.nullNode();
            }
        }
    }

    /** Position of the first {@code //} or {@code /*} outside a string, or null. */
    private static Pos findComment(String text) {
        boolean inString = false;
        int line = 1;
        int col = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                    col++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                return new Pos(line, col);
            }
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return null;
    }

    private static Pos pos(JsonLocation l) {
        return new Pos(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    JsonNode root() {
        return root;
    }

    Optional<Pos> firstComment() {
        return Optional.ofNullable(firstComment);
    }

    /** The node at a pointer, or a missing node. */
    JsonNode at(String pointer) {
        return pointer.isEmpty() ? root : root.at(pointer);
    }

    /**
     * Where a pointer points: its key when the pointer names an object member (so a field's line is
     * the line of its {@code "name"} key), else the value; for a pointer that does not exist in this
     * document, the nearest existing ancestor.
     */
    Pos locate(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            Pos k = keys.get(p);
            if (k != null) {
                return k;
            }
            Pos v = values.get(p);
            if (v != null) {
                return v;
            }
            if (p.isEmpty()) {
                return Pos.START;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** The longest prefix of a pointer that exists in this document. */
    String existing(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (!p.isEmpty() && !values.containsKey(p)) {
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
        return p;
    }

    /** Where a field object is reported: the line of its {@code name} member. */
    Pos locateField(String fieldPointer) {
        Pos name = values.get(fieldPointer + "/name");
        return name != null ? keys.get(fieldPointer + "/name") : locate(fieldPointer);
    }
}
