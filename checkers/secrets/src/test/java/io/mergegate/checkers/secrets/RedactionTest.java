package io.mergegate.checkers.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.testkit.FixtureCase;
import io.mergegate.testkit.FixtureHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs every secrets fixture and greps everything a finding carries for the planted values. */
class RedactionTest {

    @Test
    void no_finding_of_any_fixture_carries_a_planted_value() throws Exception {
        List<Finding> all = new ArrayList<>();
        for (FixtureCase c : FixtureHarness.cases(List.of("secrets"))) {
            all.addAll(FixtureHarness.run(c, new SecretsChecker(), FakeSecrets::expand));
        }
        assertThat(all).hasSizeGreaterThan(50);
        List<String> planted = FakeSecrets.PLANTED.stream().filter(v -> v.length() >= 8).toList();
        assertThat(planted).hasSizeGreaterThan(50);
        for (Finding f : all) {
            StringBuilder carried = new StringBuilder(f.message()).append('\n').append(f.fingerprint()).append('\n')
                    .append(f.location()).append('\n');
            for (Map.Entry<String, String> p : f.properties().entrySet()) {
                carried.append(p.getKey()).append('=').append(p.getValue()).append('\n');
            }
            for (String secret : planted) {
                assertThat(carried.toString()).as("finding %s %s", f.ruleId(), f.location())
                        .doesNotContain(secret)
                        .doesNotContain(secret.substring(4, Math.min(secret.length(), 12)));
            }
            assertThat(f.properties().getOrDefault("secret-prefix", "")).hasSizeLessThanOrEqualTo(4);
        }
    }
}
