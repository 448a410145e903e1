package io.mergegate.cli;

import io.mergegate.core.source.LazyFile;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A folder whose files are read only when asked for by path, so rooting a spec at a large repository
 * costs nothing. Like {@code DirectorySourceTree}, links are reported as links and never followed, and
 * nothing outside the folder is reachable. {@link #paths()} lists nothing: the folder is never scanned.
 */
final class FolderTree implements SourceTree {

    private final Path root;
    private final String label;

    FolderTree(Path root, String label) throws IOException {
        this.root = root.toRealPath();
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> paths() {
        return List.of();
    }

    @Override
    public Optional<SourceFile> file(String path) {
        Path p = root.resolve(path).normalize();
        try {
            // a linked folder on the way could lead out of the root
            if (!p.startsWith(root) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                    || !p.getParent().toRealPath().startsWith(root)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean link = Files.isSymbolicLink(p);
        if (!link && (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(p))) {
            return Optional.empty();
        }
        return Optional.of(new LazyFile(path) {
            @Override
            protected byte[] load() throws IOException {
                return link ? Files.readSymbolicLink(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : Files.readAllBytes(p);
            }

            @Override
            public long size() {
                try {
                    return link ? bytes().length : Files.size(p);
                } catch (IOException e) {
                    return bytes().length;
                }
            }

            @Override
            public boolean isSymlink() {
                return link;
            }
        });
    }
}
