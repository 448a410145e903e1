package io.mergegate.core.source;

import io.mergegate.core.Fingerprints;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One file of a {@link SourceTree}: its path and bytes, loaded lazily by the tree implementation.
 * Checkers never open files themselves; this is the only way they read content.
 */
public interface SourceFile {

    /** Bytes inspected for a NUL to decide whether a file is binary (as git does). */
    int BINARY_PROBE = 8000;

    /** Repository-relative path with forward slashes. */
    String path();

    /** The content. For a symbolic link, the link target as bytes. */
    byte[] bytes();

    /** Size in bytes, known without loading the content where the tree can tell. */
    default long size() {
        return bytes().length;
    }

    /** True for a symbolic link; its {@link #bytes()} are the target, not a file's content. */
    default boolean isSymlink() {
        return false;
    }

    /** An id equal for equal content: the git blob id, computed when the tree does not know it. */
    default String contentId() {
        return Fingerprints.gitBlobId(bytes());
    }

    /** Hex sha256 of the bytes. */
    default String sha256() {
        return Fingerprints.sha256Hex(bytes());
    }

    /** A NUL byte in the first 8,000 bytes means binary. */
    default boolean isBinary() {
        byte[] b = bytes();
        int n = Math.min(b.length, BINARY_PROBE);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The content decoded as strict UTF-8 (a leading BOM removed), or empty when it is not valid UTF-8. */
    default Optional<String> utf8() {
        return decodeUtf8(bytes());
    }

    /** The content as UTF-8 with malformed bytes replaced by U+FFFD; never fails. */
    default String textLenient() {
        String s = new String(bytes(), StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    static Optional<String> decodeUtf8(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(s.startsWith("\uFEFF") ? s.substring(1) : s);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Byte offset of the first byte that is not valid UTF-8, or -1. Used to name the spot in messages. */
    static int firstInvalidUtf8Offset(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n;
            if (c < 0x80) {
                n = 0;
            } else if ((c >> 5) == 0x6) {
                n = 1;
            } else if ((c >> 4) == 0xe) {
                n = 2;
            } else if ((c >> 3) == 0x1e) {
                n = 3;
            } else {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }
}
