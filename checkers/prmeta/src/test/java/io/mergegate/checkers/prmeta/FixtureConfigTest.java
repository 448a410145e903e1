package io.mergegate.checkers.prmeta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mergegate.testkit.FixtureCase;
import io.mergegate.testkit.FixtureHarness;
import io.mergegate.testkit.FixturePaths;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The config of every fixture case is a valid {@code .mergegate.yml} under the published JSON Schema. */
class FixtureConfigTest {

    @Test
    void fixtureConfigsFollowTheSchema() throws Exception {
        Schema schema = SchemaLoader.load(new JSONObject(Files.readString(FixturePaths.repoRoot()
                .resolve("rules/src/main/resources/mergegate-config.schema.json"))));
        List<String> problems = new ArrayList<>();
        int configs = 0;
        for (FixtureCase c : FixtureHarness.cases(List.of("dor", "dod", "pr"))) {
            if (c.options().get("config") instanceof Map<?, ?> config) {
                configs++;
                try {
                    schema.validate(new JSONObject(config));
                } catch (ValidationException e) {
                    problems.add(c.displayName() + ": " + e.getAllMessages());
                }
            }
        }
        assertThat(configs).isGreaterThan(3);
        assertThat(problems).isEmpty();
        assertThatThrownBy(() -> schema.validate(new JSONObject(Map.of("dor", Map.of("sections", Map.of("typo", "X"))))))
                .isInstanceOf(ValidationException.class);
    }
}
