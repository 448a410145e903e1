package io.mergegate.core.spi;

/** What is being judged. */
public enum Mode {
    /** A pull request: head against the merge base with the target. */
    PULL_REQUEST,
    /** A pre-commit hook: the git index against HEAD. */
    STAGED,
    /** The working tree against HEAD, or every file when there is no git repository. */
    WORKING_TREE,
    /** Every file of a tree, no comparison (e.g. {@code secrets scan}). */
    TREE
}
