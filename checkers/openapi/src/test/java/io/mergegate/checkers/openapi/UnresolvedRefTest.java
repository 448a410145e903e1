package io.mergegate.checkers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.Severity;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.testkit.TestRules;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A {@code $ref} that cannot be followed hides what it names from the diff: it is reported, never silent. */
class UnresolvedRefTest {

    private static final String SPEC = "api/openapi/users.yaml";

    /** The diff test's spec with its response schema replaced by a {@code $ref} (on line 14). */
    private static String spec(String version, String ref) {
        String base = OpenApiDiffCommandLogicTest.BASE;
        return base.substring(0, base.indexOf("type: object")).replace("version: 2.3.0", "version: " + version)
                + "$ref: '" + ref + "'\n";
    }

    private static final String USER = """
            User:
              type: object
              required: [id, fullName]
              properties:
                id: {type: string}
                fullName: {type: string}
            """;

    private static List<Finding> refFindings(CheckerRun run) {
        return run.findings.stream().filter(f -> f.ruleId().startsWith("openapi/spec-ref-")).toList();
    }

    @Test
    void refToAMissingFileIsReportedAtTheRef() throws Exception {
        CheckerRun run = CheckerRun.text(Map.of(SPEC, spec("1.0.0", "./user.yaml#/User"), "api/openapi/user.yaml", USER),
                Map.of(SPEC, spec("1.0.1", "./schemas/user.yaml#/User"), "api/openapi/user.yaml", USER));
        Finding f = refFindings(run).get(0);
        assertThat(f.ruleId()).isEqualTo("openapi/spec-ref-unresolved");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.location().path()).isEqualTo(SPEC);
        assertThat(f.location().line()).isEqualTo(14);
        assertThat(f.message()).contains("`$ref: ./schemas/user.yaml#/User` (" + SPEC + ":14) cannot be followed: "
                + "`api/openapi/schemas/user.yaml` does not exist; what it names was not compared");
    }

    @Test
    void refToAMissingPointerOrARemoteDocumentIsReported() throws Exception {
        CheckerRun pointer = CheckerRun.text(Map.of(SPEC, spec("1.0.0", "./user.yaml#/User"), "api/openapi/user.yaml", USER),
                Map.of(SPEC, spec("1.0.1", "./user.yaml#/Person"), "api/openapi/user.yaml", USER));
        assertThat(refFindings(pointer)).extracting(Finding::message).singleElement().asString()
                .contains("`api/openapi/user.yaml` has nothing at `#/Person`");
        CheckerRun remote = CheckerRun.text(Map.of(SPEC, spec("1.0.0", "./user.yaml#/User"), "api/openapi/user.yaml", USER),
                Map.of(SPEC, spec("1.0.1", "https://example.com/user.yaml#/User"), "api/openapi/user.yaml", USER));
        assertThat(refFindings(remote)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("openapi/spec-ref-not-followed");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("remote references are not fetched");
        });
    }

    @Test
    void deletingTheFragmentAnUntouchedSpecNamesIsReported() throws Exception {
        CheckerRun run = CheckerRun.text(Map.of(SPEC, spec("1.0.0", "./user.yaml#/User"), "api/openapi/user.yaml", USER),
                Map.of(SPEC, spec("1.0.0", "./user.yaml#/User")));
        assertThat(refFindings(run)).extracting(Finding::message).singleElement().asString()
                .contains("`api/openapi/user.yaml` does not exist");
    }

    @Test
    void aRefBrokenBeforeTheChangeInAnUntouchedSpecIsNotReportedAgain() throws Exception {
        String broken = spec("1.0.0", "./gone.yaml#/User");
        CheckerRun run = CheckerRun.text(Map.of(SPEC, broken, "api/openapi/other.yaml", "x: 1\n"),
                Map.of(SPEC, broken, "api/openapi/other.yaml", "x: 2\n"));
        assertThat(refFindings(run)).isEmpty();
    }

    @Test
    void diffReportsABaseRefItCannotFollowAtTheHeadSpec() {
        OpenApiDiffCommandLogic.Result r = OpenApiDiffCommandLogic.diff(
                MemorySourceTree.ofText("base", Map.of("old.yaml", spec("1.0.0", "../common/user.yaml#/User"))), "old.yaml",
                MemorySourceTree.ofText("head", Map.of("new.yaml", spec("1.0.0", "#/components/schemas/User")
                        + "components:\n  schemas:\n" + USER.indent(4))), "new.yaml",
                TestRules.catalog(), CheckerConfig.empty(), Clock.systemUTC());
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("openapi/spec-ref-not-followed"))
                .extracting(f -> f.location().path() + ":" + f.location().line() + " " + f.message())
                .containsExactly("new.yaml:1 the base `$ref: ../common/user.yaml#/User` "
                        + "(old.yaml:14) cannot be followed: it points outside the repository; what it names was not "
                        + "compared");
    }
}
