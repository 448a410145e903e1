package io.mergegate.checkers.secrets;

import java.util.function.Consumer;

/**
 * The history of a repository as the secret scanner needs it: every unique blob once, attributed to
 * the commit that introduced it (oldest first). The engine implements it from git; the scanner never
 * touches git itself.
 */
public interface BlobSource {

    /** Calls the consumer once per unique blob; may be called from one thread only. */
    void forEachBlob(Consumer<Blob> consumer) throws Exception;

    /**
     * One blob.
     *
     * @param commitId the commit that introduced this content at this path
     * @param path     its path in that commit
     * @param size     its size in bytes, known without loading it
     * @param content  loads the bytes (called at most once, and not at all for oversized blobs)
     */
    record Blob(String commitId, String path, long size, java.util.function.Supplier<byte[]> content) {
    }
}
