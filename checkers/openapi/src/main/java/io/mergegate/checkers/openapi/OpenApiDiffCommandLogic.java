package io.mergegate.checkers.openapi;

import io.mergegate.core.Finding;
import io.mergegate.core.Severity;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.ChangeLevel;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.RuleBook;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The logic behind {@code mergegate openapi diff BASE HEAD}: compares two spec files outside a gate
 * run, with the same rules as the checker. The command line reads the files, applies the config's
 * severity overrides and fail-on, and renders the result. {@link Result#exitCode()} is the verdict
 * under the default policy: 0 nothing breaking (warnings allowed), 1 an error-level finding.
 */
public final class OpenApiDiffCommandLogic {

    /** Exit code when no error-level finding was reported. */
    public static final int OK = 0;
    /** Exit code when a breaking change (or another error-level finding) was reported. */
    public static final int BREAKING = 1;

    private OpenApiDiffCommandLogic() {
    }

    /**
     * What the diff found.
     *
     * @param findings   every finding, located in the head tree
     * @param level      the change level (NONE when the head spec could not be judged)
     * @param oldVersion info.version at base, or null
     * @param newVersion info.version at head, or null
     * @param exitCode   {@link #OK} or {@link #BREAKING}
     */
    public record Result(List<Finding> findings, ChangeLevel level, String oldVersion, String newVersion, int exitCode) {
    }

    /**
     * Compares {@code basePath} in {@code base} with {@code headPath} in {@code head}; each tree holds
     * the files the spec references ({@code $ref} to other files is resolved inside its tree, and a ref
     * that cannot be followed is reported). A later major's file ({@code svc-v2.yaml} to
     * {@code svc-v3.yaml}) is compared as the checker pairs them: breaking changes are notes.
     *
     * @param config the {@code openapi} section of {@code .mergegate.yml} (for {@code deprecation-days})
     */
    public static Result diff(SourceTree base, String basePath, SourceTree head, String headPath, RuleBook rules,
            CheckerConfig config, Clock clock) {
        Policy policy = new Policy(LocalDate.now(clock), OpenApiChecker.deprecationDays(config));
        Workspace bw = new Workspace(base::file);
        Workspace hw = new Workspace(head::file);
        SpecComparison c = SpecComparison.run(bw, basePath, hw, headPath, policy,
                OpenApiChecker.laterMajor(basePath, headPath));
        Function<String, Finding.Builder> report = id -> Finding.builder(rules.require(id));
        List<Finding> findings = new ArrayList<>(OpenApiChecker.findings(report, headPath, c));
        for (Change ch : OpenApiChecker.unresolvedRefs(bw, hw, headPath, target -> true)) {
            findings.add(OpenApiChecker.finding(report, headPath, ch));
        }
        boolean breaking = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return new Result(findings, c.headBroken ? ChangeLevel.NONE : c.level, c.oldVersion, c.newVersion,
                breaking ? BREAKING : OK);
    }
}
