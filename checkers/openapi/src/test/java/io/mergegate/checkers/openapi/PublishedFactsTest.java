package io.mergegate.checkers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.spi.ApiChange;
import io.mergegate.core.spi.Artifact;
import io.mergegate.core.spi.ChangeLevel;
import io.mergegate.core.spi.KnownFacts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change level and artifacts the DoR checker and the approval manifest read. */
class PublishedFactsTest {

    private static String spec(String version, String extraProperty, String description) {
        return "openapi: 3.0.3\ninfo:\n  title: Users\n  version: " + version + "\n  description: " + description
                + "\npaths:\n  /v1/users:\n    get:\n      responses:\n        '200':\n          description: OK\n"
                + "          content:\n            application/json:\n              schema:\n"
                + "                type: object\n                required: [id]\n                properties:\n"
                + "                  id: {type: string}\n" + extraProperty;
    }

    @Test
    void everySpecAtHeadIsAnArtifactWithItsChangeLevel() throws Exception {
        String same = spec("1.0.0", "", "same");
        Map<String, String> base = Map.of(
                "api/openapi/unchanged.yaml", same,
                "api/openapi/docs.yaml", spec("1.0.0", "", "old text"),
                "api/openapi/additive.yaml", spec("1.0.0", "", "x"),
                "api/openapi/breaking.yaml", spec("1.0.0", "                  name: {type: string}\n", "x")
                        .replace("required: [id]", "required: [id, name]"),
                "README.md", "not a spec");
        Map<String, String> head = Map.of(
                "api/openapi/unchanged.yaml", same,
                "api/openapi/docs.yaml", spec("1.0.1", "", "new text"),
                "api/openapi/additive.yaml", spec("1.1.0", "                  email: {type: string}\n", "x"),
                "api/openapi/breaking.yaml", spec("2.0.0", "", "x"),
                "api/openapi/new-openapi.yaml", spec("0.1.0", "", "x"),
                "README.md", "not a spec");
        CheckerRun run = CheckerRun.text(base, head);
        assertThat(run.facts.all(KnownFacts.ARTIFACTS)).extracting(Artifact::path).containsExactlyInAnyOrder(
                "api/openapi/unchanged.yaml", "api/openapi/docs.yaml", "api/openapi/additive.yaml",
                "api/openapi/breaking.yaml", "api/openapi/new-openapi.yaml");
        Map<String, ApiChange> byPath = new java.util.HashMap<>();
        run.facts.all(KnownFacts.API_CHANGES).forEach(c -> byPath.put(c.path(), c));
        assertThat(byPath.get("api/openapi/unchanged.yaml").level()).isEqualTo(ChangeLevel.NONE);
        assertThat(byPath.get("api/openapi/docs.yaml").level()).isEqualTo(ChangeLevel.PATCH);
        assertThat(byPath.get("api/openapi/additive.yaml").level()).isEqualTo(ChangeLevel.MINOR);
        ApiChange breaking = byPath.get("api/openapi/breaking.yaml");
        assertThat(breaking.level()).isEqualTo(ChangeLevel.MAJOR);
        assertThat(breaking.oldVersion()).isEqualTo("1.0.0");
        assertThat(breaking.newVersion()).isEqualTo("2.0.0");
        assertThat(breaking.summary()).contains("response-required-property-removed");
        assertThat(byPath.get("api/openapi/new-openapi.yaml").level()).isEqualTo(ChangeLevel.MINOR);
        assertThat(new OpenApiChecker().produces()).containsExactlyInAnyOrder(KnownFacts.API_CHANGES, KnownFacts.ARTIFACTS);
    }

    @Test
    void deletedSpecIsCheckedForSunsetAndReportedAsMajor() throws Exception {
        String v1 = "openapi: 3.0.3\ninfo: {title: U, version: 1.4.0}\npaths:\n  /v1/users:\n    get:\n"
                + "      deprecated: true\n      x-sunset: '2026-09-01'\n      responses:\n        '200': {description: OK}\n";
        CheckerRun run = CheckerRun.text(Map.of("api/openapi/users-v1.yaml", v1), Map.of());
        assertThat(run.rules()).containsExactly("openapi/api-path-removed-before-sunset");
        assertThat(run.findings.get(0).location().path()).isEqualTo("api/openapi/users-v1.yaml");
        assertThat(run.facts.all(KnownFacts.API_CHANGES)).extracting(ApiChange::level).containsExactly(ChangeLevel.MAJOR);
    }
}
