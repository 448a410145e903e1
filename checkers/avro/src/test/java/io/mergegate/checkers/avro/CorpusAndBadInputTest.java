package io.mergegate.checkers.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.Facts;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.FixturePaths;
import io.mergegate.testkit.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CorpusAndBadInputTest {

    @Test
    void everyCorpusSchemaGetsAVerdictAndReferencesResolve() throws Exception {
        Path corpus = FixturePaths.shared().resolve("corpus/avro");
        assertThat(corpus).isDirectory();
        SourceTree head = new DirectorySourceTree(corpus, "corpus");
        SimpleGateContext ctx = new SimpleGateContext(Mode.PULL_REQUEST, SourceTree.empty("base"), head, null, null,
                null, Map.of(), "avro", new Facts(), TestRules.catalog(), null, Map.of());
        long start = System.nanoTime();
        List<Finding> findings = new AvroChecker().check(ctx);
        long cold = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        new AvroChecker().check(ctx);
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> schemas = head.paths().stream().filter(p -> p.endsWith(".avsc")).toList();
        assertThat(schemas).hasSizeGreaterThanOrEqualTo(70);
        Map<String, List<String>> invalid = findings.stream()
                .filter(f -> f.ruleId().startsWith("avro/invalid") || f.ruleId().equals(AvroRuleIds.UNRESOLVED_TYPE)
                        || f.ruleId().equals(AvroRuleIds.DUPLICATE_FIELD))
                .filter(f -> !f.ruleId().equals(AvroRuleIds.INVALID_LOGICAL_TYPE))
                .collect(Collectors.groupingBy(f -> f.location().path(),
                        Collectors.mapping(Finding::message, Collectors.toList())));
        // the three files with references to types in other files resolve them; only a reserved-word
        // or custom logical type file may be rejected by the strict parser
        assertThat(invalid.keySet()).noneMatch(p -> p.contains("ApplicationEvent") || p.endsWith("/User.avsc"));
        assertThat(invalid).as("strict-parse failures in the corpus: %s", invalid).hasSizeLessThanOrEqualTo(3);
        assertThat(findings).anyMatch(f -> f.ruleId().equals(AvroRuleIds.JSON_COMMENTS)
                && f.location().path().endsWith("clickstream_schema.avsc"));
        System.out.printf("corpus: %d schemas, %d findings, %d ms cold, %d ms warm%n", schemas.size(), findings.size(),
                cold, millis);
    }

    private static List<Finding> checkOne(byte[] content) {
        var ctx = TestContexts.of(Map.of(), Map.of("kafka/schemas/x.avsc", content), null, Map.of(), new Facts());
        return new AvroChecker().check(ctx);
    }

    @Test
    void emptyFile() {
        assertThat(checkOne(new byte[0])).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(AvroRuleIds.INVALID_SCHEMA);
            assertThat(f.message()).contains("x.avsc", "empty");
        });
    }

    @Test
    void topLevelArray() {
        assertThat(checkOne(TestContexts.utf8("[\"null\", \"string\"]"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("array"));
    }

    @Test
    void invalidUtf8() {
        byte[] bytes = TestContexts.utf8("{\"type\": \"record\", \"name\": \"A\", \"doc\": \"x\", \"fields\": []}");
        bytes[30] = (byte) 0xC3;
        bytes[31] = (byte) 0x28;
        assertThat(checkOne(bytes)).singleElement().satisfies(f -> assertThat(f.message()).contains("UTF-8"));
    }

    @Test
    void binaryFileNamedAvsc() {
        byte[] bytes = {'O', 'b', 'j', 1, 0, 0, 4, 'a', 'v', 'r', 'o'};
        assertThat(checkOne(bytes)).singleElement().satisfies(f -> assertThat(f.message()).contains("binary"));
    }

    @Test
    void fiftyMegabyteFileIsRefusedQuickly() {
        byte[] big = new byte[50 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        byte[] head = TestContexts.utf8("{\"type\": \"string\"}");
        System.arraycopy(head, 0, big, 0, head.length);
        long start = System.nanoTime();
        List<Finding> findings = checkOne(big);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(AvroRuleIds.INVALID_SCHEMA);
            assertThat(f.message()).contains("52428800 bytes", "avro.max-file-size");
        });
        assertThat(millis).isLessThan(5_000);
    }

    @Test
    void deeplyNestedInputIsAFindingNotACrash() {
        String deep = "{\"type\": \"array\", \"items\": ".repeat(5000) + "\"int\"" + "}".repeat(5000);
        assertThat(checkOne(TestContexts.utf8(deep))).singleElement()
                .satisfies(f -> assertThat(f.ruleId()).isEqualTo(AvroRuleIds.INVALID_SCHEMA));
    }

    @Test
    void symlinkAtHeadIsAFinding(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("target.txt"), "{}");
        Files.createSymbolicLink(dir.resolve("link.avsc"), dir.resolve("target.txt"));
        SimpleGateContext ctx = new SimpleGateContext(Mode.PULL_REQUEST, SourceTree.empty("base"),
                new DirectorySourceTree(dir, "head"), null, null, null, Map.of(), "avro", new Facts(),
                TestRules.catalog(), null, Map.of());
        assertThat(new AvroChecker().check(ctx)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("symbolic link"));
    }
}
