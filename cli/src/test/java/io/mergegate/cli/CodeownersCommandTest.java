package io.mergegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mergegate codeowners audit|who} on a real git repository, as a user runs them. */
class CodeownersCommandTest {

    @TempDir
    Path tmp;

    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.invalid");

    private static void write(Path repo, Map<String, String> files) throws Exception {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = repo.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
    }

    /** A first commit owned by @old, then a second with new rules, an unowned folder and CODEOWNERS in .github/. */
    private Path repo() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo, Map.of("CODEOWNERS", "* @acme/old\n", "src/App.java", "class App {}\n", "README.md", "hi\n"));
            commit(git, "first");
            Files.delete(repo.resolve("CODEOWNERS"));
            write(repo, Map.of(".github/CODEOWNERS", "* @acme/all\n/src/ @acme/core @alice\n*.md @acme/docs\n/gen/\n",
                    "gen/out.txt", "x\n", "docs/guide.md", "# guide\n"));
            commit(git, "second");
        }
        return repo;
    }

    @Test
    void auditListsEveryFileWithItsEffectiveOwnersInPathOrder() throws Exception {
        Cli c = Cli.run("codeowners", "audit", "--repo", repo().toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out().lines().toList()).containsExactly(
                ".github/CODEOWNERS\t@acme/all",
                "README.md\t@acme/docs",
                "docs/guide.md\t@acme/docs",
                "gen/out.txt\tUNOWNED",
                "src/App.java\t@acme/core @alice");
        assertThat(c.err()).contains("5 files at", "4 owned, 1 unowned (80.0% owned) by .github/CODEOWNERS");
    }

    @Test
    void unownedOnlyAndAnOlderRevision() throws Exception {
        Path repo = repo();
        Cli unowned = Cli.run("codeowners", "audit", "--repo", repo.toString(), "--unowned");
        assertThat(unowned.out().lines().toList()).containsExactly("gen/out.txt\tUNOWNED");
        Cli old = Cli.run("codeowners", "audit", "--repo", repo.toString(), "--rev", "HEAD~1");
        assertThat(old.exit()).as(old.err()).isZero();
        assertThat(old.out().lines().toList()).containsExactly("CODEOWNERS\t@acme/old", "README.md\t@acme/old",
                "src/App.java\t@acme/old");
    }

    @Test
    void whoNamesTheDecidingLine() throws Exception {
        Cli c = Cli.run("codeowners", "who", "--repo", repo().toString(), "src/App.java", "./gen/out.txt", "nope.md");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out().lines().toList()).containsExactly(
                "src/App.java: owned by @acme/core @alice (from .github/CODEOWNERS line 2: `/src/`)",
                "gen/out.txt: unowned (from .github/CODEOWNERS line 4: `/gen/` has no owners)",
                "nope.md (not a file at " + headLabel(c) + "): owned by @acme/docs (from .github/CODEOWNERS line 3: `*.md`)");
    }

    private static String headLabel(Cli c) {
        String line = c.out().lines().filter(l -> l.startsWith("nope.md")).findFirst().orElseThrow();
        return line.substring(line.indexOf("at ") + 3, line.indexOf(')'));
    }

    @Test
    void gitlabSectionsFromTheConfigGiveOneRowPerSection() throws Exception {
        Path repo = tmp.resolve("gitlab");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo, Map.of(".mergegate.yml", "codeowners:\n  platform: gitlab\n",
                    "CODEOWNERS", "[Backend][2] @backend\n/app/\n[Docs]\n*.md @docs\n", "app/README.md", "hi\n"));
            commit(git, "gitlab");
        }
        Cli c = Cli.run("codeowners", "audit", "--repo", repo.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out().lines().filter(l -> l.startsWith("app/")).toList()).containsExactly(
                "app/README.md\t[Backend]\tapprovals=2\t@backend", "app/README.md\t[Docs]\tapprovals=1\t@docs");
    }

    @Test
    void aFolderOutsideGitIsReadFromDiskAndRevNeedsGit() throws Exception {
        Path plain = tmp.resolve("plain");
        write(plain, Map.of("CODEOWNERS", "*.txt @t\n", "a.txt", "x\n", "b.bin", "y\n"));
        Cli c = Cli.run("codeowners", "audit", "--repo", plain.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out().lines().toList()).containsExactly("CODEOWNERS\tUNOWNED", "a.txt\t@t", "b.bin\tUNOWNED");
        Cli rev = Cli.run("codeowners", "audit", "--repo", plain.toString(), "--rev", "HEAD");
        assertThat(rev.exit()).isEqualTo(2);
        assertThat(rev.err()).contains("--rev needs a git repository");
    }

    @Test
    void withoutACodeownersFileEveryFileIsUnownedAndTheReasonIsSaid() throws Exception {
        Path repo = tmp.resolve("bare-rules");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo, Map.of("a.txt", "x\n"));
            commit(git, "no owners");
        }
        Cli c = Cli.run("codeowners", "audit", "--repo", repo.toString());
        assertThat(c.exit()).isZero();
        assertThat(c.out().lines().toList()).isEqualTo(List.of("a.txt\tUNOWNED"));
        assertThat(c.err()).contains("every file is unowned");
    }
}
