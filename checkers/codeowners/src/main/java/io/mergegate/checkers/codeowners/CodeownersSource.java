package io.mergegate.checkers.codeowners;

import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CODEOWNERS file a platform uses in one snapshot: the first location present wins; the others
 * are ignored; a file of 3 MB or more, or a binary file, is ignored entirely.
 *
 * @param path     the location used, or null when there is none
 * @param ignored  other locations present, which the platform ignores
 * @param status   what was found
 * @param file     the parsed file when {@code status} is {@link Status#OK}
 * @param size     size in bytes of the file at {@code path}
 * @param platform whose locations and semantics apply
 */
public record CodeownersSource(String path, List<String> ignored, Status status, CodeownersFile file, long size,
        Platform platform) {

    /** The outcome of looking for the file. */
    public enum Status {
        OK, MISSING, TOO_LARGE, BINARY
    }

    public CodeownersSource {
        ignored = List.copyOf(ignored);
    }

    /** Finds and parses the file in a snapshot. Never throws on file content. */
    public static CodeownersSource load(SourceTree tree, Platform platform) {
        List<String> present = new ArrayList<>();
        for (String location : platform.locations()) {
            Optional<SourceFile> f = tree.file(location);
            if (f.isPresent() && !f.get().isSymlink()) {
                present.add(location);
            }
        }
        if (present.isEmpty()) {
            return new CodeownersSource(null, List.of(), Status.MISSING, null, 0, platform);
        }
        String path = present.get(0);
        List<String> ignored = present.subList(1, present.size());
        SourceFile f = tree.file(path).orElseThrow();
        long size = f.size();
        if (size >= Platform.MAX_BYTES) {
            return new CodeownersSource(path, ignored, Status.TOO_LARGE, null, size, platform);
        }
        if (f.isBinary()) {
            return new CodeownersSource(path, ignored, Status.BINARY, null, size, platform);
        }
        CodeownersFile parsed = CodeownersParser.parse(path, f.textLenient(), platform);
        return new CodeownersSource(path, ignored, Status.OK, parsed, size, platform);
    }

    public Optional<CodeownersFile> optionalFile() {
        return Optional.ofNullable(file);
    }

    /** Why no rules apply, for messages; empty when the file is usable. */
    public String reason() {
        return switch (status) {
            case OK -> "";
            case MISSING -> "there is no CODEOWNERS file (" + String.join(", ", platform.locations()) + ")";
            case TOO_LARGE -> "`" + path + "` is " + size + " bytes; " + platform.displayName()
                    + " ignores a CODEOWNERS file of 3 MB or more";
            case BINARY -> "`" + path + "` is not a text file";
        };
    }
}
