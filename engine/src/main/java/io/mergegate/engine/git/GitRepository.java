package io.mergegate.engine.git;

import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.ChangeStatus;
import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.History;
import io.mergegate.engine.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The repository under review, read with JGit without touching the user's working tree or index.
 * Every failure a user can cause (not a repository, unknown revision, shallow clone) becomes a
 * {@link UsageException} with one readable line.
 */
public final class GitRepository implements AutoCloseable {

    private static final String SHALLOW_HINT = "the clone is shallow and lacks the history needed; fetch more "
            + "(git fetch --unshallow, or fetch-depth: 0 in actions/checkout, GIT_DEPTH: \"0\" on GitLab)";

    static {
        SpawnFreeSystemReader.install();
    }

    private final Repository repo;
    private final Path workTree;
    /** The index, read once: staged runs list it and diff it against HEAD. */
    private DirCache index;

    private GitRepository(Repository repo) {
        this.repo = repo;
        this.workTree = repo.isBare() ? null : repo.getWorkTree().toPath();
    }

    /** Opens the repository containing {@code dir}, or empty when there is none. */
    public static Optional<GitRepository> find(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("repository folder not found: " + dir);
        }
        // normalized: from "repo/.." the search must start at the parent, not inside repo
        FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment()
                .findGitDir(dir.toAbsolutePath().normalize().toFile());
        if (b.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GitRepository(b.setMustExist(true).build()));
        } catch (RepositoryNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UsageException("cannot open the git repository at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens the repository containing {@code dir}; a folder that is not in a git repository is a usage error. */
    public static GitRepository open(Path dir) {
        return find(dir).orElseThrow(() -> new UsageException("not a git repository: " + dir
                + " (use --working-tree to check a plain folder)"));
    }

    public Path workTree() {
        return workTree;
    }

    public Repository jgit() {
        return repo;
    }

    public boolean isShallow() {
        try {
            return !repo.getObjectDatabase().getShallowCommits().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Resolves a revision to a commit; an unknown revision is a usage error. */
    public RevCommit commit(String rev) {
        try {
            ObjectId id = repo.resolve(rev + "^{commit}");
            if (id == null) {
                throw new UsageException("unknown revision '" + rev + "'" + (isShallow() ? "; " + SHALLOW_HINT : ""));
            }
            try (RevWalk walk = new RevWalk(repo)) {
                return walk.parseCommit(id);
            }
        } catch (MissingObjectException e) {
            throw new UsageException("revision '" + rev + "' is not in this clone; " + SHALLOW_HINT, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UsageException u) {
                throw u;
            }
            throw new UsageException("cannot resolve revision '" + rev + "': " + e.getMessage(), e);
        }
    }

    /** True when the revision resolves. */
    public boolean exists(String rev) {
        try {
            return repo.resolve(rev + "^{commit}") != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The merge base of two commits; a shallow clone without it gets a message telling what to fetch. */
    public RevCommit mergeBase(RevCommit a, RevCommit b, String aName, String bName) {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            RevCommit base = walk.next();
            if (base == null) {
                throw new UsageException(isShallow()
                        ? "no merge base of " + aName + " and " + bName + " in this clone: " + SHALLOW_HINT
                        : aName + " and " + bName + " have no common history; pass --base with a revision on the target branch");
            }
            return walk.parseCommit(base);
        } catch (MissingObjectException e) {
            throw new UsageException("history between " + aName + " and " + bName + " is incomplete: " + SHALLOW_HINT, e);
        } catch (IOException e) {
            throw new UsageException("cannot compute the merge base of " + aName + " and " + bName + ": "
                    + e.getMessage(), e);
        }
    }

    public SourceTree tree(RevCommit commit) {
        try {
            return GitSourceTree.ofTree(repo, commit.getTree(), commit.abbreviate(8).name(), commit.name());
        } catch (MissingObjectException e) {
            throw incomplete(commit, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The commit's tree, listed on another thread while the caller reads single files from it; for
     * commands that need one or two files before they walk every path (the CODEOWNERS audit).
     */
    public SourceTree treeListedAhead(RevCommit commit) {
        return GitSourceTree.listedAhead(repo, commit.getTree(), commit.abbreviate(8).name(), commit.name(),
                e -> incomplete(commit, e));
    }

    private static UsageException incomplete(RevCommit commit, MissingObjectException e) {
        return new UsageException("commit " + commit.abbreviate(8).name() + " is incomplete in this clone: "
                + SHALLOW_HINT, e);
    }

    /** HEAD's tree, or an empty tree in a repository without commits. */
    public SourceTree headTree() {
        return headCommit().map(this::tree).orElseGet(() -> GitSourceTree.empty(repo, "HEAD"));
    }

    public Optional<RevCommit> headCommit() {
        return exists(Constants.HEAD) ? Optional.of(commit(Constants.HEAD)) : Optional.empty();
    }

    /** The staged content (the index). */
    public SourceTree index() {
        try {
            return GitSourceTree.ofIndex(repo, dirCache());
        } catch (IOException e) {
            throw new UsageException("cannot read the git index: " + e.getMessage(), e);
        }
    }

    private synchronized DirCache dirCache() throws IOException {
        if (index == null) {
            index = repo.readDirCache();
        }
        return index;
    }

    /** The working tree without ignored files. */
    public SourceTree workingTree() {
        if (workTree == null) {
            throw new UsageException("a bare repository has no working tree");
        }
        List<String> paths = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            // tracked paths are never ignored: the .gitignore rules are evaluated for untracked ones only
            int index = walk.addTree(new DirCacheIterator(dirCache()));
            FileTreeIterator files = new FileTreeIterator(repo);
            files.setWalkIgnoredDirectories(true); // a tracked file may sit in an ignored folder
            int disk = walk.addTree(files);
            walk.setRecursive(false);
            while (walk.next()) {
                WorkingTreeIterator it = walk.getTree(disk, WorkingTreeIterator.class);
                if (it == null || walk.getTree(index, DirCacheIterator.class) == null && it.isEntryIgnored()) {
                    continue;
                }
                if (walk.isSubtree()) {
                    walk.enterSubtree();
                } else {
                    paths.add(walk.getPathString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DirectorySourceTree(workTree, "working tree", paths);
    }

    /** Paths changed between two commits (renames detected). */
    public ChangeSet diff(RevCommit base, RevCommit head) {
        try (var reader = repo.newObjectReader()) {
            CanonicalTreeParser a = new CanonicalTreeParser(null, reader, base.getTree());
            CanonicalTreeParser b = new CanonicalTreeParser(null, reader, head.getTree());
            return diff(a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths changed between a commit (or nothing) and the index. */
    public ChangeSet diffIndex(Optional<RevCommit> base) {
        try (var reader = repo.newObjectReader()) {
            AbstractTreeIterator a = base.isPresent()
                    ? new CanonicalTreeParser(null, reader, base.get().getTree()) : new EmptyTreeIterator();
            return diff(a, new DirCacheIterator(dirCache()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ChangeSet diff(AbstractTreeIterator a, AbstractTreeIterator b) throws IOException {
        try (DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            df.setRepository(repo);
            df.setDetectRenames(true);
            List<ChangedPath> out = new ArrayList<>();
            for (DiffEntry e : df.scan(a, b)) {
                switch (e.getChangeType()) {
                    case ADD, COPY -> out.add(ChangedPath.added(e.getNewPath()));
                    case DELETE -> out.add(ChangedPath.deleted(e.getOldPath()));
                    case MODIFY -> out.add(ChangedPath.modified(e.getNewPath()));
                    case RENAME -> out.add(new ChangedPath(ChangeStatus.RENAMED, e.getNewPath(), e.getOldPath()));
                    default -> { }
                }
            }
            return new ChangeSet(out);
        }
    }

    /** History of the target branch up to {@code mergeBase}, and the commits of the change up to {@code head}. */
    public History history(RevCommit mergeBase, RevCommit head) {
        return new GitHistory(this, mergeBase, head);
    }

    /** The checked-out branch, or empty when HEAD is detached. */
    public Optional<String> currentBranch() {
        try {
            String full = repo.getFullBranch();
            return full != null && full.startsWith(Constants.R_HEADS)
                    ? Optional.of(full.substring(Constants.R_HEADS.length())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What HEAD is when no branch is checked out, for messages. */
    public String describeDetachedHead() {
        try {
            ObjectId id = repo.resolve(Constants.HEAD);
            if (id == null) {
                return "no commits yet";
            }
            for (Ref tag : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                Ref peeled = repo.getRefDatabase().peel(tag);
                ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
                if (id.equals(target)) {
                    return "HEAD is at tag " + tag.getName().substring(Constants.R_TAGS.length())
                            + ", not on a branch";
                }
            }
            return "detached HEAD at " + id.abbreviate(8).name();
        } catch (IOException e) {
            return "detached HEAD";
        }
    }

    /** The remote-tracking branch the current branch follows, e.g. {@code origin/main}. */
    public Optional<String> upstream() {
        return currentBranch().map(b -> new BranchConfig(repo.getConfig(), b).getTrackingBranch())
                .filter(t -> t != null && exists(t));
    }

    /** A branch name as a revision: the remote-tracking branch on origin when present, else the local one. */
    public Optional<String> branchRevision(String name) {
        for (String candidate : Arrays.asList("refs/remotes/origin/" + name, Constants.R_HEADS + name, name)) {
            if (exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Environment-independent read of a file in the working tree, for the config and baseline. */
    public Optional<Path> workTreeFile(String relative) {
        if (workTree == null) {
            return Optional.empty();
        }
        Path p = workTree.resolve(relative);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    Map<String, ObjectId> treeIds(SourceTree t) {
        return ((GitSourceTree) t).ids();
    }

    @Override
    public void close() {
        repo.close();
    }
}
