package io.mergegate.core.source;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A snapshot of a repository's files: a commit, the index, a working tree, or a fixture folder.
 * Paths are repository-relative with forward slashes and sorted.
 */
public interface SourceTree {

    /** A human-readable name of the snapshot: a short commit id, {@code index}, {@code working tree}. */
    String label();

    /** The full commit id when the snapshot is a commit, else empty. */
    default Optional<String> commitId() {
        return Optional.empty();
    }

    /** Every file path in the snapshot, sorted. */
    List<String> paths();

    Optional<SourceFile> file(String path);

    default boolean contains(String path) {
        return file(path).isPresent();
    }

    /** The files whose paths satisfy the filter, in path order. */
    default Stream<SourceFile> files(Predicate<String> pathFilter) {
        return paths().stream().filter(pathFilter).map(this::file).flatMap(Optional::stream);
    }

    /** A tree with no files (e.g. the base side of a file added in the change). */
    static SourceTree empty(String label) {
        return new MemorySourceTree(label, java.util.Map.of());
    }
}
