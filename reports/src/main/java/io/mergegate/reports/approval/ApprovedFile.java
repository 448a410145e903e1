package io.mergegate.reports.approval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One approved artifact at head (OpenAPI spec, Avro schema, migration) as committed.
 *
 * @param path    repository-relative path, {@code /}-separated; becomes the subject name
 * @param kind    e.g. {@code openapi}, {@code avro}, {@code migration}; may be null
 * @param content the committed blob bytes
 * @param gitBlob the git blob id (SHA-1 hex); computed from {@code content} when null
 */
public record ApprovedFile(String path, String kind, byte[] content, String gitBlob) {

    public ApprovedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        content = content.clone();
        if (gitBlob == null) {
            gitBlob = gitBlobId(content);
        }
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Hex sha256 of the content. */
    public String sha256() {
        return Digests.sha256Hex(content);
    }

    /** The id git gives these bytes as a blob: sha1 of {@code "blob <len>\0" + bytes}. */
    public static String gitBlobId(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApprovedFile other && path.equals(other.path) && Objects.equals(kind, other.kind)
                && java.util.Arrays.equals(content, other.content) && gitBlob.equals(other.gitBlob);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, kind, gitBlob);
    }

    @Override
    public String toString() {
        return "ApprovedFile[" + path + ", " + kind + ", " + content.length + " bytes, blob " + gitBlob + "]";
    }
}
