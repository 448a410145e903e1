package io.mergegate.checkers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.spi.ChangeLevel;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.testkit.TestRules;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiDiffCommandLogicTest {

    private static final Clock TODAY = Clock.fixed(LocalDate.of(2026, 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            ZoneOffset.UTC);
    static final String BASE = """
            openapi: 3.1.0
            info: {title: Users, version: 2.3.0}
            paths:
              /v2/users/{userId}:
                get:
                  parameters:
                    - {name: userId, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: The user
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [id, fullName]
                            properties:
                              id: {type: string}
                              fullName: {type: string}
            """;

    private static OpenApiDiffCommandLogic.Result diff(String head) {
        return OpenApiDiffCommandLogic.diff(MemorySourceTree.ofText("base", Map.of("old.yaml", BASE)), "old.yaml",
                MemorySourceTree.ofText("head", Map.of("new.yaml", head)), "new.yaml", TestRules.catalog(),
                CheckerConfig.empty(), TODAY);
    }

    @Test
    void breakingChangeExitsOneAndNamesOperationPathAndProperty() {
        OpenApiDiffCommandLogic.Result r = diff(BASE.replace("required: [id, fullName]", "required: [id]")
                .replace("      fullName: {type: string}\n", ""));
        assertThat(r.exitCode()).isEqualTo(OpenApiDiffCommandLogic.BREAKING);
        assertThat(r.level()).isEqualTo(ChangeLevel.MAJOR);
        Finding f = r.findings().stream().filter(x -> x.ruleId().equals("openapi/response-required-property-removed"))
                .findFirst().orElseThrow();
        assertThat(f.message()).isEqualTo(
                "removed the required property `fullName` from the 200 response of GET /v2/users/{userId} (base: line 18)");
        assertThat(f.location().path()).isEqualTo("new.yaml");
        assertThat(f.location().line()).isEqualTo(16);
        assertThat(f.location().column()).isEqualTo(17);
        assertThat(f.properties()).containsEntry("operation", "GET /v2/users/{userId}");
    }

    @Test
    void additiveChangeWithWarningsExitsZero() {
        OpenApiDiffCommandLogic.Result r = diff(BASE.replace("fullName: {type: string}",
                "fullName: {type: string}\n                  email: {type: string}"));
        assertThat(r.level()).isEqualTo(ChangeLevel.MINOR);
        assertThat(r.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("openapi/response-optional-property-added", "openapi/api-minor-version-not-bumped");
        assertThat(r.exitCode()).isEqualTo(OpenApiDiffCommandLogic.OK);
    }

    @Test
    void fingerprintIgnoresLineMoves() {
        String head = BASE.replace("required: [id, fullName]", "required: [id]").replace("      fullName: {type: string}\n", "");
        String moved = head.replace("info: {title: Users, version: 2.3.0}",
                "info:\n  title: Users\n  description: moved down\n  version: 2.3.0");
        Finding a = diff(head).findings().get(0);
        Finding b = diff(moved).findings().get(0);
        assertThat(b.location().line()).isNotEqualTo(a.location().line());
        assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
    }

    @Test
    void nextMajorsFileIsComparedAcrossVersionsAsTheCheckerPairsIt() {
        String v3 = BASE.replace("version: 2.3.0", "version: 3.0.0").replace("/v2/", "/v3/")
                .replace("required: [id, fullName]", "required: [id, firstName, lastName]")
                .replace("fullName: {type: string}", "firstName: {type: string}\n                  lastName: {type: string}");
        OpenApiDiffCommandLogic.Result r = OpenApiDiffCommandLogic.diff(
                MemorySourceTree.ofText("base", Map.of("docs/openapi/user-service-v2.yaml", BASE)),
                "docs/openapi/user-service-v2.yaml",
                MemorySourceTree.ofText("head", Map.of("docs/openapi/user-service-v3.yaml", v3)),
                "docs/openapi/user-service-v3.yaml", TestRules.catalog(), CheckerConfig.empty(), TODAY);
        assertThat(r.findings()).extracting(Finding::ruleId).doesNotContain("openapi/api-path-removed-without-deprecation")
                .contains("openapi/response-required-property-removed");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("openapi/response-required-property-removed"))
                .allMatch(f -> f.severity() == io.mergegate.core.Severity.NOTE);
        assertThat(r.exitCode()).isEqualTo(OpenApiDiffCommandLogic.OK);
    }
}
