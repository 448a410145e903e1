package io.mergegate.checkers.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.spi.Facts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever bytes a schema file holds, the checker gives findings, never an exception. */
class ParserFuzzTest {

    static final String SEED = """
            {"type": "record", "name": "OrderCreated", "namespace": "com.acme", "doc": "d",
             "fields": [{"name": "id", "type": "string"},
                        {"name": "note", "type": ["null", "string"], "default": null},
                        {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["A", "B"],
                                                    "default": "A"}},
                        {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9,
                                                   "scale": 2}},
                        {"name": "tags", "type": {"type": "array", "items": "string"}}]}
            """;

    private static List<Finding> check(byte[] base, byte[] head) {
        Map<String, byte[]> b = base == null ? Map.of() : Map.of("s/x.avsc", base);
        var ctx = TestContexts.of(b, Map.of("s/x.avsc", head), null, Map.of("compatibility", "FULL_TRANSITIVE"),
                new Facts());
        return new AvroChecker().check(ctx);
    }

    @Property(tries = 300)
    void arbitraryBytes(@ForAll @Size(max = 400) byte[] bytes) {
        assertThat(check(null, bytes)).allSatisfy(f -> assertThat(f.location().path()).isEqualTo("s/x.avsc"));
    }

    @Property(tries = 300)
    void mutatedSchemas(@ForAll("mutations") String head) {
        check(SEED.getBytes(StandardCharsets.UTF_8), head.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void mutatedEarlierVersions(@ForAll("mutations") String base) {
        check(base.getBytes(StandardCharsets.UTF_8), SEED.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, SEED.length() - 1);
        Arbitrary<String> insert = Arbitraries.of("\"", "{", "}", "[", "]", ",", ":", "null", "\"int\"", "-1",
                "\"default\": 5", "// c\n", "/*", "\\u0000", "\"type\": \"record\"", "\"name\": \"9x\"", "\uD83D");
        return Arbitraries.oneOf(
                at.flatMap(i -> insert.map(s -> SEED.substring(0, i) + s + SEED.substring(i))),
                at.flatMap(i -> Arbitraries.integers().between(1, 20)
                        .map(n -> SEED.substring(0, i) + SEED.substring(Math.min(SEED.length(), i + n)))),
                at.map(i -> SEED.substring(0, i)));
    }
}
