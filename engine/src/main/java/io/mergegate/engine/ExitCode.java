package io.mergegate.engine;

/** The documented exit codes of every mergegate command. */
public enum ExitCode {
    /** Nothing blocks the merge. */
    OK(0),
    /** At least one finding at a blocking severity. */
    BLOCKING_FINDINGS(1),
    /** Usage or configuration error: bad option, config, repository or revision. */
    USAGE_ERROR(2),
    /** Internal error: a checker or the gate itself failed, so the change was not fully checked (fail closed). */
    INTERNAL_ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
