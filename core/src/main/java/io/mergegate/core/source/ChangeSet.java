package io.mergegate.core.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The paths that differ between base and head, sorted by path. */
public final class ChangeSet {

    private final List<ChangedPath> changes;
    private final Map<String, ChangedPath> byPath = new HashMap<>();

    public ChangeSet(List<ChangedPath> changes) {
        List<ChangedPath> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(ChangedPath::path));
        this.changes = Collections.unmodifiableList(sorted);
        for (ChangedPath c : sorted) {
            byPath.put(c.path(), c);
        }
    }

    /** Compares two trees by content id; no rename detection (the git view supplies renames). */
    public static ChangeSet between(SourceTree base, SourceTree head) {
        TreeSet<String> all = new TreeSet<>(base.paths());
        all.addAll(head.paths());
        List<ChangedPath> out = new ArrayList<>();
        for (String p : all) {
            Optional<SourceFile> b = base.file(p);
            Optional<SourceFile> h = head.file(p);
            if (b.isEmpty()) {
                out.add(ChangedPath.added(p));
            } else if (h.isEmpty()) {
                out.add(ChangedPath.deleted(p));
            } else if (!b.get().contentId().equals(h.get().contentId())) {
                out.add(ChangedPath.modified(p));
            }
        }
        return new ChangeSet(out);
    }

    public List<ChangedPath> all() {
        return changes;
    }

    public Optional<ChangedPath> get(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    public boolean isChanged(String path) {
        return byPath.containsKey(path);
    }

    /** Paths that exist at head and were added, modified or renamed. */
    public List<String> changedAtHead() {
        return changes.stream().filter(ChangedPath::existsAtHead).map(ChangedPath::path).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
