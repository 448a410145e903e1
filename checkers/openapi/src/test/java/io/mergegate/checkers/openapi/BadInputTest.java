package io.mergegate.checkers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.spi.ApiChange;
import io.mergegate.core.spi.ChangeLevel;
import io.mergegate.core.spi.KnownFacts;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile or broken specs give a finding naming the file and the spot, never an exception. */
class BadInputTest {

    private static final String SPEC = "api/openapi.yaml";
    private static final String VALID = """
            openapi: 3.0.3
            info:
              title: A
              version: 1.0.0
            paths:
              /v1/things:
                get:
                  responses:
                    '200':
                      description: OK
            """;

    private static Finding unparseable(String head) throws Exception {
        CheckerRun run = CheckerRun.text(Map.of(SPEC, VALID), Map.of(SPEC, head));
        assertThat(run.rules()).containsExactly("openapi/spec-unparseable");
        Finding f = run.first("openapi/spec-unparseable");
        assertThat(f.location().path()).isEqualTo(SPEC);
        assertThat(run.facts.all(KnownFacts.API_CHANGES)).isEmpty();
        return f;
    }

    @Test
    void billionLaughsIsRefusedBeforeExpansion() throws Exception {
        StringBuilder sb = new StringBuilder(VALID).append("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++, prev++) {
            sb.append("x-").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
        }
        assertThat(unparseable(sb.toString()).message()).contains("aliases");
    }

    /** Under the alias limit (5 levels of 9 aliases = 45), but 2,000 scalars times 9^4 once expanded. */
    @Test
    void aBombUnderTheAliasLimitIsRefusedByItsExpandedSize() throws Exception {
        StringBuilder sb = new StringBuilder(VALID).append("x-a: &a [");
        for (int i = 0; i < 2000; i++) {
            sb.append(i == 0 ? "" : ",").append("lol").append(i);
        }
        sb.append("]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'f'; c++, prev++) {
            sb.append("x-").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
        }
        assertThat(unparseable(sb.toString()).message()).contains("expands to more than");
    }

    @Test
    void aComparisonThatRunsOutOfBudgetFailsClosedWithSpecTooComplex() {
        String head = VALID + "components:\n  schemas:\n    Thing: {type: string}\n";
        head = head.replace("description: OK", "description: OK\n          content:\n            application/json:\n"
                + "              schema: {$ref: '#/components/schemas/Thing'}");
        String base = head.replace("Thing: {type: string}", "Thing: {type: integer}");
        assertThat(base).isNotEqualTo(head);
        io.mergegate.core.source.MemorySourceTree b = io.mergegate.core.source.MemorySourceTree.ofText("base", Map.of(SPEC, base));
        io.mergegate.core.source.MemorySourceTree h = io.mergegate.core.source.MemorySourceTree.ofText("head", Map.of(SPEC, head));
        SpecComparison c = SpecComparison.run(new Workspace(b::file), SPEC, new Workspace(h::file), SPEC,
                new Policy(java.time.LocalDate.of(2026, 6, 1), Policy.DEFAULT_DAYS), false, 1);
        assertThat(c.changes).extracting(Change::rule).contains("spec-too-complex");
        assertThat(Rules.get("spec-too-complex").level()).isEqualTo("ERR");
        assertThat(c.changes.stream().filter(ch -> ch.rule().equals("spec-too-complex")).findFirst().orElseThrow()
                .args()).containsEntry("limit", "1");
    }

    @Test
    void recursiveAliasIsRefused() throws Exception {
        assertThat(unparseable(VALID + "x-loop: &loop\n  self: *loop\n").message()).contains("recursive");
    }

    @Test
    void duplicateJsonKeyNamesTheKeyAndItsLine() throws Exception {
        String json = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"A\", \"version\": \"1.0.0\"},\n"
                + "  \"paths\": {},\n  \"paths\": {}\n}\n";
        Finding f = unparseable(json);
        assertThat(f.message()).contains("duplicate key `paths`");
        assertThat(f.location().line()).isEqualTo(5);
        assertThat(f.location().column()).isEqualTo(3);
    }

