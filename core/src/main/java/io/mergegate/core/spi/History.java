package io.mergegate.core.spi;

import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.SourceTree;
import java.util.List;

/** The git history a checker may need, without exposing git itself. */
public interface History {

    /**
     * Every committed version of a file on the target branch up to the merge base, oldest first,
     * without consecutive duplicates.
     */
    List<FileVersion> versionsOf(String path);

    /** The commits of the change (merge base exclusive, head inclusive), oldest first. */
    List<Commit> commits();

    /** One committed version of a file. */
    record FileVersion(String commitId, String path, byte[] bytes) {
    }

    /**
     * One commit of the change with its own diff against its first parent.
     *
     * @param id           full commit id
     * @param parent       its tree before the commit (the first parent's)
     * @param tree         its tree
     * @param changes      what it changed against the first parent; for a merge commit only the paths that
     *                     differ from every parent (a path taken as is from one side is not new)
     * @param otherParents for a merge commit the trees of its other parents (a line of {@code tree} in any
     *                     parent was not written by the merge), else empty
     */
    record Commit(String id, SourceTree parent, SourceTree tree, ChangeSet changes, List<SourceTree> otherParents) {

        public Commit {
            otherParents = otherParents == null ? List.of() : List.copyOf(otherParents);
        }

        /** An ordinary (single-parent or root) commit. */
        public Commit(String id, SourceTree parent, SourceTree tree, ChangeSet changes) {
            this(id, parent, tree, changes, List.of());
        }

        public boolean isMerge() {
            return !otherParents.isEmpty();
        }
    }

    static History none() {
        return new History() {
            @Override
            public List<FileVersion> versionsOf(String path) {
                return List.of();
            }

            @Override
            public List<Commit> commits() {
                return List.of();
            }
        };
    }
}
