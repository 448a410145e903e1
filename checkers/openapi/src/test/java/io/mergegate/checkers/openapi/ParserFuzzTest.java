package io.mergegate.checkers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.testkit.TestRules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arbitrary and mutated input never makes the loader or the diff throw. */
class ParserFuzzTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: A, version: 1.0.0}
            paths:
              /v1/items/{id}:
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Item'}
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            oneOf: [{$ref: '#/components/schemas/Item'}, {type: 'null'}]
            components:
              schemas:
                Item:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, maxLength: 10, enum: [a, b]}
                    child: {$ref: '#/components/schemas/Item'}
                    tags: {type: array, items: {type: string}, minItems: 1}
            """;

    @Property(tries = 300)
    void loaderNeverThrows(@ForAll byte[] bytes) {
        SpecLoader.Result r = SpecLoader.load(new MemorySourceTree.BytesFile("x.yaml", bytes));
        assertThat(r.ok() || r.problem().message() != null).isTrue();
    }

    @Property(tries = 300)
    void mutatedSpecsAreJudgedWithoutExceptions(@ForAll("mutations") String head) {
        OpenApiDiffCommandLogic.Result r = OpenApiDiffCommandLogic.diff(
                MemorySourceTree.ofText("b", Map.of("a.yaml", SPEC)), "a.yaml",
                new MemorySourceTree("h", Map.of("a.yaml", head.getBytes(StandardCharsets.UTF_8))), "a.yaml",
                TestRules.catalog(), CheckerConfig.empty(), Clock.systemUTC());
        assertThat(r.exitCode()).isIn(0, 1);
        r.findings().forEach(f -> assertThat(f.location().path()).isNotBlank());
    }

    @Property(tries = 300)
    void diffNeverThrowsEvenOnStructurallyInvalidSpecs(@ForAll("mutations") String head) {
        SpecLoader.Result parsed = SpecLoader.parse(head);
        if (!parsed.ok() || !parsed.root().isMap()) {
            return;
        }
        Workspace base = new Workspace(new MemorySourceTree("b", Map.of("a.yaml", SPEC.getBytes(StandardCharsets.UTF_8)))::file);
        Workspace changed = new Workspace(new MemorySourceTree("h", Map.of("a.yaml", head.getBytes(StandardCharsets.UTF_8)))::file);
        Policy policy = new Policy(java.time.LocalDate.of(2026, 6, 1), Policy.DEFAULT_DAYS);
        assertThat(new OpenApiDiff(base, "a.yaml", changed, "a.yaml", policy, false).run()).isNotNull();
        assertThat(new OpenApiDiff(changed, "a.yaml", base, "a.yaml", policy, true).run()).isNotNull();
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, SPEC.length());
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of("{", "}", "[", "]", ":", "- ", "\n  ", "&a ", "*a",
                "$ref: '#/components/schemas/Item'", "'", "\"", "\t", "!!binary ", "null", "~", "<<: *a"),
                Arbitraries.strings().ofMaxLength(8));
        return Arbitraries.integers().between(1, 4).flatMap(n -> position.list().ofSize(n).flatMap(ps ->
                insert.list().ofSize(n).map(ins -> {
                    StringBuilder sb = new StringBuilder(SPEC);
                    for (int i = 0; i < n; i++) {
                        int p = Math.min(ps.get(i), sb.length());
                        if (i % 2 == 0) {
                            sb.insert(p, ins.get(i));
                        } else {
                            sb.delete(p, Math.min(sb.length(), p + ins.get(i).length() + 1));
                        }
                    }
                    return sb.toString();
                })));
    }
}
