package io.mergegate.checkers.codeowners;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.TestRules;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeownersCheckerTest {

    private static List<Finding> run(Map<String, byte[]> base, Map<String, byte[]> head) {
        SourceTree b = new MemorySourceTree("base", base);
        SourceTree h = new MemorySourceTree("head", head);
        SimpleGateContext ctx = new SimpleGateContext(Mode.PULL_REQUEST, b, h, null, null, null,
                Map.of("codeowners", CheckerConfig.empty()), "codeowners", null, TestRules.catalog(), null, null);
        List<Finding> out = new CodeownersChecker().check(ctx);
        io.mergegate.testkit.FixtureHarness.assertDeclared(new CodeownersChecker(), out);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sized(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'a');
        byte[] head = utf8("* @acme/all\n#");
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    @Test
    void aFileOfExactly3MbIsIgnoredAndOneByteLessIsRead() {
        Map<String, byte[]> base = Map.of(".github/CODEOWNERS", utf8("* @acme/all\n"), "a.txt", utf8("a"));
        List<Finding> at = run(base, Map.of(".github/CODEOWNERS", sized((int) Platform.MAX_BYTES), "a.txt", utf8("a")));
        assertThat(at).extracting(Finding::ruleId).contains("codeowners/file-too-large");
        List<Finding> below = run(base, Map.of(".github/CODEOWNERS", sized((int) Platform.MAX_BYTES - 1), "a.txt",
                utf8("a")));
        assertThat(below).extracting(Finding::ruleId).doesNotContain("codeowners/file-too-large");
    }

    @Test
    void binaryHeadFileIsAFindingNotACrash() {
        List<Finding> out = run(Map.of(".github/CODEOWNERS", utf8("* @acme/all\n")),
                Map.of(".github/CODEOWNERS", new byte[] {'*', ' ', 0, 1, 2, (byte) 0xff}));
        assertThat(out).extracting(Finding::ruleId).containsExactly("codeowners/unreadable-file");
        assertThat(out.get(0).location().path()).isEqualTo(".github/CODEOWNERS");
    }

    @Test
    void longLinesAndInvalidUtf8AreFindingsAtTheLine() {
        byte[] text = ("* @acme/all\n/" + "x".repeat(10_000) + "/ @acme/core\n/caf\u00e9/ @acme/core\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Map<String, byte[]> head = new HashMap<>();
        head.put(".github/CODEOWNERS", text);
        List<Finding> out = run(Map.of(".github/CODEOWNERS", utf8("* @acme/all\n")), head);
        assertThat(out).extracting(f -> f.ruleId() + ":" + f.location().line()).containsExactlyInAnyOrder(
                "codeowners/pattern-matches-nothing:2", "codeowners/invalid-pattern:3");
    }

    @Test
    void noChangesNoFileFindings() {
        Map<String, byte[]> tree = Map.of(".github/CODEOWNERS", utf8("/src/[ab]/ @x\n/nothing/ @y\n"), "a", utf8("a"));
        assertThat(run(tree, tree)).isEmpty();
    }
}
