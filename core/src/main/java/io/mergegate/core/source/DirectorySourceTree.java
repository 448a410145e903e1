package io.mergegate.core.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A folder on disk as a source tree: a working tree or a fixture side. The {@code .git} folder is
 * skipped; symbolic links are reported as links and never followed, so a link out of the
 * repository cannot make a checker read outside it.
 */
public final class DirectorySourceTree implements SourceTree {

    private final Path root;
    private final String label;
    private final List<String> paths;

    public DirectorySourceTree(Path root, String label) {
        this.root = root.toAbsolutePath().normalize();
        this.label = label;
        this.paths = scan(this.root);
    }

    /** A folder restricted to the given paths (e.g. the files git does not ignore). */
    public DirectorySourceTree(Path root, String label, List<String> paths) {
        this.root = root.toAbsolutePath().normalize();
        this.label = label;
        List<String> sorted = new ArrayList<>(paths);
        Collections.sort(sorted);
        this.paths = List.copyOf(sorted);
    }

    public Path root() {
        return root;
    }

    private static List<String> scan(Path root) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                        out.add(relative(root, file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public Optional<SourceFile> file(String path) {
        if (Collections.binarySearch(paths, path) < 0) {
            return Optional.empty();
        }
        return Optional.of(new DiskFile(path, root.resolve(path)));
    }

    private static final class DiskFile extends LazyFile {
        private final Path file;

        DiskFile(String path, Path file) {
            super(path);
            this.file = file;
        }

        @Override
        protected byte[] load() throws IOException {
            return isSymlink()
                    ? Files.readSymbolicLink(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : Files.readAllBytes(file);
        }

        @Override
        public long size() {
            try {
                return isSymlink() ? bytes().length : Files.size(file);
            } catch (IOException e) {
                return bytes().length;
            }
        }

        @Override
        public boolean isSymlink() {
            return Files.isSymbolicLink(file);
        }
    }

    /** True when a path names a regular file (not a link) inside the tree; used by fixture tooling. */
    public boolean isRegularFile(String path) {
        return Files.isRegularFile(root.resolve(path), LinkOption.NOFOLLOW_LINKS);
    }
}
