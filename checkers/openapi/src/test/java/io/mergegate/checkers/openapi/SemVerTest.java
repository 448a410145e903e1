package io.mergegate.checkers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemVerTest {

    @Test
    void ordersAsTheSemVerSpecificationDoes() {
        // the example chain of SemVer 2.0.0 item 11
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "v1.0.1", "1.1.0", "2.0.0");
        List<SemVer> shuffled = new ArrayList<>(ordered.stream().map(SemVer::parse).toList());
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactlyElementsOf(ordered.stream().map(SemVer::parse).toList());
        assertThat(SemVer.parse("1.0.0+build.5").compareTo(SemVer.parse("1.0.0"))).isZero();
        assertThat(SemVer.parse("2024-06")).isNull();
    }

    private static final String SPEC = "api/openapi.yaml";

    private static String spec(String version, boolean withEmail) {
        return "openapi: 3.0.3\ninfo: {title: U, version: '" + version + "'}\npaths:\n  /users:\n    get:\n"
                + "      responses:\n        '200':\n          description: OK\n          content:\n"
                + "            application/json:\n              schema:\n                type: object\n"
                + "                required: [id]\n                properties:\n                  id: {type: string}\n"
                + (withEmail ? "                  email: {type: string}\n" : "");
    }

    @Test
    void aPreReleaseMayBreakOnTheWayToItsRelease() throws Exception {
        CheckerRun r = CheckerRun.text(Map.of(SPEC, spec("2.0.0-rc.1", true)), Map.of(SPEC, spec("2.0.0-rc.2", false)));
        assertThat(r.rules()).contains("openapi/response-optional-property-removed")
                .noneMatch(rule -> rule.contains("version"));
    }

    @Test
    void aLowerPreReleaseIsADecrease() throws Exception {
        CheckerRun r = CheckerRun.text(Map.of(SPEC, spec("2.0.0-rc.2", false)), Map.of(SPEC, spec("2.0.0-rc.1", true)));
        assertThat(r.rules()).contains("openapi/api-version-decreased");
    }

    @Test
    void zeroMajorAsksForAMinorBumpAndSaysSo() throws Exception {
        String base = spec("0.3.1", false).replace("required: [id]", "required: [id, email]")
                .replace("id: {type: string}", "id: {type: string}\n                  email: {type: string}");
        CheckerRun r = CheckerRun.text(Map.of(SPEC, base), Map.of(SPEC, spec("0.3.2", true)));
        assertThat(r.first("openapi/api-major-version-not-bumped").message())
                .contains("needs a minor (0.y.z) version bump", "from 0.3.1 to 0.3.2");
        assertThat(CheckerRun.text(Map.of(SPEC, base), Map.of(SPEC, spec("0.4.0", true))).rules())
                .noneMatch(rule -> rule.contains("version"));
    }

    @Test
    void removingAnOperationWithoutDeprecationIsABreakingChangeForTheVersion() throws Exception {
        String two = spec("1.2.0", false) + "  /orders:\n    get:\n      responses:\n        '200': {description: OK}\n";
        CheckerRun r = CheckerRun.text(Map.of(SPEC, two), Map.of(SPEC, spec("1.3.0", false)));
        assertThat(r.rules()).contains("openapi/api-path-removed-without-deprecation",
                "openapi/api-major-version-not-bumped").doesNotContain("openapi/api-minor-version-not-bumped");
        assertThat(r.facts.all(io.mergegate.core.spi.KnownFacts.API_CHANGES)).singleElement()
                .satisfies(c -> assertThat(c.level()).isEqualTo(io.mergegate.core.spi.ChangeLevel.MAJOR));
    }

    @Test
    void anAdditiveChangeWithoutABumpSaysTheVersionStays() throws Exception {
        CheckerRun r = CheckerRun.text(Map.of(SPEC, spec("1.2.0", false)), Map.of(SPEC, spec("1.2.0", true)));
        assertThat(r.first("openapi/api-minor-version-not-bumped").message())
                .contains("additive change (response-optional-property-added GET /users)", "`info.version` stays 1.2.0");
    }
}
