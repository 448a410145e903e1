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

    /** The verdict of a run: a failed checker wins, then any finding the report counts as blocking. */
    public static ExitCode decide(io.mergegate.core.RunReport report) {
        if (report.checkers().stream().anyMatch(c -> c.error() != null)) {
            return INTERNAL_ERROR;
        }
        return report.findings().stream().anyMatch(report::isBlocking) ? BLOCKING_FINDINGS : OK;
    }
}
