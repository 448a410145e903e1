package io.mergegate.testkit;

import io.mergegate.core.source.MemorySourceTree;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rewrites fixture file contents before a checker sees them, e.g. to expand placeholders into values
 * that must not be stored in the repository (generated secrets).
 */
@FunctionalInterface
public interface ContentTransform {

    /** Leaves every file as it is. */
    ContentTransform NONE = (path, bytes) -> bytes;

    /** The new content of the file at {@code path}. */
    byte[] apply(String path, byte[] bytes);

    /** The tree with every file transformed (loaded into memory); the tree itself when this is {@link #NONE}. */
    default SourceTree tree(SourceTree tree) {
        if (this == NONE) {
            return tree;
        }
        TreeMap<String, byte[]> files = new TreeMap<>();
        for (String p : tree.paths()) {
            Optional<SourceFile> f = tree.file(p);
            f.ifPresent(file -> files.put(p, apply(p, file.bytes())));
        }
        return new MemorySourceTree(tree.label(), files);
    }
}
