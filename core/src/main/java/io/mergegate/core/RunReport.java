package io.mergegate.core;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a report writer needs about one gate run: the rules in play, the findings (including
 * suppressed ones), per-checker timings and the verdict. Reports never see checkers or git.
 *
 * @param toolVersion  mergegate version
 * @param rules        catalogue entries of every rule the checkers that ran may emit, sorted by id
 * @param findings     all findings, sorted (path, line, column, rule); suppressed ones included
 * @param checkers     one entry per checker that was evaluated
 * @param failOn       severities that block
 * @param baseLabel    e.g. a short commit id or {@code HEAD}
 * @param headLabel    e.g. a short commit id, {@code index} or {@code working tree}
 * @param headCommit   full head commit id, or null
 * @param exitCode     0 nothing blocking, 1 blocking findings, 3 internal error
 */
public record RunReport(
        String toolVersion,
        List<RuleDescriptor> rules,
        List<Finding> findings,
        List<CheckerRun> checkers,
        Set<Severity> failOn,
        String baseLabel,
        String headLabel,
        String headCommit,
        int exitCode) {

    public RunReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        checkers = List.copyOf(checkers);
        failOn = Set.copyOf(failOn);
        Objects.requireNonNull(toolVersion);
    }

    /**
     * One checker's part of the run.
     *
     * @param id          checker id
     * @param description one line
     * @param ruleIds     the rules it owns (sorted)
     * @param millis      wall time
     * @param error       internal error message, or null
     */
    public record CheckerRun(String id, String description, List<String> ruleIds, long millis, String error) {
        public CheckerRun {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /** A finding blocks when it is not suppressed and its severity is in {@link #failOn}. */
    public boolean isBlocking(Finding f) {
        return !f.isSuppressed() && failOn.contains(f.severity());
    }

    public long blockingCount() {
        return findings.stream().filter(this::isBlocking).count();
    }

    public boolean passed() {
        return exitCode == 0;
    }
}
