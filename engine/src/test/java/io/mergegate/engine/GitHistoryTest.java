package io.mergegate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.spi.History;
import io.mergegate.engine.git.GitRepository;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commits of a change as checkers see them, from a real repository. */
class GitHistoryTest {

    @TempDir
    Path tmp;

    /**
     * The feature branch merges main after main gained a file and an edit: the merge commit names main as its
     * other parent, and its changes hold only paths that differ from every parent (not main's new file).
     */
    @Test
    void aMergeOfTheBaseBranchCarriesItsOtherParentAndOnlyPathsNewToEveryParent() throws Exception {
        try (TestGit g = new TestGit(tmp)) {
            g.write("app.yml", "name: app\n").write("shared.yml", "a: 1\n").commit("fork");
            g.branch("feature/CORE-1-x").write("app.yml", "name: app\nfeature: on\n").commit("feature");
            g.git.checkout().setName("main").call();
            g.write("main-only.yml", "from main\n").write("app.yml", "from main\nname: app\n").commit("main moves on");
            g.git.checkout().setName("feature/CORE-1-x").call();
            MergeResult merge = g.git.merge().include(g.git.getRepository().resolve("main")).setMessage("merge main")
                    .call();
            assertThat(merge.getMergeStatus().isSuccessful()).as(merge.toString()).isTrue();
            try (GitRepository git = GitRepository.open(tmp)) {
                RevCommit head = git.commit("HEAD");
                RevCommit mergeBase = git.mergeBase(git.commit("main"), head, "main", "HEAD");
                assertThat(mergeBase.getParentCount()).isOne(); // main's tip: the fork is behind it
                List<History.Commit> commits = git.history(mergeBase, head).commits();
                assertThat(commits).extracting(History.Commit::isMerge).containsExactly(false, true);
                History.Commit m = commits.get(1);
                assertThat(m.changes().all()).extracting(ChangedPath::path).containsExactly("app.yml");
                assertThat(m.otherParents()).singleElement().satisfies(main -> assertThat(
                        main.file("main-only.yml").map(SourceFile::textLenient)).contains("from main\n"));
            }
        }
    }
}
