package io.mergegate.checkers.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.testkit.FixtureCase;
import io.mergegate.testkit.FixtureHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every finding of every fixture case has its template placeholders filled and a location. */
class MessagesTest {

    @Test
    void noPlaceholderIsLeftAndEveryFindingNamesItsFile() throws Exception {
        int findings = 0;
        for (FixtureCase c : FixtureHarness.cases(List.of("migration"))) {
            if (c.options().get("config") instanceof Map<?, ?> cfg && cfg.get("migrations") instanceof Map<?, ?> m
                    && Boolean.TRUE.equals(m.get("dry-run"))) {
                continue; // dry-run cases need the server; MigrationDryRunTest covers their messages
            }
            for (Finding f : FixtureHarness.run(c, new MigrationChecker())) {
                findings++;
                assertThat(f.message()).as("%s %s", c.displayName(), f.ruleId()).doesNotContainPattern("\\{[a-zA-Z]+\\}");
                assertThat(f.location().path()).as("%s %s", c.displayName(), f.ruleId()).isNotBlank();
            }
        }
        assertThat(findings).as("findings seen").isGreaterThan(40);
    }
}
