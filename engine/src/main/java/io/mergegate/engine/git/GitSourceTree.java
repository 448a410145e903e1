package io.mergegate.engine.git;

import io.mergegate.core.source.LazyFile;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.MissingObjectException;
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
    /** The commit's tree, for lookups while the listing is still being read; null for the index. */
    private final RevTree tree;
    private final CompletableFuture<Listing> listing;

    private record Entry(String path, ObjectId id, boolean symlink) {
    }

    /**
     * Sorted paths and, at the same index, their entries: arrays rather than a tree map, since an
     * audit lists 100,000 files, and a binary search finds a file without a hash map. Git already
     * lists paths in (byte) order, so the sort that makes it {@link String} order is one pass.
     */
    private record Listing(String[] sorted, Entry[] entries, List<String> paths) {

        static Listing of(List<Entry> listed) {
            Entry[] byPath = listed.toArray(new Entry[0]);
            Arrays.sort(byPath, Comparator.comparing(Entry::path));
            String[] sorted = new String[byPath.length];
            for (int i = 0; i < byPath.length; i++) {
                sorted[i] = byPath[i].path();
            }
            return new Listing(sorted, byPath, Collections.unmodifiableList(Arrays.asList(sorted)));
        }
    }

    private GitSourceTree(Repository repo, String label, String commitId, RevTree tree,
            CompletableFuture<Listing> listing) {
        this.repo = repo;
        this.label = label;
        this.commitId = commitId;
        this.tree = tree;
        this.listing = listing;
    }

    static GitSourceTree ofTree(Repository repo, RevTree tree, String label, String commitId) throws IOException {
        return new GitSourceTree(repo, label, commitId, tree, CompletableFuture.completedFuture(list(repo, tree)));
    }

    /**
     * A tree whose listing is read on another thread while the caller looks up single files (an
     * audit reads and compiles CODEOWNERS meanwhile); a failed listing is thrown by {@link #paths()}
     * as {@code onMissing} maps it.
     */
    static GitSourceTree listedAhead(Repository repo, RevTree tree, String label, String commitId,
            Function<MissingObjectException, RuntimeException> onMissing) {
        CompletableFuture<Listing> listing = CompletableFuture.supplyAsync(() -> {
            try {
                return list(repo, tree);
            } catch (MissingObjectException e) {
                throw onMissing.apply(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new GitSourceTree(repo, label, commitId, tree, listing);
    }

    private static Listing list(Repository repo, RevTree tree) throws IOException {
        List<Entry> listed = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    continue; // submodules are other repositories
                }
                listed.add(new Entry(pathOf(walk), walk.getObjectId(0), mode == FileMode.SYMLINK));
            }
        }
        return Listing.of(listed);
    }

    /** The walk's path; ASCII paths (nearly all) skip the charset decoder, a third of a 100,000-file walk. */
    private static String pathOf(TreeWalk walk) {
        byte[] raw = walk.getRawPath();
        int length = walk.getPathLength();
        for (int i = 0; i < length; i++) {
            if (raw[i] < 0) {
                return walk.getPathString();
            }
        }
        return new String(raw, 0, length, StandardCharsets.ISO_8859_1);
    }

    static GitSourceTree ofIndex(Repository repo, DirCache index) {
        List<Entry> listed = new ArrayList<>();
        for (int i = 0; i < index.getEntryCount(); i++) {
            DirCacheEntry e = index.getEntry(i);
            if (e.getStage() != 0 || e.getFileMode() == FileMode.GITLINK) {
                continue;
            }
            listed.add(new Entry(e.getPathString(), e.getObjectId(), e.getFileMode() == FileMode.SYMLINK));
        }
        return new GitSourceTree(repo, "index", null, null, CompletableFuture.completedFuture(Listing.of(listed)));
    }

    static GitSourceTree empty(Repository repo, String label) {
        return new GitSourceTree(repo, label, null, null, CompletableFuture.completedFuture(Listing.of(List.of())));
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
        return listing().paths();
    }

    private Listing listing() {
        try {
            return listing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public Optional<SourceFile> file(String path) {
        if (!listing.isDone() && tree != null) {
            return lookUp(path);
        }
        Listing l = listing();
        int i = Arrays.binarySearch(l.sorted(), path);
        return i < 0 ? Optional.empty() : Optional.of(new Blob(path, l.entries()[i]));
    }

    /** One file found by walking down its folders, as the listing would have it. */
    Optional<SourceFile> lookUp(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            return Optional.empty();
        }
        try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
            if (walk == null) {
                return Optional.empty();
            }
            FileMode mode = walk.getFileMode(0);
            if (mode == FileMode.TREE || mode == FileMode.GITLINK) {
                return Optional.empty();
            }
            return Optional.of(new Blob(path, new Entry(path, walk.getObjectId(0), mode == FileMode.SYMLINK)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + "@" + label, e);
        }
    }

    Map<String, ObjectId> ids() {
        Map<String, ObjectId> out = new TreeMap<>();
        for (Entry e : listing().entries()) {
            out.put(e.path(), e.id());
        }
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
