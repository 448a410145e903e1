package io.mergegate.checkers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changes to how a spec is written, not to what it accepts or returns, are not reported as breaking. */
class RefactorsTest {

    private static final String SPEC = "api/openapi.yaml";
    private static final String BASE = """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /v1/pets:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          oneOf:
                            - $ref: '#/components/schemas/Dog'
                            - $ref: '#/components/schemas/Cat'
                  responses:
                    '200': {description: OK}
            components:
              schemas:
                Dog:
                  type: object
                  required: [bark]
                  properties: {bark: {type: string}}
                Cat:
                  type: object
                  required: [meow]
                  properties: {meow: {type: string}}
            """;

    @Test
    void aVariantWhoseComponentWasRenamedIsTheSameVariant() throws Exception {
        String head = BASE.replace("schemas/Cat'", "schemas/Feline'").replace("    Cat:", "    Feline:");
        assertThat(head).isNotEqualTo(BASE);
        assertThat(CheckerRun.text(Map.of(SPEC, BASE), Map.of(SPEC, head)).rules())
                .noneMatch(r -> r.contains("one-of"));
    }

    @Test
    void aRenamedComponentWithOtherContentIsStillAVariantRemoved() throws Exception {
        String head = BASE.replace("schemas/Cat'", "schemas/Feline'")
                .replace("    Cat:\n      type: object\n      required: [meow]\n      properties: {meow: {type: string}}",
                        "    Feline:\n      type: object\n      required: [purr]\n      properties: {purr: {type: string}}");
        assertThat(head).doesNotContain("meow");
        CheckerRun r = CheckerRun.text(Map.of(SPEC, BASE), Map.of(SPEC, head));
        assertThat(r.rules()).contains("openapi/request-body-one-of-removed", "openapi/request-body-one-of-added");
        assertThat(r.first("openapi/request-body-one-of-removed").message()).contains("`Cat`");
    }
}
