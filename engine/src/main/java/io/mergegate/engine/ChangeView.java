package io.mergegate.engine;

import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.History;
import io.mergegate.core.spi.Mode;
import io.mergegate.engine.git.GitRepository;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The two sides of the change under review and how they were found.
 *
 * @param base     the merge base / HEAD / empty tree
 * @param head     the PR head / index / working tree
 * @param changes  paths that differ
 * @param history  git history, or none
 * @param root     repository root (or the plain folder)
 * @param git      the repository, or null without git
 */
public record ChangeView(SourceTree base, SourceTree head, ChangeSet changes, History history, Path root,
        GitRepository git) {

    /** Builds the view for a request; every user error is a {@link UsageException}. */
    static ChangeView resolve(GateRequest req, Optional<GitRepository> repo) {
        if (req.mode() == Mode.WORKING_TREE || req.mode() == Mode.TREE) {
            if (repo.isEmpty()) {
                Path root = req.repo().toAbsolutePath().normalize();
                SourceTree head = new DirectorySourceTree(root, "working tree");
                SourceTree base = req.mode() == Mode.TREE ? head : SourceTree.empty("empty");
                return new ChangeView(base, head, ChangeSet.between(base, head), History.none(), root, null);
            }
            GitRepository git = repo.get();
            SourceTree head = git.workingTree();
            SourceTree base = req.mode() == Mode.TREE ? head : git.headTree();
            return new ChangeView(base, head, ChangeSet.between(base, head), History.none(), git.workTree(), git);
        }
        GitRepository git = repo.orElseThrow(() -> new UsageException("not a git repository: " + req.repo()
                + " (use --working-tree to check a plain folder)"));
        if (req.mode() == Mode.STAGED) {
            Optional<RevCommit> headCommit = git.headCommit();
            SourceTree base = git.headTree();
            return new ChangeView(base, git.index(), git.diffIndex(headCommit), History.none(), git.workTree(), git);
        }
        String headRev = req.head() == null ? "HEAD" : req.head();
        RevCommit head = git.commit(headRev);
        String baseRev = req.base() != null ? req.base() : detectBase(git, req.environment());
        RevCommit baseTip = git.commit(baseRev);
        RevCommit mergeBase = git.mergeBase(baseTip, head, baseRev, headRev);
        return new ChangeView(git.tree(mergeBase), git.tree(head), git.diff(mergeBase, head),
                git.history(mergeBase, head), git.workTree(), git);
    }

    /** The base when {@code --base} is omitted: the CI's target branch, else the upstream of the current branch. */
    static String detectBase(GitRepository git, Map<String, String> env) {
        String sha = nonEmpty(env.get("CI_MERGE_REQUEST_DIFF_BASE_SHA"));
        if (sha != null) {
            return sha;
        }
        for (String var : new String[] {"GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
            "BUILDKITE_PULL_REQUEST_BASE_BRANCH"}) {
            String branch = nonEmpty(env.get(var));
            if (branch != null && !branch.equals("false")) {
                return git.branchRevision(branch).orElseThrow(() -> new UsageException(var + " is '" + branch
                        + "' but neither origin/" + branch + " nor " + branch
                        + " exists in this clone; fetch it (git fetch origin " + branch + ") or pass --base"));
            }
        }
        return git.upstream().orElseThrow(() -> new UsageException(
                "cannot tell what to compare against: pass --base REV (e.g. --base origin/main), or run in a CI "
                        + "pull-request job (GITHUB_BASE_REF, CI_MERGE_REQUEST_DIFF_BASE_SHA, "
                        + "BUILDKITE_PULL_REQUEST_BASE_BRANCH), or set an upstream for the current branch"));
    }

    static String nonEmpty(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
