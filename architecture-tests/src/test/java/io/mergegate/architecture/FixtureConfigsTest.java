package io.mergegate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.engine.config.ConfigLoader;
import io.mergegate.engine.config.ConfigException;
import io.mergegate.testkit.FixtureCase;
import io.mergegate.testkit.FixtureHarness;
import io.mergegate.testkit.FixturePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code config:} of every rule fixture is a valid {@code .mergegate.yml}, checked by the loader
 * users get, so no fixture depends on a setting the schema would reject.
 */
class FixtureConfigsTest {

    @Test
    void everyFixtureConfigLoads() throws IOException {
        List<String> families = new ArrayList<>();
        try (Stream<Path> s = Files.list(FixturePaths.fixtures())) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(f -> !f.equals("e2e") && !f.equals("demo") && !f.equals("mergegate")).sorted()
                    .forEach(families::add);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Yaml yaml = new Yaml(options);
        List<String> problems = new ArrayList<>();
        int configs = 0;
        for (FixtureCase c : FixtureHarness.cases(families)) {
            if (c.options().get("config") instanceof Map<?, ?> config) {
                configs++;
                try {
                    ConfigLoader.parse(c.displayName() + "/case.yaml#config",
                            yaml.dump(config).getBytes(StandardCharsets.UTF_8));
                } catch (ConfigException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        assertThat(configs).as("fixture cases with a config").isGreaterThan(50);
        assertThat(problems).isEmpty();
    }
}
