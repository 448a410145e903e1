package io.mergegate.checkers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A spec rewritten from 3.0 to 3.1 without changing what it accepts gives only the migration note. */
class MigrationTo31Test {

    private static final String SPEC = "api/openapi.yaml";

    private static String spec(String version, String schema) {
        return "openapi: " + version + "\ninfo: {title: A, version: 1.0.0}\npaths:\n  /v1/things:\n    post:\n"
                + "      requestBody:\n        content:\n          application/json:\n            schema:\n"
                + "              type: object\n              properties:\n                x: " + schema + "\n"
                + "      responses:\n        '200':\n          description: OK\n          content:\n"
                + "            application/json:\n              schema:\n                type: object\n"
                + "                properties:\n                  y: " + schema + "\n";
    }

    private static CheckerRun migrate(String schema30, String schema31) throws Exception {
        return CheckerRun.text(Map.of(SPEC, spec("3.0.3", schema30)), Map.of(SPEC, spec("3.1.0", schema31)));
    }

    @Test
    void aNullableEnumWithNullAmongItsValuesIsTheSameEnum() throws Exception {
        CheckerRun r = migrate("{type: string, nullable: true, enum: [a, b]}",
                "{type: [string, 'null'], enum: [a, b, null]}");
        assertThat(r.rules()).containsExactly("openapi/spec-version-changed");
    }

    @Test
    void booleanExclusiveBoundsAreTheNumericOnesOf31() throws Exception {
        CheckerRun r = migrate("{type: integer, minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true}",
                "{type: integer, exclusiveMinimum: 0, exclusiveMaximum: 10}");
        assertThat(r.rules()).containsExactly("openapi/spec-version-changed");
        CheckerRun narrowed = migrate("{type: integer, maximum: 10, exclusiveMaximum: true}",
                "{type: integer, exclusiveMaximum: 9}");
        assertThat(narrowed.rules()).contains("openapi/request-property-exclusive-max-decreased");
    }

    @Test
    void aPropertyOfABetaOperationNeedsTheBetaNotice() throws Exception {
        String base = spec("3.0.3", "{type: string}").replace("    post:\n", "    post:\n      x-stability-level: beta\n");
        String head = base.replace("x: {type: string}", "x: {type: string, deprecated: true, x-sunset: '2026-09-15'}");
        assertThat(head).isNotEqualTo(base);
        // 106 days after the injected today (2026-06-01): enough for beta (90), not for stable (180)
        assertThat(CheckerRun.text(Map.of(SPEC, base), Map.of(SPEC, head)).rules())
                .contains("openapi/request-property-deprecated-with-sunset")
                .doesNotContain("openapi/request-property-sunset-date-too-small");
        String stable = base.replace("      x-stability-level: beta\n", "");
        assertThat(CheckerRun.text(Map.of(SPEC, stable), Map.of(SPEC, head.replace("      x-stability-level: beta\n", "")))
                .rules()).contains("openapi/request-property-sunset-date-too-small");
    }
}
