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
     * @param id      full commit id
     * @param parent  its tree before the commit
     * @param tree    its tree
     * @param changes what it changed
     */
    record Commit(String id, SourceTree parent, SourceTree tree, ChangeSet changes) {
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
