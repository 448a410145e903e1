package io.mergegate.checkers.codeowners;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.source.MemorySourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnershipTest {

    private static OwnershipIndex index(String text, Platform p) {
        return new OwnershipIndex(CodeownersParser.parse("CODEOWNERS", text, p));
    }

    @Test
    void githubLastMatchWinsAndOwnersNeverAccumulate() {
        OwnershipIndex i = index("* @all\n/src/ @core\n/src/gen/\n", Platform.GITHUB);
        assertThat(i.resolve("README.md").owners()).containsExactly("@all");
        assertThat(i.resolve("src/a.c").owners()).containsExactly("@core");
        assertThat(i.resolve("src/gen/x.c").isOwned()).isFalse();
        assertThat(i.resolve("src/gen/x.c").decidingRule().line()).isEqualTo(3);
    }

    @Test
    void githubInlineCommentsAndSkippedErrorLines() {
        CodeownersFile f = CodeownersParser.parse("CODEOWNERS",
                "* @all # everyone\n/src/[ab]/ @x\n!/src/ @y\n/lib/ notanowner\n", Platform.GITHUB);
        OwnershipIndex i = new OwnershipIndex(f);
        assertThat(i.resolve("src/a/x.c").owners()).containsExactly("@all");
        assertThat(i.resolve("lib/x.c").owners()).containsExactly("@all");
        assertThat(f.problems()).extracting(CodeownersFile.Problem::line).containsExactly(2, 3, 4);
        assertThat(f.problems()).extracting(CodeownersFile.Problem::ruleId).containsExactly(
                "codeowners/invalid-pattern", "codeowners/platform-syntax-mismatch", "codeowners/invalid-owner");
    }

    @Test
    void gitlabSectionsApplyTogetherAndMergeByName() {
        String text = "* @all\n[Docs][2] @docs-team\n/docs/\n[Backend]\n*.rb @ruby\n[docs]\n/guides/ @guides\n"
                + "^[Optional]\n*.md @md\n";
        CodeownersFile f = CodeownersParser.parse("CODEOWNERS", text, Platform.GITLAB);
        assertThat(f.sections()).extracting(CodeownersFile.Section::name)
                .containsExactly("codeowners", "Docs", "Backend", "Optional");
        OwnershipIndex i = new OwnershipIndex(f);
        assertThat(i.resolve("docs/a.md").owners()).containsExactly("@all", "@docs-team", "@md");
        assertThat(i.resolve("guides/x.md").owners()).containsExactly("@all", "@guides", "@md");
        assertThat(i.resolve("app/x.rb").owners()).containsExactly("@all", "@ruby");
        assertThat(f.sections().get(1).approvals()).isEqualTo(2);
        assertThat(f.sections().get(3).optional()).isTrue();
    }

    @Test
    void gitlabExplicitDefaultSectionMergesWithTheImplicitOne() {
        CodeownersFile f = CodeownersParser.parse("CODEOWNERS", "* @all\n[CodeOwners]\n/src/ @core\n", Platform.GITLAB);
        assertThat(f.sections()).hasSize(1);
        assertThat(new OwnershipIndex(f).resolve("src/a.c").owners()).containsExactly("@core");
    }

    @Test
    void gitlabExclusionsRemoveFilesFromTheirSection() {
        OwnershipIndex i = index("* @all\n!pom.xml\n[Ruby]\n*.rb @ruby\n!/config/*\n", Platform.GITLAB);
        assertThat(i.resolve("pom.xml").owners()).isEmpty();
        assertThat(i.resolve("config/x.rb").owners()).containsExactly("@all");
        assertThat(i.resolve("app/x.rb").owners()).containsExactly("@all", "@ruby");
    }

    @Test
    void gitlabRolesNestedGroupsAndErrorKinds() {
        CodeownersFile f = CodeownersParser.parse("CODEOWNERS",
                "/config/ @@maintainer @a/b/c\n[]\n[X][zero]\n[Y\n/x/ nobody\n/y/\n/z/ @a # note\n", Platform.GITLAB);
        assertThat(f.problems()).extracting(CodeownersFile.Problem::kind).containsExactly("missing_section_name",
                "invalid_approval_requirement", "invalid_section_format", "invalid_entry_owner_format",
                "missing_entry_owner", "inline_comment");
        assertThat(new OwnershipIndex(f).resolve("config/app.yml").owners()).containsExactly("@@maintainer", "@a/b/c");
    }

    @Test
    void gitlabSyntaxInAGitHubFileIsAMismatch() {
        CodeownersFile f = CodeownersParser.parse("CODEOWNERS", "[Docs] @docs\n/x/ @@developer\n!/y/\n",
                Platform.GITHUB);
        assertThat(f.problems()).extracting(CodeownersFile.Problem::ruleId).containsOnly(
                "codeowners/platform-syntax-mismatch");
        assertThat(f.rules()).isEmpty();
    }

    @Test
    void manyWildcardsDoNotBacktrackExponentially() {
        String pattern = "/" + "*a".repeat(25) + "b @x\n";
        for (Platform p : Platform.values()) {
            OwnershipIndex i = index(pattern, p);
            assertThat(i.resolve("a".repeat(80)).isOwned()).isFalse();
            assertThat(i.resolve("a".repeat(30) + "b").isOwned()).isTrue();
        }
        String longOwners = "* x@" + "a.".repeat(20_000) + "!\n* @" + "a".repeat(200) + "! a@b.io\n";
        CodeownersFile owners = CodeownersParser.parse("CODEOWNERS", longOwners, Platform.GITHUB);
        assertThat(owners.problems()).extracting(CodeownersFile.Problem::kind).containsExactly("invalid_owner", "invalid_owner");
        assertThat(index("**/**/**/**/x @x\n", Platform.GITHUB).resolve("a/".repeat(3000) + "y").isOwned()).isFalse();
    }

    @Test
    void crlfLinesParseLikeLf() {
        OwnershipIndex i = index("* @all\r\n/src/ @core\r\n", Platform.GITHUB);
        assertThat(i.resolve("src/a.c").owners()).containsExactly("@core");
    }

    @Test
    void badInputNeverThrows() {
        StringBuilder longLine = new StringBuilder("/");
        longLine.append("a".repeat(10_000)).append(" @x");
        CodeownersFile f = CodeownersParser.parse("CODEOWNERS", longLine + "\n\uFFFD @x\n", Platform.GITHUB);
        assertThat(f.rules()).hasSize(1);
        assertThat(f.problems()).extracting(CodeownersFile.Problem::kind).containsExactly("invalid_encoding");
        MemorySourceTree binary = new MemorySourceTree("t", Map.of(".github/CODEOWNERS", new byte[] {0, 1, 2}));
        assertThat(CodeownersSource.load(binary, Platform.GITHUB).status()).isEqualTo(CodeownersSource.Status.BINARY);
    }

    @Test
    void auditAndWho() {
        MemorySourceTree tree = MemorySourceTree.ofText("head", Map.of(
                ".github/CODEOWNERS", "* @all\n/src/ @core # core team\n/src/gen/\n",
                "README.md", "", "src/a.c", "", "src/gen/x.c", ""));
        CodeownersAudit audit = new CodeownersAudit(tree, Platform.GITHUB);
        List<String> rows = new ArrayList<>();
        CodeownersAudit.Summary s = audit.audit(false, rows::add);
        assertThat(rows).containsExactly(".github/CODEOWNERS\t@all", "README.md\t@all", "src/a.c\t@core",
                "src/gen/x.c\tUNOWNED");
        assertThat(s.unowned()).isEqualTo(1);
        List<String> unowned = new ArrayList<>();
        audit.audit(true, unowned::add);
        assertThat(unowned).containsExactly("src/gen/x.c\tUNOWNED");
        assertThat(audit.who(List.of("src/a.c", "src/gen/x.c"))).containsExactly(
                "src/a.c: owned by @core (from .github/CODEOWNERS line 2: `/src/`)",
                "src/gen/x.c: unowned (from .github/CODEOWNERS line 3: `/src/gen/` has no owners)");
    }

    @Test
    void gitlabAuditHasOneRowPerSection() {
        MemorySourceTree tree = MemorySourceTree.ofText("head", Map.of(
                "CODEOWNERS", "* @all\n[Docs][2]\n/docs/ @docs\n", "docs/a.md", ""));
        List<String> rows = new ArrayList<>();
        new CodeownersAudit(tree, Platform.GITLAB).audit(false, rows::add);
        assertThat(rows).contains("docs/a.md\t[codeowners]\tapprovals=1\t@all", "docs/a.md\t[Docs]\tapprovals=2\t@docs");
    }

    @Test
    void repeatedPatternsAreDecidedByTheirLastLine() {
        OwnershipIndex i = index("/src/ @a\n*.c @c\n/src/ @b\n/src/ @d\n", Platform.GITHUB);
        assertThat(i.resolve("src/x.c").owners()).containsExactly("@d");
        assertThat(i.resolve("src/x.c").decidingRule().line()).isEqualTo(4);
        assertThat(i.allMatches("src/x.c")).extracting(CodeownersRule::line).containsExactly(4, 3, 2, 1);
        OwnershipIndex gitlab = index("[A]\n/src/ @a\n[B]\n/src/ @b\n[A]\n/src/ @a2\n", Platform.GITLAB);
        assertThat(gitlab.resolve("src/x.c").owners()).as("the same pattern in another section still applies")
                .containsExactly("@a2", "@b");
    }

    @Test
    void aLargeAuditInChunksListsEveryFileInOrderAsOneByOneResolution() {
        Map<String, byte[]> files = new java.util.HashMap<>();
        files.put(".github/CODEOWNERS", "* @all\n/svc/ @svc\n*.md @docs\n/svc/*/gen/\n".getBytes());
        for (int n = 0; n < 45_000; n++) {
            files.put("svc/m" + (n % 97) + (n % 5 == 0 ? "/gen/" : "/src/") + "f" + n + (n % 7 == 0 ? ".md" : ".java"),
                    new byte[0]);
        }
        MemorySourceTree tree = new MemorySourceTree("t", files);
        CodeownersAudit audit = new CodeownersAudit(tree, Platform.GITHUB);
        List<String> rows = new ArrayList<>();
        CodeownersAudit.Summary s = audit.audit(false, rows::add);
        List<String> expected = new ArrayList<>();
        int owned = 0;
        for (String path : tree.paths()) {
            OwnershipIndex.Ownership o = audit.ownership(path);
            owned += o.isOwned() ? 1 : 0;
            expected.add(path + "\t" + (o.isOwned() ? String.join(" ", o.owners()) : "UNOWNED"));
        }
        assertThat(rows).isEqualTo(expected);
        assertThat(s.files()).isEqualTo(45_001);
        assertThat(s.owned()).isEqualTo(owned);
        assertThat(s.unowned()).as("every file below a gen/ folder, .md or not: the later line wins").isEqualTo(9_000);
        List<String> unowned = new ArrayList<>();
        audit.audit(true, unowned::add);
        assertThat(unowned).isEqualTo(expected.stream().filter(r -> r.endsWith("\tUNOWNED")).toList());
    }
}
