package io.mergegate.core.suppress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mergegate.core.Finding;
import io.mergegate.core.Location;
import io.mergegate.core.Severity;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

    @Test
    void commentStylesAndScope() {
        InlineSuppressions s = InlineSuppressions.parse(String.join("\n",
                "# mergegate:ignore secrets/generic-password -- test fixture",
                "password = x",
                "other = y // mergegate:ignore openapi/*, avro/type-changed -- migrated in CORE-1",
                "/* mergegate:ignore branch/unknown -- reason here */",
                "-- mergegate:ignore migration/truncate",
                "<!-- mergegate:ignore -->"));
        assertThat(s.find("secrets/generic-password", 2)).get().extracting(InlineSuppressions.Entry::reason)
                .isEqualTo("test fixture");
        assertThat(s.find("secrets/generic-password", 3)).isEmpty();
        assertThat(s.find("openapi/response-property-removed", 3)).isPresent();
        assertThat(s.find("avro/type-changed", 4)).get().extracting(InlineSuppressions.Entry::rules)
                .isEqualTo(List.of("openapi/*", "avro/type-changed"));
        assertThat(s.find("branch/unknown", 4)).get().extracting(InlineSuppressions.Entry::reason).isEqualTo("reason here");
        InlineSuppressions.Entry noReason = s.find("migration/truncate", 5).orElseThrow();
        assertThat(noReason.hasReason()).isFalse();
        assertThat(s.entries().get(4).rules()).isEmpty();
    }

    @Property(tries = 1000)
    void parsingArbitraryTextNeverFails(@ForAll String text) {
        InlineSuppressions s = InlineSuppressions.parse("mergegate:ignore " + text);
        assertThat(s.entries()).isNotEmpty();
    }

    @Test
    void baselineIsDeterministicAndValidated() {
        Finding a = new Finding("b/x", Severity.ERROR, "m1", Location.file("a"), "ff", null, null);
        Finding b = new Finding("a/y", Severity.ERROR, "m2", Location.file("b"), "ee", null, null);
        String json = Baseline.of(List.of(a, b), "why").toJson();
        assertThat(json).isEqualTo(Baseline.of(List.of(b, a), "why").toJson());
        assertThat(json.indexOf("a/y")).isLessThan(json.indexOf("b/x"));
        assertThat(json).doesNotContain("line");
        assertThat(Baseline.parse(json).find("ff")).isPresent();
        assertThatThrownBy(() -> Baseline.parse("{\"entries\": [{\"fingerprint\": \"x\", \"decision\": \"maybe\"}]}"))
                .hasMessageContaining("unknown decision \"maybe\"");
        assertThatThrownBy(() -> Baseline.parse("[]")).hasMessageContaining("\"entries\"");
    }

    /** The decisions, each with a reason; what {@code mergegate baseline} writes is accepted-risk. */
    @Test
    void baselineDecisionsAreFalsePositiveAcceptedRiskOrRevokedWithAReason() {
        Finding a = new Finding("b/x", Severity.ERROR, "m1", Location.file("a"), "ff", null, null);
        assertThat(Baseline.of(List.of(a), "legacy").entries()).singleElement()
                .satisfies(e -> assertThat(e.decision()).isEqualTo("accepted-risk"));
        assertThatThrownBy(() -> Baseline.of(List.of(a), " ")).hasMessageContaining("reason");
        for (String decision : List.of("false-positive", "accepted-risk", "revoked")) {
            Baseline b = Baseline.parse(entry(decision, "\"checked by hand\""));
            assertThat(b.find("ff").orElseThrow().decision()).isEqualTo(decision);
            assertThat(b.oldDecisions()).isZero();
        }
        // the old default is still read, as accepted-risk, and counted so the engine can say so
        Baseline old = Baseline.parse(entry("accepted", "\"accepted when the baseline was created\""));
        assertThat(old.find("ff").orElseThrow().decision()).isEqualTo("accepted-risk");
        assertThat(old.oldDecisions()).isEqualTo(1);
        assertThatThrownBy(() -> Baseline.parse(entry("accepted", "\" \""))).hasMessageContaining("no \"reason\"");
        assertThatThrownBy(() -> Baseline.parse("{\"entries\": [{\"fingerprint\": \"ff\", \"reason\": \"r\"}]}"))
                .hasMessageContaining("no \"decision\"");
        assertThatThrownBy(() -> Baseline.parse(entry("ignored", "\"r\"")))
                .hasMessageContaining("unknown decision \"ignored\"").hasMessageContaining("false-positive");
    }

    private static String entry(String decision, String reason) {
        return "{\"entries\": [{\"fingerprint\": \"ff\", \"rule\": \"b/x\", \"decision\": \"" + decision
                + "\", \"reason\": " + reason + "}]}";
    }
}
