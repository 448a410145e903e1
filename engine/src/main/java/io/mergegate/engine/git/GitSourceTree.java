package io.mergegate.engine.git;

import io.mergegate.core.source.LazyFile;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
    private final Map<String, Entry> entries;
    private final List<String> paths;

    private record Entry(ObjectId id, boolean symlink) {
    }

    /**
     * A hash map and a sorted list rather than a tree map, since an audit lists 100,000 files: git
     * already lists them in (byte) order, so the sort that makes it {@link String} order is one pass.
     */
    private GitSourceTree(Repository repo, String label, String commitId, Map<String, Entry> entries,
            List<String> listed) {
        this.repo = repo;
        this.label = label;
        this.commitId = commitId;
        this.entries = entries;
        String[] sorted = listed.toArray(new String[0]);
        Arrays.sort(sorted);
        this.paths = List.of(sorted);
    }

    static GitSourceTree ofTree(Repository repo, RevTree tree, String label, String commitId) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        List<String> listed = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    continue; // submodules are other repositories
                }
                String path = walk.getPathString();
                entries.put(path, new Entry(walk.getObjectId(0), mode == FileMode.SYMLINK));
                listed.add(path);
            }
        }
        return new GitSourceTree(repo, label, commitId, entries, listed);
    }

    static GitSourceTree ofIndex(Repository repo, DirCache index) {
        Map<String, Entry> entries = new HashMap<>();
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < index.getEntryCount(); i++) {
            DirCacheEntry e = index.getEntry(i);
            if (e.getStage() != 0 || e.getFileMode() == FileMode.GITLINK) {
                continue;
            }
            String path = e.getPathString();
            entries.put(path, new Entry(e.getObjectId(), e.getFileMode() == FileMode.SYMLINK));
            listed.add(path);
        }
        return new GitSourceTree(repo, "index", null, entries, listed);
    }

    static GitSourceTree empty(Repository repo, String label) {
        return new GitSourceTree(repo, label, null, new HashMap<>(), List.of());
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
