package io.mergegate.checkers.prmeta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSectionsTest {

    @Test
    void headingsAreMatchedCaseInsensitivelyWithoutTrailingColon() {
        MarkdownSections doc = MarkdownSections.parse("# Title\n## **Acceptance Criteria:**\nGiven x\n## Next\ny\n");
        assertThat(doc.find("acceptance criteria")).hasValueSatisfying(s -> {
            assertThat(s.text()).isEqualTo("Given x\n");
            assertThat(s.line()).isEqualTo(2);
        });
    }

    @Test
    void contentRunsToTheNextHeadingOfTheSameLevel() {
        MarkdownSections doc = MarkdownSections.parse("## A\na\n### B\nb\n## C\nc\n");
        assertThat(doc.find("A").orElseThrow().text()).isEqualTo("a\n### B\nb\n");
        assertThat(doc.find("B").orElseThrow().text()).isEqualTo("b\n");
    }

    @Test
    void commentsAndCodeFencesHideHeadings() {
        MarkdownSections doc = MarkdownSections.parse("<!-- ## Hidden -->\n```\n## InCode\n```\n~~~\n# Tilde\n~~~\n## Real\nx\n");
        assertThat(doc.all()).extracting(MarkdownSections.Section::name).containsExactly("Real");
        assertThat(doc.find("Real").orElseThrow().line()).isEqualTo(8);
    }

    @Test
    void setextHeadings() {
        MarkdownSections doc = MarkdownSections.parse("Security Review\n---\nDone.\n");
        assertThat(doc.find("security review").orElseThrow().text()).isEqualTo("Done.\n");
    }

    @Test
    void placeholders() {
        for (String p : List.of("TBD", "- TODO", "N/A", "n/a", "-", "...", "<describe>", "", "  \n", "- [ ] TBD")) {
            assertThat(MarkdownSections.parse("## S\n" + p + "\n").find("S").orElseThrow().isEmptyOrPlaceholder())
                    .as(p).isTrue();
        }
        assertThat(MarkdownSections.parse("## S\nreviewed\n").find("S").orElseThrow().isEmptyOrPlaceholder()).isFalse();
    }

    @Test
    void longRunsStayLinear() {
        String spaces = " ".repeat(60_000);
        String stars = "*".repeat(60_000);
        String quotes = "> ".repeat(30_000);
        String text = quotes + "- [ ] q\n" + "## A" + spaces + "x\n## " + stars + "x\nKey" + spaces + "x\n- [x]" + spaces + "y\n"
                + "**" + stars + "x: v\n## API Versioning Decision\nChange Type:" + spaces + "\n- [x]" + spaces + "MAJOR\n";
        MarkdownSections doc = MarkdownSections.parse(text);
        assertThat(doc.all()).hasSize(3);
        Fields f = Fields.of(doc.find("API Versioning Decision").orElseThrow());
        assertThat(DeclaredChange.parse(f.find(List.of("Change Type")).orElseThrow().lines()).level())
                .hasToString("MAJOR");
    }

    @Test
    void atxHeadings() {
        assertThat(MarkdownSections.atx("## Title ##")).containsExactly("##", "Title");
        assertThat(MarkdownSections.atx("   # C#")).containsExactly("#", "C#");
        assertThat(MarkdownSections.atx("#hashtag")).isNull();
        assertThat(MarkdownSections.atx("    # code")).isNull();
        assertThat(MarkdownSections.atx("####### seven")).isNull();
    }

    @Test
    void unclosedCommentAndFenceDoNotThrow() {
        assertThat(MarkdownSections.parse("## A\n<!-- open\n## B\n").all()).hasSize(1);
        assertThat(MarkdownSections.parse("## A\n```\n## B\n").all()).hasSize(1);
    }

    @Test
    void fieldsWithBoldListMarkersAndContinuation() {
        MarkdownSections doc = MarkdownSections.parse("## D\n- **Change Type:** MINOR\n* __Reasoning__: because\n"
                + "1. Migration Path:\n   step one\n   step two\n\nChange Type again: no\n");
        Fields f = Fields.of(doc.find("D").orElseThrow());
        assertThat(f.find(List.of("change type")).orElseThrow().value()).isEqualTo("MINOR");
        assertThat(f.find(List.of("Reasoning")).orElseThrow().value()).isEqualTo("because");
        assertThat(f.find(List.of("Migration Path")).orElseThrow().value()).isEqualTo("step one\nstep two");
    }

    @Test
    void declaredChangeType() {
        assertThat(DeclaredChange.parse(List.of("MAJOR")).level()).hasToString("MAJOR");
        assertThat(DeclaredChange.parse(List.of("minor (new field)")).level()).hasToString("MINOR");
        assertThat(DeclaredChange.parse(List.of("", "- [ ] MAJOR", "- [x] PATCH")).level()).hasToString("PATCH");
        assertThat(DeclaredChange.parse(List.of("MAJOR / MINOR / PATCH")).problem()).contains("choose one");
        assertThat(DeclaredChange.parse(List.of("- [ ] MAJOR", "- [ ] MINOR")).problem()).contains("no checkbox");
    }

    @Test
    void versionBumps() {
        assertThat(DorChecker.bump("1.4.2", "2.0.0")).hasValueSatisfying(l -> assertThat(l).hasToString("MAJOR"));
        assertThat(DorChecker.bump("1.4.2", "1.5.0")).hasValueSatisfying(l -> assertThat(l).hasToString("MINOR"));
        assertThat(DorChecker.bump("v1.4.2", "1.4.3")).hasValueSatisfying(l -> assertThat(l).hasToString("PATCH"));
        assertThat(DorChecker.bump("1.4.2", "1.4.2")).hasValueSatisfying(l -> assertThat(l).hasToString("NONE"));
        assertThat(DorChecker.bump("1.4.2", "1.3.9")).hasValueSatisfying(l -> assertThat(l).hasToString("NONE"));
        assertThat(DorChecker.bump("one", "1.0.0")).isEmpty();
    }
}
