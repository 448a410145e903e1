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

    /** The verdict of a run: a failed checker wins, then any unsuppressed finding at a blocking severity. */
    public static ExitCode decide(java.util.List<io.mergegate.core.RunReport.CheckerRun> checkers,
            java.util.List<io.mergegate.core.Finding> findings, java.util.Set<io.mergegate.core.Severity> failOn) {
        if (checkers.stream().anyMatch(c -> c.error() != null)) {
            return INTERNAL_ERROR;
        }
        return findings.stream().anyMatch(f -> !f.isSuppressed() && failOn.contains(f.severity()))
                ? BLOCKING_FINDINGS : OK;
    }
}
