package io.mergegate.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void roundTripKeepsOrderAndEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", "line\nbreak \"quoted\" \u0001");
        m.put("a", List.of(1L, true, Map.of()));
        m.put("n", null);
        String text = Json.write(m);
        assertThat(text).startsWith("{\n  \"z\"");
        assertThat(Json.parse(text)).isEqualTo(m);
    }

    @Test
    void errorsCarryLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": [1, 2,,]\n}")).isInstanceOf(Json.JsonException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> Json.parse("{} trailing")).hasMessageContaining("unexpected text after");
        assertThatThrownBy(() -> Json.parse("[".repeat(5000))).hasMessageContaining("nesting deeper than");
    }

    /** Arbitrary text either parses or fails with JsonException, never anything else. */
    @Property(tries = 2000)
    void neverCrashesOnGarbage(@ForAll String text) {
        try {
            Json.parse(text);
        } catch (Json.JsonException expected) {
            assertThat(expected.line()).isPositive();
        }
    }

    @Property(tries = 500)
    void writtenStringsParseBack(@ForAll String value) {
        assertThat(Json.parse(Json.writeCompact(List.of(value)))).isEqualTo(List.of(value));
    }
}