    @Test
    void invalidUtf8NamesTheLine() throws Exception {
        byte[] good = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 2];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xC3;
        bad[good.length + 1] = (byte) 0x28;
        CheckerRun run = CheckerRun.bytes(Map.of(SPEC, good), Map.of(SPEC, bad));
        Finding f = run.first("openapi/spec-unparseable");
        assertThat(f.message()).contains("not valid UTF-8");
        assertThat(f.location().line()).isEqualTo(11);
    }

    @Test
    void binaryContentIsRefused() throws Exception {
        CheckerRun run = CheckerRun.bytes(Map.of(SPEC, VALID.getBytes(StandardCharsets.UTF_8)),
                Map.of(SPEC, ("openapi: 3.0.3\n\0\0\0").getBytes(StandardCharsets.UTF_8)));
        assertThat(run.first("openapi/spec-unparseable").message()).contains("NUL");
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() throws Exception {
        String deep = VALID + "x-deep: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
        assertThat(unparseable(deep).message()).containsAnyOf("nested", "depth");
    }

    @Test
    void recursiveSchemasTerminateAndStillFindTheChange() throws Exception {
        String base = """
                openapi: 3.0.3
                info: {title: Tree, version: 1.0.0}
                paths:
                  /v1/nodes:
                    get:
                      responses:
                        '200':
                          description: OK
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Node'}
                components:
                  schemas:
                    Node:
                      type: object
                      required: [name, children]
                      properties:
                        name: {type: string}
                        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                        parent: {$ref: '#/components/schemas/Node'}
                """;
        String head = base.replace("required: [name, children]", "required: [children]");
        CheckerRun run = CheckerRun.text(Map.of(SPEC, base), Map.of(SPEC, head));
        assertThat(run.rules()).contains("openapi/response-property-became-optional");
        assertThat(run.first("openapi/response-property-became-optional").location().line()).isEqualTo(18);
    }

    @Test
    void refCycleBetweenFilesTerminates() throws Exception {
        String spec = VALID.replace("description: OK", "description: OK\n          content:\n"
                + "            application/json:\n              schema: {$ref: './a.yaml#/A'}");
        Map<String, String> files = Map.of(SPEC, spec, "api/a.yaml", "A: {$ref: './b.yaml#/B'}\n",
                "api/b.yaml", "B: {$ref: './a.yaml#/A'}\n");
        CheckerRun run = CheckerRun.text(files, files);
        assertThat(run.findings).isEmpty();
    }

    /** Found by ParserFuzzTest: a ref whose pointer runs through itself recursed until the stack overflowed. */
    @Test
    void refThroughItselfTerminates() throws Exception {
        String spec = VALID.replace("description: OK", "description: OK\n          content:\n"
                + "            application/json:\n              schema: {$ref: './a.yaml#/A/properties/x'}");
        Map<String, String> files = Map.of(SPEC, spec, "api/a.yaml", "A: {$ref: '#/A/properties/x'}\n");
        CheckerRun run = CheckerRun.text(files, files);
        assertThat(run.findings).isEmpty();
    }

    @Test
    void tenMegabyteSpecParsesAndDiffsWithinTheTestHeap() throws Exception {
        String base = LargeSpecs.spec(9_600, "1.0.0", false);
        String head = LargeSpecs.spec(9_600, "1.0.0", true);
        assertThat(head.length()).isGreaterThan(10_000_000);
        CheckerRun run = CheckerRun.text(Map.of(SPEC, base), Map.of(SPEC, head));
        assertThat(run.rules()).contains("openapi/response-required-property-removed", "openapi/api-version-not-bumped");
        assertThat(run.facts.all(KnownFacts.API_CHANGES)).extracting(ApiChange::level).containsExactly(ChangeLevel.MAJOR);
    }

    @Test
    void oversizedFileIsRefusedWithoutReadingIt() throws Exception {
        byte[] huge = new byte[(int) SpecLoader.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        CheckerRun run = CheckerRun.bytes(Map.of(SPEC, VALID.getBytes(StandardCharsets.UTF_8)), Map.of(SPEC, huge));
        assertThat(run.first("openapi/spec-unparseable").message()).contains("above the limit");
    }
}
