package io.mergegate.checkers.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.source.SourceTree;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatibilityTest {

    static Compatibility.Version version(String label, String text, boolean strict) {
        SchemaReader.Parsed p = new SchemaReader(SourceTree.empty("t"), x -> true, 1 << 20)
                .parseText(label, text, strict);
        assertThat(p.ok()).as("%s parses: %s", label, p.problem()).isTrue();
        return new Compatibility.Version(label, p.schema(), p.json());
    }

    static final String OLD = """
            {"type": "record", "name": "Outer", "fields": [
              {"name": "a", "type": "string"},
              {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [
                {"name": "x", "type": "int"},
                {"name": "y", "type": "int"}]}},
              {"name": "u", "type": ["null", "string"], "default": null}]}
            """;
    // fields reordered, Inner.y removed, union branch added
    static final String NEW = """
            {"type": "record", "name": "Outer", "fields": [
              {"name": "u", "type": ["null", "string", "long"], "default": null},
              {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [
                {"name": "x", "type": "int"}]}},
              {"name": "a", "type": "string"}]}
            """;

    @Test
    void forwardIssuesPointIntoTheNewVersionByName() {
        List<Compatibility.Issue> issues = Compatibility.check(CompatibilityMode.FORWARD, version("new", NEW, true),
                List.of(version("old", OLD, false)));
        assertThat(issues).extracting(Compatibility.Issue::ruleId).containsExactlyInAnyOrder(
                AvroRuleIds.FIELD_REMOVED_WITHOUT_DEFAULT, AvroRuleIds.UNION_BRANCH_ADDED);
        assertThat(issues).filteredOn(i -> i.ruleId().equals(AvroRuleIds.FIELD_REMOVED_WITHOUT_DEFAULT))
                .singleElement().satisfies(i -> {
                    assertThat(i.pointer()).isEqualTo("/fields/1/type");
                    assertThat(i.name()).isEqualTo("y");
                    assertThat(i.direction()).isEqualTo(Compatibility.Direction.FORWARD);
                });
        assertThat(issues).filteredOn(i -> i.ruleId().equals(AvroRuleIds.UNION_BRANCH_ADDED))
                .singleElement().satisfies(i -> assertThat(i.pointer()).startsWith("/fields/0/type"));
    }

    @Test
    void backwardAcceptsTheSameChange() {
        assertThat(Compatibility.check(CompatibilityMode.BACKWARD, version("new", NEW, true),
                List.of(version("old", OLD, false)))).isEmpty();
    }

    @Test
    void transitiveReportsTheNewestIncompatibleVersionFirst() {
        String v1 = "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"string\"}]}";
        String v2 = "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"bytes\"}]}";
        String v3 = "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"int\"}]}";
        List<Compatibility.Issue> issues = Compatibility.check(CompatibilityMode.BACKWARD_TRANSITIVE,
                version("v3", v3, true), List.of(version("v1", v1, false), version("v2", v2, false)));
        assertThat(issues).extracting(Compatibility.Issue::version).first().isEqualTo("v2");
        assertThat(Compatibility.check(CompatibilityMode.NONE, version("v3", v3, true),
                List.of(version("v1", v1, false)))).isEmpty();
    }

    @Test
    void lenientEarlierVersionsStrictNewOne() {
        String badName = "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a-b\", \"type\": \"int\"}]}";
        assertThat(new SchemaReader(SourceTree.empty("t"), x -> true, 1 << 20).parseText("x", badName, false).ok())
                .isTrue();
        assertThat(new SchemaReader(SourceTree.empty("t"), x -> true, 1 << 20).parseText("x", badName, true)
                .problem().ruleId()).isEqualTo(AvroRuleIds.INVALID_NAME);
    }
}
