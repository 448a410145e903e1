package io.mergegate.checkers.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mergegate.core.spi.ChangeLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Changes Avro's resolution accepts but that change meaning: logical types, decimal scale and
 * precision, lossy numeric promotions, changed defaults, namespace moves. Also the semantic-version
 * level of a change.
 */
final class SchemaDiff {

    /** One semantic change, at a JSON pointer of the new version. */
    record Change(String ruleId, String pointer, String name, String from, String to) {
    }

    private static final Set<String> LOSSY = Set.of("INT>FLOAT", "LONG>FLOAT", "LONG>DOUBLE");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LocatedJson headJson;
    private final List<Change> changes = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();

    private SchemaDiff(LocatedJson headJson) {
        this.headJson = headJson;
    }

    /** Semantic changes from {@code old} to {@code head}; {@code recordStrategy} enables namespace moves. */
    static List<Change> between(Schema old, Schema head, LocatedJson headJson, boolean recordStrategy) {
        SchemaDiff d = new SchemaDiff(headJson);
        if (recordStrategy && isNamed(old) && isNamed(head) && old.getName().equals(head.getName())
                && !Objects.equals(old.getNamespace(), head.getNamespace())) {
            d.changes.add(new Change(AvroRuleIds.NAMESPACE_MOVED, "/namespace", head.getName(),
                    String.valueOf(old.getNamespace()), String.valueOf(head.getNamespace())));
        }
        d.type(old, head, "");
        return d.changes;
    }

    private static boolean isNamed(Schema s) {
        return s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM || s.getType() == Schema.Type.FIXED;
    }

    private void type(Schema o, Schema n, String pointer) {
        if (n.getType() == Schema.Type.UNION) {
            List<Schema> branches = n.getTypes();
            for (int j = 0; j < branches.size(); j++) {
                Schema match = matching(o, branches.get(j));
                if (match != null) {
                    type(match, branches.get(j), pointer + "/" + j);
                }
            }
            return;
        }
        if (o.getType() == Schema.Type.UNION) {
            Schema match = matching(o, n);
            if (match != null) {
                type(match, n, pointer);
            }
            return;
        }
        String promotion = o.getType() + ">" + n.getType();
        if (LOSSY.contains(promotion)) {
            changes.add(new Change(AvroRuleIds.LOSSY_PROMOTION, pointer, "", o.getType().getName(),
                    n.getType().getName()));
            return;
        }
        if (o.getType() != n.getType()) {
            return;
        }
        LogicalType lo = o.getLogicalType();
        LogicalType ln = n.getLogicalType();
        String on = lo == null ? "none" : lo.getName();
        String nn = ln == null ? "none" : ln.getName();
        if (!on.equals(nn)) {
            changes.add(new Change(AvroRuleIds.LOGICAL_TYPE_CHANGED, pointer, o.getType().getName(), on, nn));
        } else if (lo instanceof LogicalTypes.Decimal d1 && ln instanceof LogicalTypes.Decimal d2) {
            if (d1.getScale() != d2.getScale()) {
                changes.add(new Change(AvroRuleIds.DECIMAL_SCALE_CHANGED, pointer, "scale",
                        String.valueOf(d1.getScale()), String.valueOf(d2.getScale())));
            }
            if (d2.getPrecision() < d1.getPrecision()) {
                changes.add(new Change(AvroRuleIds.DECIMAL_PRECISION_NARROWED, pointer, "precision",
                        String.valueOf(d1.getPrecision()), String.valueOf(d2.getPrecision())));
            }
        }
        switch (n.getType()) {
            case RECORD -> record(o, n, pointer);
            case ARRAY -> type(o.getElementType(), n.getElementType(), pointer + "/items");
            case MAP -> type(o.getValueType(), n.getValueType(), pointer + "/values");
            default -> {
            }
        }
    }

    private void record(Schema o, Schema n, String pointer) {
        if (!visited.add(o.getFullName() + ">" + n.getFullName())) {
            return;
        }
        List<Schema.Field> fields = n.getFields();
        for (int i = 0; i < fields.size(); i++) {
            Schema.Field nf = fields.get(i);
            Schema.Field of = o.getField(nf.name());
            if (of == null) {
                of = nf.aliases().stream().map(o::getField).filter(Objects::nonNull).findFirst().orElse(null);
            }
            if (of == null) {
                continue;
            }
            String fp = headJson.existing(pointer + "/fields/" + i).equals(pointer + "/fields/" + i)
                    ? pointer + "/fields/" + i : headJson.existing(pointer);
            if (of.hasDefaultValue() && nf.hasDefaultValue()) {
                JsonNode od = json(of.defaultVal());
                JsonNode nd = json(nf.defaultVal());
                if (!od.equals(nd)) {
                    changes.add(new Change(AvroRuleIds.DEFAULT_CHANGED, fp + "/default", nf.name(), od.toString(),
                            nd.toString()));
                }
            }
            type(of.schema(), nf.schema(), fp + "/type");
        }
    }

    private static JsonNode json(Object defaultValue) {
        try {
            return MAPPER.valueToTree(defaultValue == org.apache.avro.JsonProperties.NULL_VALUE ? null : defaultValue);
        } catch (IllegalArgumentException e) {
            return MAPPER.getNodeFactory().textNode(String.valueOf(defaultValue));
        }
    }

    /** The branch of {@code in} (or {@code in} itself) that corresponds to {@code target}. */
    private static Schema matching(Schema in, Schema target) {
        List<Schema> candidates = in.getType() == Schema.Type.UNION ? in.getTypes() : List.of(in);
        for (Schema c : candidates) {
            if (isNamed(target) ? isNamed(c) && (c.getFullName().equals(target.getFullName())
                    || target.getAliases().contains(c.getFullName())) : c.getType() == target.getType()) {
                return c;
            }
        }
        for (Schema c : candidates) {
            if (LOSSY.contains(c.getType() + ">" + target.getType())) {
                return c;
            }
        }
        return null;
    }

    /** The semantic-version level of a change that is (in)compatible in the configured mode. */
    static ChangeLevel level(Schema old, Schema head, boolean compatible) {
        if (old.toString().equals(head.toString())) {
            return ChangeLevel.NONE;
        }
        if (!compatible) {
            return ChangeLevel.MAJOR;
        }
        try {
            JsonNode a = withoutDocs(MAPPER.readTree(old.toString()));
            JsonNode b = withoutDocs(MAPPER.readTree(head.toString()));
            return a.equals(b) ? ChangeLevel.PATCH : ChangeLevel.MINOR;
        } catch (java.io.IOException e) {
            return ChangeLevel.MINOR;
        }
    }

    private static JsonNode withoutDocs(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("doc");
            o.forEach(SchemaDiff::withoutDocs);
        } else if (n.isArray()) {
            n.forEach(SchemaDiff::withoutDocs);
        }
        return n;
    }
}
