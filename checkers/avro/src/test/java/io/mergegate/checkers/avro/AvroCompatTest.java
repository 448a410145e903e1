package io.mergegate.checkers.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mergegate.core.Finding;
import io.mergegate.testkit.TestRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvroCompatTest {

    static final AvroCompat.Input V1 = input("order-v1.avsc", HistoryTest.V1);
    static final AvroCompat.Input V2 = input("order-v2.avsc", HistoryTest.V2);
    static final AvroCompat.Input V3 = input("order-v3.avsc", HistoryTest.V3);

    static AvroCompat.Input input(String path, String text) {
        return new AvroCompat.Input(path, TestContexts.utf8(text));
    }

    @Test
    void transitiveTrap() {
        assertThat(AvroCompat.run("BACKWARD", List.of(V1, V2, V3), TestRules.catalog()).exitCode())
                .isEqualTo(AvroCompat.COMPATIBLE);
        AvroCompat.Result r = AvroCompat.run("backward_transitive", List.of(V1, V2, V3), TestRules.catalog());
        assertThat(r.exitCode()).isEqualTo(AvroCompat.FINDINGS);
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly(AvroRuleIds.TYPE_CHANGED);
        assertThat(r.findings().get(0).location().path()).isEqualTo("order-v3.avsc");
        assertThat(r.rules()).isNotEmpty();
    }

    @Test
    void forwardPointsIntoTheNewestFile() {
        AvroCompat.Result r = AvroCompat.run("FORWARD", List.of(V1, V2), TestRules.catalog());
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(AvroRuleIds.FIELD_REMOVED_WITHOUT_DEFAULT);
            assertThat(f.message()).contains("channel");
            assertThat(f.location().path()).isEqualTo("order-v2.avsc");
            assertThat(f.location().line()).isEqualTo(1);
        });
    }

    @Test
    void invalidNewestVersionIsAFinding() {
        AvroCompat.Result r = AvroCompat.run("FULL", List.of(V1, input("bad.avsc", "{\"type\": \"record\"")),
                TestRules.catalog());
        assertThat(r.exitCode()).isEqualTo(AvroCompat.FINDINGS);
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly(AvroRuleIds.INVALID_SCHEMA);
    }

    @Test
    void usageErrors() {
        assertThatThrownBy(() -> AvroCompat.run("SIDEWAYS", List.of(V1), TestRules.catalog()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BACKWARD_TRANSITIVE");
        assertThatThrownBy(() -> AvroCompat.run("FULL", List.of(), TestRules.catalog()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
