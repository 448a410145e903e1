package io.mergegate.checkers.avro;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Compatibility of a new schema version with earlier ones, computed with Avro's
 * {@link SchemaCompatibility} and driven as Confluent Schema Registry drives it: BACKWARD checks the
 * new schema as reader of data written with an earlier one, FORWARD the reverse, FULL both;
 * transitive modes compare with every earlier version, newest first, the others with the latest only.
 * Each incompatibility becomes an {@link Issue} with a stable rule id and a JSON pointer into the new
 * version.
 */
final class Compatibility {

    /** One version of a subject. */
    public record Version(String label, Schema schema, LocatedJson json) {
    }

    /** Which reader failed. */
    public enum Direction {
        BACKWARD("the new schema cannot read data written with"),
        FORWARD("readers still using the earlier schema cannot read data written with the new one, compared with");

        private final String text;

        Direction(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One incompatibility.
     *
     * @param ruleId    stable rule id
     * @param pointer   JSON pointer into the new version
     * @param name      the field, symbol, branch or type concerned
     * @param detail    Avro's own message
     * @param version   label of the earlier version that produced it
     * @param direction which reader failed
     */
    public record Issue(String ruleId, String pointer, String name, String detail, String version,
            Direction direction) {
    }

    private static final Set<String> NUMERIC_WIDENINGS = Set.of("INT>LONG", "INT>FLOAT", "INT>DOUBLE", "LONG>FLOAT",
            "LONG>DOUBLE", "FLOAT>DOUBLE");

    private Compatibility() {
    }

    /**
     * Checks the new version against the earlier ones (oldest first) in the given mode; an empty list
     * means compatible. Issues are de-duplicated by rule, pointer and name, keeping the newest version.
     */
    public static List<Issue> check(CompatibilityMode mode, Version head, List<Version> earlier) {
        if (mode == CompatibilityMode.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Version> targets = new ArrayList<>();
        if (mode.transitive()) {
            for (int i = earlier.size() - 1; i >= 0; i--) {
                targets.add(earlier.get(i));
            }
        } else {
            targets.add(earlier.get(earlier.size() - 1));
        }
        Map<String, Issue> out = new LinkedHashMap<>();
        for (Version old : targets) {
            if (mode.backward()) {
                for (Incompatibility inc : incompatibilities(head.schema(), old.schema())) {
                    Issue issue = map(inc, Direction.BACKWARD, head, old);
                    out.putIfAbsent(issue.ruleId() + "|" + issue.pointer() + "|" + issue.name(), issue);
                }
            }
            if (mode.forward()) {
                for (Incompatibility inc : incompatibilities(old.schema(), head.schema())) {
                    Issue issue = map(inc, Direction.FORWARD, head, old);
                    out.putIfAbsent(issue.ruleId() + "|" + issue.pointer() + "|" + issue.name(), issue);
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** True when the new version is compatible in the mode. */
    public static boolean compatible(CompatibilityMode mode, Schema head, List<Schema> earlier) {
        List<Version> versions = earlier.stream().map(s -> new Version("", s, null)).toList();
        return check(mode, new Version("", head, null), versions).isEmpty();
    }

    private static List<Incompatibility> incompatibilities(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities();
    }

    private static Issue map(Incompatibility inc, Direction dir, Version head, Version old) {
        boolean backward = dir == Direction.BACKWARD;
        String readerPointer = normalize(inc.getLocation());
        LocatedJson readerJson = backward ? head.json() : old.json();
        String pointer = backward ? readerPointer : translate(old.json(), head.json(), readerPointer);
        String detail = inc.getMessage();
        String rule;
        String name;
        switch (inc.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> {
                name = detail;
                Schema.Field renamedFrom = renamed(inc, name);
                if (renamedFrom != null) {
                    rule = AvroRuleIds.FIELD_RENAMED_WITHOUT_ALIAS;
                    String newName = backward ? name : renamedFrom.name();
                    String oldName = backward ? renamedFrom.name() : name;
                    name = oldName + "` to `" + newName;
                    if (!backward) {
                        pointer = fieldPointer(head.json(), recordPointer(pointer), newName);
                    }
                } else if (backward) {
                    rule = AvroRuleIds.FIELD_ADDED_WITHOUT_DEFAULT;
                } else {
                    rule = AvroRuleIds.FIELD_REMOVED_WITHOUT_DEFAULT;
                    pointer = recordPointer(pointer);
                }
            }
            case MISSING_ENUM_SYMBOLS -> {
                rule = backward ? AvroRuleIds.ENUM_SYMBOL_REMOVED : AvroRuleIds.ENUM_SYMBOL_ADDED;
                name = detail.replace("[", "").replace("]", "");
            }
            case MISSING_UNION_BRANCH -> {
                name = typeName(inc.getWriterFragment());
                if (inc.getWriterFragment() != null && inc.getWriterFragment().getType() != Schema.Type.UNION
                        && !isUnionBranch(readerJson, readerPointer)) {
                    rule = AvroRuleIds.TYPE_CHANGED;
                    name = typeName(inc.getWriterFragment()) + "` to `" + typeName(inc.getReaderFragment());
                } else {
                    rule = backward ? AvroRuleIds.UNION_BRANCH_REMOVED : AvroRuleIds.UNION_BRANCH_ADDED;
                }
            }
            case NAME_MISMATCH -> {
                rule = AvroRuleIds.NAMED_TYPE_RENAMED;
                String oldName = typeName(backward ? inc.getWriterFragment() : inc.getReaderFragment());
                String newName = typeName(backward ? inc.getReaderFragment() : inc.getWriterFragment());
                name = oldName + "` to `" + newName;
            }
            case FIXED_SIZE_MISMATCH -> {
                rule = AvroRuleIds.FIXED_SIZE_CHANGED;
                name = typeName(inc.getReaderFragment());
            }
            default -> {
                Schema reader = inc.getReaderFragment();
                Schema writer = inc.getWriterFragment();
                String last = readerPointer.substring(readerPointer.lastIndexOf('/') + 1);
                boolean writerBranch = !last.isEmpty() && last.chars().allMatch(Character::isDigit)
                        && !isUnionBranch(readerJson, readerPointer);
                Schema oldSchema = backward ? writer : reader;
                Schema newSchema = backward ? reader : writer;
                if (writerBranch) {
                    rule = backward ? AvroRuleIds.UNION_BRANCH_REMOVED : AvroRuleIds.UNION_BRANCH_ADDED;
                    name = typeName(writer);
                    pointer = parent(pointer);
                } else {
                    boolean narrowed = backward && reader != null && writer != null
                            && NUMERIC_WIDENINGS.contains(reader.getType() + ">" + writer.getType());
                    rule = narrowed ? AvroRuleIds.TYPE_NARROWED : AvroRuleIds.TYPE_CHANGED;
                    name = typeName(oldSchema) + "` to `" + typeName(newSchema);
                }
            }
        }
        return new Issue(rule, pointer, name, detail, old.label(), dir);
    }

    /** For a missing field: the field of the writer record the reader lacks, with the same type, if exactly one. */
    private static Schema.Field renamed(Incompatibility inc, String fieldName) {
        Schema reader = inc.getReaderFragment();
        Schema writer = inc.getWriterFragment();
        if (reader == null || writer == null || reader.getType() != Schema.Type.RECORD
                || writer.getType() != Schema.Type.RECORD) {
            return null;
        }
        Schema.Field missing = reader.getField(fieldName);
        if (missing == null) {
            return null;
        }
        Schema.Field candidate = null;
        for (Schema.Field w : writer.getFields()) {
            boolean known = reader.getField(w.name()) != null
                    || reader.getFields().stream().anyMatch(r -> r.aliases().contains(w.name()));
            if (!known && sameType(w.schema(), missing.schema())) {
                if (candidate != null) {
                    return null;
                }
                candidate = w;
            }
        }
        return candidate;
    }

    private static boolean sameType(Schema a, Schema b) {
        return a.equals(b) || a.toString().equals(b.toString());
    }

    static String typeName(Schema s) {
        if (s == null) {
            return "?";
        }
        return switch (s.getType()) {
            case RECORD, ENUM, FIXED -> s.getFullName();
            case ARRAY -> "array<" + typeName(s.getElementType()) + ">";
            case MAP -> "map<" + typeName(s.getValueType()) + ">";
            case UNION -> s.getTypes().stream().map(Compatibility::typeName).toList().toString();
            default -> s.getLogicalType() == null ? s.getName() : s.getName() + "/" + s.getLogicalType().getName();
        };
    }

    private static boolean isUnionBranch(LocatedJson json, String pointer) {
        if (json == null || pointer.isEmpty()) {
            return false;
        }
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        return !last.isEmpty() && last.chars().allMatch(Character::isDigit) && json.at(parent(pointer)).isArray()
                && !parent(pointer).endsWith("/fields") && !parent(pointer).endsWith("/symbols");
    }

    static String normalize(String location) {
        if (location == null || location.equals("/")) {
            return "";
        }
        return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }

    static String parent(String pointer) {
        int i = pointer.lastIndexOf('/');
        return i <= 0 ? "" : pointer.substring(0, i);
    }

    /** The record object holding a {@code .../fields/i} or {@code .../fields} pointer. */
    private static String recordPointer(String pointer) {
        String p = pointer;
        String last = p.substring(p.lastIndexOf('/') + 1);
        if (!last.isEmpty() && last.chars().allMatch(Character::isDigit) && parent(p).endsWith("/fields")) {
            p = parent(p);
        }
        if (p.endsWith("/fields") || p.equals("/fields")) {
            p = parent(p);
        }
        return p;
    }

    private static String fieldPointer(LocatedJson json, String record, String field) {
        if (json == null) {
            return record;
        }
        JsonNode fields = json.at(record + "/fields");
        for (int i = 0; i < fields.size(); i++) {
            if (field.equals(fields.get(i).path("name").asText(null))) {
                return record + "/fields/" + i;
            }
        }
        return record;
    }

    /**
     * Maps a pointer into an earlier version onto the same element of the new version, following
     * field names (and aliases) and union branches by type, and stopping at the deepest element that
     * still exists.
     */
    static String translate(LocatedJson from, LocatedJson to, String pointer) {
        if (from == null || to == null || pointer.isEmpty()) {
            return pointer;
        }
        String[] segments = pointer.substring(1).split("/");
        JsonNode a = from.root();
        JsonNode b = to.root();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            if (a.isObject() && a.has("type") && a.get("type").isObject() && !seg.equals("type") && !a.has(seg)) {
                a = a.get("type");
                b = b.path("type");
                out.append("/type");
            }
            if (seg.equals("fields") && i + 1 < segments.length && a.path("fields").isArray()) {
                int index = parseIndex(segments[i + 1]);
                JsonNode field = a.get("fields").path(index);
                String name = field.path("name").asText(null);
                JsonNode bFields = b.path("fields");
                int match = -1;
                for (int j = 0; j < bFields.size() && name != null; j++) {
                    JsonNode f = bFields.get(j);
                    if (name.equals(f.path("name").asText(null)) || contains(f.path("aliases"), name)) {
                        match = j;
                        break;
                    }
                }
                if (match < 0) {
                    out.append("/fields");
                    break;
                }
                out.append("/fields/").append(match);
                a = field;
                b = bFields.get(match);
                i++;
            } else if (a.isArray()) {
                int index = parseIndex(seg);
                JsonNode branch = a.path(index);
                int match = -1;
                for (int j = 0; j < b.size(); j++) {
                    if (branchKey(branch).equals(branchKey(b.get(j)))) {
                        match = j;
                        break;
                    }
                }
                if (match < 0 || !b.isArray()) {
                    break;
                }
                out.append('/').append(match);
                a = branch;
                b = b.get(match);
            } else {
                if (!b.has(seg)) {
                    break;
                }
                out.append('/').append(seg);
                a = a.path(seg);
                b = b.path(seg);
            }
        }
        return to.existing(out.toString());
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.asText(null))) {
                return true;
            }
        }
        return false;
    }

    private static String branchKey(JsonNode n) {
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.has("name")) {
            return n.path("name").asText();
        }
        return n.path("type").asText(n.path("type").toString());
    }
}
