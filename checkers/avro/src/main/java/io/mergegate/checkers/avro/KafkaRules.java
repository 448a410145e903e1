package io.mergegate.checkers.avro;

import io.mergegate.core.Finding;
import io.mergegate.core.spi.GateContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules on Kafka topic declarations changed in the change under review. */
final class KafkaRules {

    /** Kafka's own limit on topic names. */
    static final int MAX_TOPIC_LENGTH = 249;
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    private final GateContext ctx;
    private final AvroSettings settings;
    private final TopicDeclarations topics;
    private final SchemaReader head;

    KafkaRules(GateContext ctx, AvroSettings settings, TopicDeclarations topics, SchemaReader head) {
        this.ctx = ctx;
        this.settings = settings;
        this.topics = topics;
        this.head = head;
    }

    List<Finding> check() {
        Set<String> changed = Set.copyOf(ctx.changes().changedAtHead());
        List<Finding> out = new ArrayList<>();
        for (TopicDeclarations.Problem p : topics.problems) {
            if (changed.contains(p.file())) {
                out.add(ctx.report(AvroRuleIds.TOPIC_INVALID).at(p.file(), p.line(), 1).arg("file", p.file())
                        .arg("problem", p.message()).build());
            }
        }
        for (TopicDeclarations.Topic t : topics.topics) {
            if (!changed.contains(t.file())) {
                continue;
            }
            String problem = invalid(t.name());
            if (problem != null) {
                out.add(report(AvroRuleIds.TOPIC_NAME_INVALID, t, t.line()).arg("problem", problem).build());
                continue;
            }
            if (!settings.topicPattern.matcher(t.name()).matches()) {
                out.add(report(AvroRuleIds.TOPIC_NAME_CONVENTION, t, t.line())
                        .arg("pattern", settings.topicPattern.pattern()).build());
            }
            for (TopicDeclarations.Topic other : topics.topics) {
                if (!other.name().equals(t.name()) && collisionKey(other.name()).equals(collisionKey(t.name()))) {
                    out.add(report(AvroRuleIds.TOPIC_NAME_COLLISION, t, t.line()).arg("other", other.name())
                            .arg("otherFile", other.file()).key(t.name() + "|" + other.name()).build());
                }
            }
            subject(t, t.valueSubject(), t.valueSchema(), "value", t.valueSubjectLine(), out);
            subject(t, t.keySubject(), t.keySchema(), "key", t.keySubjectLine(), out);
        }
        return out;
    }

    private void subject(TopicDeclarations.Topic t, String declared, String schemaPath, String role, int line,
            List<Finding> out) {
        if (declared == null) {
            return;
        }
        String record = null;
        if (schemaPath != null && head.tree().contains(schemaPath)) {
            SchemaReader.Parsed p = head.read(schemaPath, false);
            if (p.ok() && AvroChecker.Subjects.isNamed(p.schema())) {
                record = p.schema().getFullName();
            }
        }
        String expected = switch (settings.strategy) {
            case TopicNameStrategy -> t.name() + "-" + role;
            case RecordNameStrategy -> record;
            case TopicRecordNameStrategy -> record == null ? null : t.name() + "-" + record;
        };
        if (expected != null && !expected.equals(declared)) {
            out.add(report(AvroRuleIds.SUBJECT_NAME_MISMATCH, t, line).arg("declared", declared)
                    .arg("expected", expected).arg("role", role).arg("strategy", settings.strategy.name())
                    .key(t.name() + "|" + role).build());
        }
    }

    private Finding.Builder report(String rule, TopicDeclarations.Topic t, int line) {
        return ctx.report(rule).at(t.file(), line, 1).key(t.name()).arg("topic", t.name()).arg("file", t.file());
    }

    /** Why Kafka would refuse the name, or null. */
    static String invalid(String name) {
        if (name.isEmpty()) {
            return "it is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "`.` and `..` are reserved";
        }
        if (name.length() > MAX_TOPIC_LENGTH) {
            return "it is " + name.length() + " characters long, above Kafka's limit of " + MAX_TOPIC_LENGTH;
        }
        if (!LEGAL.matcher(name).matches()) {
            return "only ASCII letters, digits, `.`, `_` and `-` are allowed";
        }
        return null;
    }

    /** Kafka's metric names replace {@code .} with {@code _}, so these two collide. */
    static String collisionKey(String name) {
        return name.replace('.', '_');
    }
}
