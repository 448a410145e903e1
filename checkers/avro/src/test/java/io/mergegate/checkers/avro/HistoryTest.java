package io.mergegate.checkers.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.spi.ApiChange;
import io.mergegate.core.spi.ChangeLevel;
import io.mergegate.core.spi.Facts;
import io.mergegate.core.spi.KnownFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Earlier versions from git history (as the engine supplies them through {@code History}). */
class HistoryTest {

    static final String PATH = "kafka/schemas/order-created.avsc";
    static final String V1 = """
            {"type": "record", "name": "OrderCreated", "namespace": "com.acme", "doc": "d",
             "fields": [{"name": "id", "type": "string"}, {"name": "channel", "type": "string"}]}
            """;
    static final String V2 = """
            {"type": "record", "name": "OrderCreated", "namespace": "com.acme", "doc": "d",
             "fields": [{"name": "id", "type": "string"}]}
            """;
    static final String V3 = """
            {"type": "record", "name": "OrderCreated", "namespace": "com.acme", "doc": "d",
             "fields": [{"name": "id", "type": "string"},
                        {"name": "channel", "type": "long", "default": 0}]}
            """;

    private List<Finding> run(String mode, Facts facts) {
        var ctx = TestContexts.of(Map.of(PATH, TestContexts.utf8(V2)), Map.of(PATH, TestContexts.utf8(V3)),
                TestContexts.history(PATH, List.of(V1, V2)), Map.of("compatibility", mode), facts);
        return new AvroChecker().check(ctx);
    }

    @Test
    void transitiveModeComparesWithEveryCommittedVersion() {
        List<Finding> findings = run("BACKWARD_TRANSITIVE", new Facts());
        assertThat(findings).extracting(Finding::ruleId).containsExactly(AvroRuleIds.TYPE_CHANGED);
        Finding f = findings.get(0);
        assertThat(f.location().path()).isEqualTo(PATH);
        assertThat(f.location().line()).isEqualTo(3);
        assertThat(f.message()).contains(PATH + "@00000000");
    }

    @Test
    void nonTransitiveModeOnlyComparesWithTheLatest() {
        Facts facts = new Facts();
        assertThat(run("BACKWARD", facts)).isEmpty();
        assertThat(facts.all(KnownFacts.API_CHANGES)).extracting(ApiChange::level).containsExactly(ChangeLevel.MINOR);
        assertThat(facts.all(KnownFacts.ARTIFACTS)).hasSize(1);
    }

    @Test
    void incompatibleChangeIsMajor() {
        Facts facts = new Facts();
        run("FULL_TRANSITIVE", facts);
        assertThat(facts.all(KnownFacts.API_CHANGES)).extracting(ApiChange::level).containsExactly(ChangeLevel.MAJOR);
    }

    @Test
    void docOnlyChangeIsPatchAndFormattingIsNone() {
        String doc = V2.replace("\"doc\": \"d\"", "\"doc\": \"new words\"");
        Facts facts = new Facts();
        new AvroChecker().check(TestContexts.of(Map.of(PATH, TestContexts.utf8(V2)), Map.of(PATH,
                TestContexts.utf8(doc)), null, Map.of(), facts));
        String reformatted = V2.replace(", ", ",\n  ");
        new AvroChecker().check(TestContexts.of(Map.of(PATH, TestContexts.utf8(V2)), Map.of(PATH,
                TestContexts.utf8(reformatted)), null, Map.of(), facts));
        assertThat(facts.all(KnownFacts.API_CHANGES)).extracting(ApiChange::level)
                .containsExactly(ChangeLevel.PATCH, ChangeLevel.NONE);
    }
}
