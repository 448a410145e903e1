package io.mergegate.engine;

import io.mergegate.core.RunReport;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.Facts;
import io.mergegate.engine.config.GateConfig;
import java.nio.file.Path;

/**
 * The result of a gate run: the report for the writers, plus what the approval step needs.
 *
 * @param report   findings, rules, timings and exit code
 * @param facts    facts the checkers published (artifacts, change levels)
 * @param head     the tree that was judged
 * @param config   the effective configuration
 * @param repoRoot the repository root (report paths are relative to it)
 */
public record GateOutcome(RunReport report, Facts facts, SourceTree head, GateConfig config, Path repoRoot) {

    public int exitCode() {
        return report.exitCode();
    }

    /**
     * The same run judged with other blocking severities for every checker (e.g. {@code --fail-on warning}):
     * a command-line level replaces the config's {@code fail-on} and each {@code <checker>.fail-on}.
     */
    public GateOutcome withFailOn(java.util.Set<io.mergegate.core.Severity> failOn) {
        RunReport r = new RunReport(report.toolVersion(), report.rules(), report.findings(), report.checkers(), failOn,
                report.baseLabel(), report.headLabel(), report.headCommit(), report.exitCode());
        return new GateOutcome(r.withExitCode(ExitCode.decide(r).code()), facts, head, config, repoRoot);
    }
}
