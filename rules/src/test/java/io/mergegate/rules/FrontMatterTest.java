package io.mergegate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class FrontMatterTest {

    private static Object yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    /** For every rule file in the catalogue, the fast reader agrees with SnakeYAML or declines. */
    @Test
    void agreesWithYamlOnEveryRuleFile() throws IOException {
        Path dir = Path.of(System.getProperty("mergegate.root", ".."), "rules/src/main/resources/mergegate-rules");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("src/main/resources/mergegate-rules");
        }
        int fast = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".md")).toList()) {
                String t = Files.readString(f, StandardCharsets.UTF_8).replace("\r\n", "\n");
                String front = t.substring(4, t.indexOf("\n---\n", 3));
                Optional<Map<String, Object>> parsed = FrontMatter.parse(front);
                if (parsed.isPresent()) {
                    fast++;
                    assertThat(parsed.get()).as(f.toString()).isEqualTo(yaml(front));
                }
            }
        }
        assertThat(fast).isPositive();
    }

    @Test
    void declinesWhatItDoesNotKnow() {
        assertThat(FrontMatter.parse("summary: a: b")).isEmpty();
        assertThat(FrontMatter.parse("message: |\n  block")).isEmpty();
        assertThat(FrontMatter.parse("tags: [a, \"b\"]")).isEmpty();
        assertThat(FrontMatter.parse("id: x\nid: y")).isEmpty();
        assertThat(FrontMatter.parse("message: \"unterminated")).isEmpty();
        assertThat(FrontMatter.parse("enabled: false\ntags: [x, y-z]\nmessage: 'it''s'"))
                .contains(Map.of("enabled", false, "tags", List.of("x", "y-z"), "message", "it's"));
    }

    /** Values made of the characters YAML gives meaning to, where the two readers could disagree. */
    @Property(tries = 20000)
    void agreesWithYamlOnYamlLikeValues(@ForAll @net.jqwik.api.constraints.Chars({' ', '\t', ':', '#', '-', '?', '\'',
            '"', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', 'a', '1', '.', '\\', 'e', 'n', 'u',
            'l', 't', 'r', '~', '0', 'x', '+', '_', 'y', 's', 'o', 'f'}) String value) {
        agreesWithYamlOnArbitraryValues(value);
    }

    @Property(tries = 5000)
    void agreesWithYamlOnArbitraryValues(@ForAll String value) {
        String text = "summary: " + value.replace("\n", " ").replace("\r", " ");
        Optional<Map<String, Object>> fast = FrontMatter.parse(text);
        if (fast.isPresent()) {
            assertThat(fast.get()).isEqualTo(yaml(text));
        }
    }
}
