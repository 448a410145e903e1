package io.mergegate.core.source;

/**
 * One changed path.
 *
 * @param status  what happened
 * @param path    the path at head (for a deletion: the path at base)
 * @param oldPath the path at base (differs from {@code path} only for renames)
 */
public record ChangedPath(ChangeStatus status, String path, String oldPath) {

    public static ChangedPath added(String p) {
        return new ChangedPath(ChangeStatus.ADDED, p, null);
    }

    public static ChangedPath modified(String p) {
        return new ChangedPath(ChangeStatus.MODIFIED, p, p);
    }

    public static ChangedPath deleted(String p) {
        return new ChangedPath(ChangeStatus.DELETED, p, p);
    }

    public boolean existsAtHead() {
        return status != ChangeStatus.DELETED;
    }

    public boolean existedAtBase() {
        return status != ChangeStatus.ADDED;
    }
}
