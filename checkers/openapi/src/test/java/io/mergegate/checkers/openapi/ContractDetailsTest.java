package io.mergegate.checkers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Serialisation, mutability, property-count and security changes: each finding points at the changed
 * head node (line and column), and its severity is the documented one.
 */
class ContractDetailsTest {

    private static final String SPEC = "api/openapi.yaml";

    private static final String BASE = """
            openapi: 3.0.3
            info: {title: Users, version: 1.0.0}
            paths:
              /v1/users:
                post:
                  operationId: createUser
                  security:
                    - bearer: []
                    - key: []
                  parameters:
                    - name: ids
                      in: query
                      style: form
                      schema: {type: array, items: {type: string}}
                    - name: q
                      in: query
                      explode: true
                      schema: {type: string}
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          maxProperties: 10
                          properties:
                            note: {type: string}
                  responses:
                    '200': {description: OK}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
                key: {type: apiKey, in: header, name: X-Key}
                oauth:
                  type: oauth2
                  flows:
                    clientCredentials:
                      tokenUrl: https://auth.example.com/token
                      scopes: {read: Read}
            """;

    private static final String HEAD = """
            openapi: 3.0.3
            info: {title: Users, version: 1.0.0}
            paths:
              /v1/users:
                post:
                  operationId: createUser
                  security:
                    - bearer: []
                  parameters:
                    - name: ids
                      in: query
                      style: pipeDelimited
                      schema: {type: array, items: {type: string}}
                    - name: q
                      in: query
                      explode: false
                      schema: {type: string}
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          maxProperties: 5
                          properties:
                            note:
                              type: string
                              readOnly: true
                  responses:
                    '200': {description: OK}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
                oauth:
                  type: oauth2
                  flows:
                    clientCredentials:
                      tokenUrl: https://login.example.com/token
                      scopes: {read: Read}
            """;

    private static CheckerRun run() throws Exception {
        return CheckerRun.text(Map.of(SPEC, BASE), Map.of(SPEC, HEAD));
    }

    private static void at(Finding f, int line, int column, Severity severity) {
        assertThat(f.location().path()).isEqualTo(SPEC);
        assertThat(f.location().region().startLine()).as(f.ruleId()).isEqualTo(line);
        assertThat(f.location().region().startColumn()).as(f.ruleId()).isEqualTo(column);
        assertThat(f.severity()).as(f.ruleId()).isEqualTo(severity);
    }

    @Test
    void aParameterStyleChangeIsAnErrorAtTheStyle() throws Exception {
        Finding f = run().first("openapi/request-parameter-style-changed");
        at(f, 12, 18, Severity.ERROR);
        assertThat(f.message()).contains("`ids`", "`form`", "`pipeDelimited`", "POST /v1/users");
    }

    @Test
    void explodeOnAPrimitiveParameterChangesNothingOnTheWire() throws Exception {
        assertThat(run().rules()).doesNotContain("openapi/request-parameter-explode-changed");
    }

    @Test
    void aSmallerMaxPropertiesNarrowsTheRequest() throws Exception {
        at(run().first("openapi/request-body-max-properties-decreased"), 23, 30, Severity.ERROR);
    }

    @Test
    void aRequestPropertyThatBecameReadOnlyIsAnError() throws Exception {
        Finding f = run().first("openapi/request-optional-property-became-read-only");
        at(f, 27, 29, Severity.ERROR);
        assertThat(f.message()).contains("`note`");
    }

    @Test
    void aRemovedAlternativeThatClientsUseIsAnErrorAtTheSecurityList() throws Exception {
        CheckerRun r = run();
        at(r.first("openapi/api-security-requirement-removed"), 7, 7, Severity.ERROR);
        assertThat(r.rules()).doesNotContain("openapi/api-security-removed");
    }

    @Test
    void securitySchemeChangesPointAtTheComponent() throws Exception {
        CheckerRun r = run();
        Finding token = r.first("openapi/api-security-component-oauth-token-url-changed");
        at(token, 37, 21, Severity.ERROR);
        assertThat(token.message()).contains("https://auth.example.com/token", "https://login.example.com/token");
        // a removal points at the parent in head (the securitySchemes map) and names the scheme
        Finding removed = r.first("openapi/api-security-component-removed");
        at(removed, 31, 3, Severity.NOTE);
        assertThat(removed.message()).contains("`key`");
    }

    @Test
    void anAndRequirementThatGainsASchemeLocksOutItsClients() throws Exception {
        String head = BASE.replace("    - bearer: []\n        - key: []", "    - bearer: []\n          key: []");
        assertThat(head).isNotEqualTo(BASE);
        CheckerRun r = CheckerRun.text(Map.of(SPEC, BASE.replace("        - key: []\n", "")), Map.of(SPEC, head));
        Finding f = r.first("openapi/api-security-requirement-scheme-added");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("`key`", "`bearer`");
    }
}
