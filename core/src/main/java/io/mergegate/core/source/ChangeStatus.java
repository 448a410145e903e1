package io.mergegate.core.source;

/** How a path changed between base and head. */
public enum ChangeStatus {
    ADDED, MODIFIED, DELETED, RENAMED
}
