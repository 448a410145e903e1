package io.mergegate.checkers.avro;

import java.util.Set;

/** Every rule id the Avro checker emits; each has a catalogue file and fixture cases. */
public final class AvroRuleIds {

    // validity of the new version (strict parse)
    public static final String INVALID_SCHEMA = "avro/invalid-schema";
    public static final String INVALID_DEFAULT = "avro/invalid-default";
    public static final String INVALID_NAME = "avro/invalid-name";
    public static final String DUPLICATE_FIELD = "avro/duplicate-field";
    public static final String INVALID_ENUM_DEFAULT = "avro/invalid-enum-default";
    public static final String UNRESOLVED_TYPE = "avro/unresolved-type";

    // compatibility, as Avro's SchemaCompatibility reports it
    public static final String FIELD_ADDED_WITHOUT_DEFAULT = "avro/field-added-without-default";
    public static final String FIELD_REMOVED_WITHOUT_DEFAULT = "avro/field-removed-without-default";
    public static final String FIELD_RENAMED_WITHOUT_ALIAS = "avro/field-renamed-without-alias";
    public static final String TYPE_NARROWED = "avro/type-narrowed";
    public static final String TYPE_CHANGED = "avro/type-changed";
    public static final String ENUM_SYMBOL_REMOVED = "avro/enum-symbol-removed";
    public static final String ENUM_SYMBOL_ADDED = "avro/enum-symbol-added";
    public static final String UNION_BRANCH_REMOVED = "avro/union-branch-removed";
    public static final String UNION_BRANCH_ADDED = "avro/union-branch-added";
    public static final String NAMED_TYPE_RENAMED = "avro/named-type-renamed";
    public static final String FIXED_SIZE_CHANGED = "avro/fixed-size-changed";

    // semantic changes Avro accepts
    public static final String LOGICAL_TYPE_CHANGED = "avro/logical-type-changed";
    public static final String DECIMAL_SCALE_CHANGED = "avro/decimal-scale-changed";
    public static final String DECIMAL_PRECISION_NARROWED = "avro/decimal-precision-narrowed";
    public static final String LOSSY_PROMOTION = "avro/lossy-promotion";
    public static final String DEFAULT_CHANGED = "avro/default-changed";
    public static final String NAMESPACE_MOVED = "avro/namespace-moved";

    // lints
    public static final String LOGICAL_TYPE_ON_FIELD = "avro/logical-type-on-field";
    public static final String INVALID_LOGICAL_TYPE = "avro/invalid-logical-type";
    public static final String UNION_DEFAULT_NOT_FIRST_BRANCH = "avro/union-default-not-first-branch";
    public static final String DEFAULT_NULL_STRING = "avro/default-null-string";
    public static final String NULLABLE_WITHOUT_DEFAULT = "avro/nullable-without-default";
    public static final String ENUM_WITHOUT_DEFAULT = "avro/enum-without-default";
    public static final String MISSING_NAMESPACE = "avro/missing-namespace";
    public static final String MISSING_DOC = "avro/missing-doc";
    public static final String NAMING_CONVENTION = "avro/naming-convention";
    public static final String JSON_COMMENTS = "avro/json-comments";

    // live registry
    public static final String REGISTRY_INCOMPATIBLE = "avro/registry-incompatible";
    public static final String REGISTRY_ERROR = "avro/registry-error";

    // Kafka topic declarations
    public static final String TOPIC_NAME_INVALID = "kafka/topic-name-invalid";
    public static final String TOPIC_NAME_CONVENTION = "kafka/topic-name-convention";
    public static final String TOPIC_NAME_COLLISION = "kafka/topic-name-collision";
    public static final String SUBJECT_NAME_MISMATCH = "kafka/subject-name-mismatch";
    public static final String TOPIC_INVALID = "kafka/invalid-declaration";

    public static final Set<String> ALL = Set.of(INVALID_SCHEMA, INVALID_DEFAULT, INVALID_NAME, DUPLICATE_FIELD,
            INVALID_ENUM_DEFAULT, UNRESOLVED_TYPE, FIELD_ADDED_WITHOUT_DEFAULT, FIELD_REMOVED_WITHOUT_DEFAULT,
            FIELD_RENAMED_WITHOUT_ALIAS, TYPE_NARROWED, TYPE_CHANGED, ENUM_SYMBOL_REMOVED, ENUM_SYMBOL_ADDED,
            UNION_BRANCH_REMOVED, UNION_BRANCH_ADDED, NAMED_TYPE_RENAMED, FIXED_SIZE_CHANGED, LOGICAL_TYPE_CHANGED,
            DECIMAL_SCALE_CHANGED, DECIMAL_PRECISION_NARROWED, LOSSY_PROMOTION, DEFAULT_CHANGED, NAMESPACE_MOVED,
            LOGICAL_TYPE_ON_FIELD, INVALID_LOGICAL_TYPE, UNION_DEFAULT_NOT_FIRST_BRANCH, DEFAULT_NULL_STRING,
            NULLABLE_WITHOUT_DEFAULT, ENUM_WITHOUT_DEFAULT, MISSING_NAMESPACE, MISSING_DOC, NAMING_CONVENTION,
            JSON_COMMENTS, REGISTRY_INCOMPATIBLE, REGISTRY_ERROR, TOPIC_NAME_INVALID, TOPIC_NAME_CONVENTION,
            TOPIC_NAME_COLLISION, SUBJECT_NAME_MISMATCH, TOPIC_INVALID);

    private AvroRuleIds() {
    }
}
