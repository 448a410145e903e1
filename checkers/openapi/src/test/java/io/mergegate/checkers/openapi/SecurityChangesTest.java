package io.mergegate.checkers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who can still call an operation after a security change: lines, severities and the finding count. */
class SecurityChangesTest {

    private static final String SPEC = "api/openapi.yaml";

    private static final String PUBLIC = """
            openapi: 3.0.3
            info: {title: Pets, version: 1.0.0}
            paths:
              /v1/pets:
                get:
                  responses:
                    '200': {description: OK}
                post:
                  responses:
                    '201': {description: Created}
            components:
              securitySchemes:
                key: {type: apiKey, in: header, name: X-Api-Key}
            """;

    @Test
    void globalSecurityAddedToPublicOperationsIsAnErrorForEachOfThemAtTheGlobalList() throws Exception {
        String head = PUBLIC.replace("paths:\n", "security:\n  - key: []\npaths:\n");
        CheckerRun r = CheckerRun.text(Map.of(SPEC, PUBLIC), Map.of(SPEC, head));
        var added = r.findings.stream().filter(f -> f.ruleId().equals("openapi/api-security-added")).toList();
        assertThat(added).hasSize(2);
        for (Finding f : added) {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().region().startLine()).isEqualTo(3);
            assertThat(f.message()).contains("was public and now requires `key` (from the global `security`)");
        }
        assertThat(added).extracting(Finding::message).anyMatch(m -> m.startsWith("GET /v1/pets"))
                .anyMatch(m -> m.startsWith("POST /v1/pets"));
    }

    @Test
    void anOperationThatKeepsAnAnonymousAlternativeStaysPublic() throws Exception {
        String head = PUBLIC.replace("      responses:\n        '200'", "      security: [{}, {key: []}]\n"
                + "      responses:\n        '200'");
        assertThat(head).isNotEqualTo(PUBLIC);
        CheckerRun r = CheckerRun.text(Map.of(SPEC, PUBLIC), Map.of(SPEC, head));
        assertThat(r.rules()).doesNotContain("openapi/api-security-added");
        assertThat(r.first("openapi/api-security-requirement-added").severity()).isEqualTo(Severity.NOTE);
    }

    @Test
    void anApiKeyMovedToTheQueryIsAnErrorAtTheNewLocation() throws Exception {
        String head = PUBLIC.replace("in: header, name: X-Api-Key", "in: query, name: api_key");
        CheckerRun r = CheckerRun.text(Map.of(SPEC, PUBLIC), Map.of(SPEC, head));
        Finding f = r.first("openapi/api-security-component-api-key-in-changed");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.location().region().startLine()).isEqualTo(13);
        assertThat(f.message()).contains("`key`", "in the query instead of the header");
        // the name changed too, but the moved key already says all clients break: one finding
        assertThat(r.rules()).doesNotContain("openapi/api-security-component-api-key-name-changed");
    }

    @Test
    void aHeaderNameThatOnlyChangesCaseIsTheSameHeader() throws Exception {
        String head = PUBLIC.replace("name: X-Api-Key", "name: x-api-key");
        assertThat(CheckerRun.text(Map.of(SPEC, PUBLIC), Map.of(SPEC, head)).rules())
                .doesNotContain("openapi/api-security-component-api-key-name-changed");
        String renamed = PUBLIC.replace("name: X-Api-Key", "name: X-Key");
        Finding f = CheckerRun.text(Map.of(SPEC, PUBLIC), Map.of(SPEC, renamed))
                .first("openapi/api-security-component-api-key-name-changed");
        assertThat(f.message()).contains("`X-Key` instead of `X-Api-Key`");
    }

    @Test
    void aSchemaReachedThroughTwoVariantsGivesOneFindingPerMessage() throws Exception {
        String base = """
                openapi: 3.0.3
                info: {title: Pets, version: 1.0.0}
                paths:
                  /v1/pets:
                    get:
                      responses:
                        '200':
                          description: OK
                          content:
                            application/json:
                              schema:
                                oneOf:
                                  - $ref: '#/components/schemas/Dog'
                                  - $ref: '#/components/schemas/Cat'
                components:
                  schemas:
                    Pet:
                      type: object
                      properties:
                        name: {type: string}
                        age: {type: integer}
                    Dog:
                      allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {bark: {type: string}}}]
                    Cat:
                      allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {purr: {type: string}}}]
                """;
        String head = base.replace("        age: {type: integer}\n", "");
        assertThat(head).isNotEqualTo(base);
        CheckerRun r = CheckerRun.text(Map.of(SPEC, base), Map.of(SPEC, head));
        assertThat(r.rules()).filteredOn("openapi/response-optional-property-removed"::equals).hasSize(1);
    }
}
