package io.mergegate.checkers.codeowners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CodeownersFuzzTest {

    @Provide
    Arbitrary<String> codeowners() {
        Arbitrary<String> pieces = Arbitraries.of("/", "*", "**", "?", "a", "b", "docs", ".md", "\\", "\\ ", "#", "!",
                "[", "]", "^[", "[S]", "[2]", " ", "\t", "\n", "\r\n", "@x", "@o/t", "@@maintainer", "e@x.io", "\u0000",
                "\uFFFD", "é", "[!a]", "{a,b}");
        return Arbitraries.oneOf(pieces.list().ofMaxSize(60).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(300));
    }

    @Provide
    Arbitrary<List<String>> paths() {
        return Arbitraries.of("a", "b", "docs", "x.md", ".hidden", "é", "a b").list().ofMinSize(1).ofMaxSize(5)
                .map(l -> String.join("/", l)).list().ofMaxSize(20);
    }

    @Property(tries = 1000)
    void parsingNeverThrowsAndTheIndexAgreesWithAFullScan(@ForAll("codeowners") String text,
            @ForAll("paths") List<String> paths) {
        for (Platform platform : Platform.values()) {
            CodeownersFile file = CodeownersParser.parse("CODEOWNERS", text, platform);
            for (CodeownersFile.Problem p : file.problems()) {
                assertThat(p.line()).isBetween(1, file.lines().size());
            }
            OwnershipIndex index = new OwnershipIndex(file);
            for (String path : paths) {
                for (CodeownersRule r : file.rules()) {
                    // the regular expression is an independent oracle for the segment matcher
                    assertThat(r.matches(path)).as("%s ~ %s", r.pattern(), path)
                            .isEqualTo(PatternTranslator.translate(r.pattern(), platform).compile(false)
                                    .matcher(path).matches());
                }
                assertThat(index.allMatches(path)).containsExactlyElementsOf(fullScan(file, path));
                OwnershipIndex.Ownership o = index.resolve(path);
                o.owners();
                if (index.firstMatchDecides()) {
                    assertThat(index.resolver().firstMatch(path)).as(path).isEqualTo(o.decidingRule());
                }
            }
        }
    }

    @Property(tries = 500)
    void unescapingAgreesWithTheRegularExpressionItReplaces(@ForAll("codeowners") String text) {
        assertThat(PatternTranslator.unescape(text)).isEqualTo(text.replaceAll("\\\\(.)", "$1"));
    }

    private static List<CodeownersRule> fullScan(CodeownersFile file, String path) {
        List<CodeownersRule> out = new ArrayList<>();
        for (int i = file.rules().size() - 1; i >= 0; i--) {
            if (file.rules().get(i).matches(path)) {
                out.add(file.rules().get(i));
            }
        }
        return out;
    }
}
