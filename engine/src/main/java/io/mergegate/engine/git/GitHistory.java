package io.mergegate.engine.git;

import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.History;
import io.mergegate.engine.UsageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** {@link History} from JGit: loaded on first use, since most checkers never ask. */
final class GitHistory implements History {

    /** Versions older than this many commits touching a file are not loaded. */
    private static final int MAX_VERSIONS = 200;

    private final GitRepository git;
    private final RevCommit mergeBase;
    private final RevCommit head;
    private final Map<String, List<FileVersion>> versions = new ConcurrentHashMap<>();
    private volatile List<Commit> commits;

    GitHistory(GitRepository git, RevCommit mergeBase, RevCommit head) {
        this.git = git;
        this.mergeBase = mergeBase;
        this.head = head;
    }

    @Override
    public List<FileVersion> versionsOf(String path) {
        return versions.computeIfAbsent(path, this::loadVersions);
    }

    private List<FileVersion> loadVersions(String path) {
        if (mergeBase == null) {
            return List.of();
        }
        List<FileVersion> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(git.jgit()); ObjectReader reader = git.jgit().newObjectReader()) {
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
            walk.markStart(walk.parseCommit(mergeBase));
            ObjectId previous = null;
            for (RevCommit c : walk) {
                try (TreeWalk tw = TreeWalk.forPath(git.jgit(), path, c.getTree())) {
                    if (tw == null) {
                        continue;
                    }
                    ObjectId blob = tw.getObjectId(0);
                    if (!blob.equals(previous)) {
                        out.add(new FileVersion(c.name(), path,
                                reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE)));
                        previous = blob;
                    }
                }
                if (out.size() >= MAX_VERSIONS) {
                    break;
                }
            }
        } catch (MissingObjectException e) {
            // A shallow clone ends the history early; the versions we have are still valid.
        } catch (IOException e) {
            throw new UsageException("cannot read the history of " + path + ": " + e.getMessage(), e);
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }

    @Override
    public List<Commit> commits() {
        List<Commit> c = commits;
        if (c == null) {
            c = loadCommits();
            commits = c;
        }
        return c;
    }

    private List<Commit> loadCommits() {
        if (head == null) {
            return List.of();
        }
        List<Commit> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(git.jgit())) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(head));
            if (mergeBase != null) {
                walk.markUninteresting(walk.parseCommit(mergeBase));
            }
            for (RevCommit rc : walk) {
                RevCommit commit = walk.parseCommit(rc);
                SourceTree tree = git.tree(commit);
                if (commit.getParentCount() == 0) {
                    SourceTree empty = SourceTree.empty("empty");
                    out.add(new Commit(commit.name(), empty, tree, ChangeSet.between(empty, tree)));
                } else {
                    RevCommit parent = walk.parseCommit(commit.getParent(0));
                    ChangeSet changes = git.diff(parent, commit);
                    List<SourceTree> others = new ArrayList<>();
                    for (int i = 1; i < commit.getParentCount(); i++) {
                        // a merge of the target branch: what it takes as is from a parent is not new in it
                        RevCommit other = walk.parseCommit(commit.getParent(i));
                        others.add(git.tree(other));
                        Set<String> differ = new HashSet<>(git.diff(other, commit).changedAtHead());
                        changes = new ChangeSet(changes.all().stream()
                                .filter(c -> !c.existsAtHead() || differ.contains(c.path())).toList());
                    }
                    out.add(new Commit(commit.name(), git.tree(parent), tree, changes, others));
                }
            }
        } catch (MissingObjectException e) {
            throw new UsageException("the commits of the change are incomplete in this clone; fetch more history "
                    + "(git fetch --unshallow, or fetch-depth: 0)", e);
        } catch (IOException e) {
            throw new UsageException("cannot walk the commits of the change: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "history " + Arrays.asList(mergeBase, head);
    }
}
