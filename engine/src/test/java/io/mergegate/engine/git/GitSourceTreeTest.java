package io.mergegate.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import io.mergegate.engine.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tree listed ahead on another thread answers exactly as a tree listed up front. */
class GitSourceTreeTest {

    @TempDir
    Path tmp;

    private static final List<String> FILES = List.of(".github/CODEOWNERS", "a-b", "a/b/c.txt", "a/b.d/e", "a.b",
            "docs/é/über.md", "z");

    private RevCommit commit(Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            for (String f : FILES) {
                Path p = dir.resolve(f);
                Files.createDirectories(p.getParent());
                Files.writeString(p, "content of " + f + "\n", StandardCharsets.UTF_8);
            }
            Files.createSymbolicLink(dir.resolve("link"), Path.of("a-b"));
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Test", "test@example.invalid");
            return git.commit().setMessage("files").setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }

    @Test
    void listedAheadAgreesWithListedUpFrontOnPathsAndLookups() throws Exception {
        Path dir = tmp.resolve("repo");
        RevCommit c = commit(dir);
        try (GitRepository repo = GitRepository.open(dir)) {
            SourceTree upFront = repo.tree(c);
            GitSourceTree ahead = (GitSourceTree) repo.treeListedAhead(c);
            List<String> probes = new ArrayList<>(FILES);
            probes.addAll(List.of("link", "a", "a/", "a/b", "docs/é", "", "/z", "a//b/c.txt", "missing", "a/b/c.txt/x"));
            for (String p : probes) {
                // the walk-down lookup serves until the listing is done; it must answer as the listing does
                Optional<SourceFile> walked = ahead.lookUp(p);
                Optional<SourceFile> listed = upFront.file(p);
                assertThat(walked.isPresent()).as(p).isEqualTo(listed.isPresent());
                if (listed.isPresent()) {
                    assertThat(walked.get().contentId()).as(p).isEqualTo(listed.get().contentId());
                    assertThat(walked.get().isSymlink()).as(p).isEqualTo(listed.get().isSymlink());
                    assertThat(walked.get().bytes()).as(p).isEqualTo(listed.get().bytes());
                }
            }
            List<String> expected = new ArrayList<>(FILES);
            expected.add("link");
            assertThat(ahead.paths()).containsExactlyElementsOf(expected.stream().sorted().toList());
            assertThat(ahead.paths()).isEqualTo(upFront.paths());
            assertThat(ahead.file("a/b/c.txt").orElseThrow().textLenient()).isEqualTo("content of a/b/c.txt\n");
            assertThat(ahead.file("a/b")).isEmpty();
        }
    }

    @Test
    void aListingThatCannotBeReadFailsWhenThePathsAreAskedFor() throws Exception {
        Path dir = tmp.resolve("repo");
        RevCommit c = commit(dir);
        try (GitRepository repo = GitRepository.open(dir)) {
            // drop every object but the commit's root tree, as a broken or partial clone would lack them
            String root = c.getTree().name();
            try (var objects = Files.walk(dir.resolve(".git/objects"))) {
                for (Path p : objects.filter(Files::isRegularFile).toList()) {
                    String id = p.getParent().getFileName().toString() + p.getFileName();
                    if (!id.equals(root)) {
                        Files.delete(p);
                    }
                }
            }
            SourceTree ahead = repo.treeListedAhead(c);
            assertThatThrownBy(ahead::paths).isInstanceOf(UsageException.class)
                    .hasMessageContaining("incomplete in this clone");
        }
    }
}
