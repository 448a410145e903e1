package io.mergegate.core;

import java.util.List;
import java.util.Map;
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
 * @param checkerFailOn checker id → severities that block its findings, for checkers whose config
 *                     section sets {@code fail-on} (the others use {@code failOn})
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
        Map<String, Set<Severity>> checkerFailOn,
        String baseLabel,
        String headLabel,
        String headCommit,
        int exitCode) {

    public RunReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        checkers = List.copyOf(checkers);
        failOn = Set.copyOf(failOn);
        checkerFailOn = checkerFailOn == null ? Map.of() : Map.copyOf(checkerFailOn);
        Objects.requireNonNull(toolVersion);
    }

    /** A report where one set of severities blocks every checker's findings. */
    public RunReport(String toolVersion, List<RuleDescriptor> rules, List<Finding> findings, List<CheckerRun> checkers,
            Set<Severity> failOn, String baseLabel, String headLabel, String headCommit, int exitCode) {
        this(toolVersion, rules, findings, checkers, failOn, Map.of(), baseLabel, headLabel, headCommit, exitCode);
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

    /** A finding blocks when it is not suppressed and its severity is in {@link #failOnFor}. */
    public boolean isBlocking(Finding f) {
        return !f.isSuppressed() && failOnFor(f).contains(f.severity());
    }

    /** The severities that block this finding: its checker's own {@code fail-on}, else {@link #failOn}. */
    public Set<Severity> failOnFor(Finding f) {
        if (!checkerFailOn.isEmpty()) {
            for (CheckerRun c : checkers) {
                Set<Severity> own = checkerFailOn.get(c.id());
                if (own != null && c.ruleIds().contains(f.ruleId())) {
                    return own;
                }
            }
        }
        return failOn;
    }

    /** The same run with another exit code (decided once the blocking findings are known). */
    public RunReport withExitCode(int code) {
        return new RunReport(toolVersion, rules, findings, checkers, failOn, checkerFailOn, baseLabel, headLabel,
                headCommit, code);
    }

    public long blockingCount() {
        return findings.stream().filter(this::isBlocking).count();
    }

    public boolean passed() {
        return exitCode == 0;
    }
}
