package io.mergegate.engine.git;

import io.mergegate.core.source.LazyFile;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A git tree (a commit's or the index's) as a {@link SourceTree}: paths are listed once, blobs are
 * read lazily, and the content id is the blob id, so comparing trees reads no content.
 */
final class GitSourceTree implements SourceTree {

    private final Repository repo;
    private final String label;
    private final String commitId;
    private final TreeMap<String, Entry> entries;
    private final List<String> paths;

    private record Entry(ObjectId id, boolean symlink) {
    }

    private GitSourceTree(Repository repo, String label, String commitId, TreeMap<String, Entry> entries) {
        this.repo = repo;
        this.label = label;
        this.commitId = commitId;
        this.entries = entries;
        this.paths = List.copyOf(new ArrayList<>(entries.keySet()));
    }

    static GitSourceTree ofTree(Repository repo, RevTree tree, String label, String commitId) throws IOException {
        TreeMap<String, Entry> entries = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    continue; // submodules are other repositories
                }
                entries.put(walk.getPathString(), new Entry(walk.getObjectId(0), mode == FileMode.SYMLINK));
            }
        }
        return new GitSourceTree(repo, label, commitId, entries);
    }

    static GitSourceTree ofIndex(Repository repo) throws IOException {
        TreeMap<String, Entry> entries = new TreeMap<>();
        DirCache index = repo.readDirCache();
        for (int i = 0; i < index.getEntryCount(); i++) {
            DirCacheEntry e = index.getEntry(i);
            if (e.getStage() != 0 || e.getFileMode() == FileMode.GITLINK) {
                continue;
            }
            entries.put(e.getPathString(), new Entry(e.getObjectId(), e.getFileMode() == FileMode.SYMLINK));
        }
        return new GitSourceTree(repo, "index", null, entries);
    }

    static GitSourceTree empty(Repository repo, String label) {
        return new GitSourceTree(repo, label, null, new TreeMap<>());
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Optional<String> commitId() {
        return Optional.ofNullable(commitId);
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public Optional<SourceFile> file(String path) {
        Entry e = entries.get(path);
        return e == null ? Optional.empty() : Optional.of(new Blob(path, e));
    }

    Map<String, ObjectId> ids() {
        Map<String, ObjectId> out = new TreeMap<>();
        entries.forEach((k, v) -> out.put(k, v.id()));
        return out;
    }

    private final class Blob extends LazyFile {
        private final Entry entry;

        Blob(String path, Entry entry) {
            super(path);
            this.entry = entry;
        }

        @Override
        protected byte[] load() throws IOException {
            try (ObjectReader reader = repo.newObjectReader()) {
                return reader.open(entry.id(), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
            }
        }

        @Override
        public long size() {
            try (ObjectReader reader = repo.newObjectReader()) {
                return reader.getObjectSize(entry.id(), Constants.OBJ_BLOB);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + this, e);
            }
        }

        @Override
        public boolean isSymlink() {
            return entry.symlink();
        }

        @Override
        public String contentId() {
            return entry.id().name();
        }

        @Override
        public String toString() {
            return path() + "@" + label;
        }
    }
}
