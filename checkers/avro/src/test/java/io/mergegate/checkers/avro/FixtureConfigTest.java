package io.mergegate.checkers.avro;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every {@code avro} section used by the fixtures is valid under the config JSON Schema users get. */
class FixtureConfigTest {

    @Test
    void fixtureConfigsFollowTheConfigSchema() throws Exception {
        String text = Files.readString(FixturePaths.repoRoot()
                .resolve("rules/src/main/resources/mergegate-config.schema.json"));
        Schema schema = SchemaLoader.load(new JSONObject(text));
        List<String> problems = new ArrayList<>();
        int configs = 0;
        for (FixtureCase c : FixtureHarness.cases(List.of("avro", "kafka"))) {
            if (c.options().get("config") instanceof Map<?, ?> config) {
                configs++;
                try {
                    schema.validate(new JSONObject(config));
                } catch (ValidationException e) {
                    problems.add(c.displayName() + ": " + e.getAllMessages());
                }
            }
        }
        assertThat(configs).isGreaterThan(10);
        assertThat(catchValidation(schema, Map.of("avro", Map.of("compatibility", "SIDEWAYS")))).isTrue();
        assertThat(catchValidation(schema, Map.of("avro", Map.of("naming", Map.of("typo", true))))).isTrue();
        assertThat(problems).isEmpty();
    }

    private static boolean catchValidation(Schema schema, Map<String, ?> config) {
        try {
            schema.validate(new JSONObject(config));
            return false;
        } catch (ValidationException e) {
            return true;
        }
    }
}
