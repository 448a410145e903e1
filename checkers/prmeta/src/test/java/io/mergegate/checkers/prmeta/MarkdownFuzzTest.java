package io.mergegate.checkers.prmeta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MarkdownFuzzTest {

    @Provide
    Arbitrary<String> markdownish() {
        Arbitrary<String> pieces = Arbitraries.of("#", "## ", "### Acceptance Criteria:", "\n", "\r\n", "<!--", "-->",
                "```", "~~~", "- [ ] ", "- [x] ", "**", "Change Type:", "MAJOR", "Given ", "when ", "then ", "TBD",
                "---", "===", "\u0000", "\uFFFD", " ", "Sunset: 2026-02-30", "[", "]", ":");
        return Arbitraries.oneOf(pieces.list().ofMaxSize(80).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(400));
    }

    @Property(tries = 500)
    void sectionsNeverThrowAndStayInsideTheText(@ForAll("markdownish") String text) {
        MarkdownSections doc = MarkdownSections.parse(text);
        int lines = doc.lines().size();
        for (MarkdownSections.Section s : doc.all()) {
            assertThat(s.line()).isBetween(1, Math.max(1, lines));
            s.isEmptyOrPlaceholder();
            Fields.of(s).find(List.of("Change Type"))
                    .ifPresent(f -> DeclaredChange.parse(f.lines()));
        }
    }
}
