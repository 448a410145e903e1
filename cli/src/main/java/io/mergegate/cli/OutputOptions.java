package io.mergegate.cli;

import io.mergegate.core.Severity;
import io.mergegate.engine.GateOutcome;
import io.mergegate.engine.UsageException;
import io.mergegate.engine.config.GateConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** Where the reports of a run go, and which severities block. */
final class OutputOptions {

    static final List<String> FORMATS = List.of("console", "json", "markdown");

    @Option(names = "--sarif", paramLabel = "FILE", description = "Write SARIF 2.1.0.")
    Path sarif;

    @Option(names = "--sarif-category", paramLabel = "ID", description = "SARIF automationDetails.id (code scanning category).")
    String sarifCategory;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML (GitLab, Jenkins, Buildkite).")
    Path junit;

    @Option(names = "--codequality", paramLabel = "FILE", description = "Write a GitLab Code Quality report.")
    Path codequality;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a short Markdown summary (job summary, PR comment).")
    Path markdown;

    @Option(names = "--github-annotations", description = "Also print GitHub workflow-command annotations (worst first, 10 errors + 10 warnings).")
    boolean githubAnnotations;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Standard output: console (default), json or markdown.")
    String format = "console";

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Lowest severity that blocks: error, warning, note or none (overrides fail-on in the config).")
    String failOn;

    @Option(names = "--no-color", description = "No colours in console output (also when NO_COLOR is set).")
    boolean noColor;

    Outputs.Options options(Map<String, String> env) {
        if (!FORMATS.contains(format)) {
            throw new UsageException("--format must be one of " + String.join(", ", FORMATS) + ", not '" + format + "'");
        }
        failOnSet();
        boolean color = !noColor && System.console() != null && !env.containsKey("NO_COLOR");
        return new Outputs.Options(format, color, sarif, sarifCategory, junit, codequality, markdown, githubAnnotations);
    }

    GateOutcome applyFailOn(GateOutcome outcome) {
        Set<Severity> set = failOnSet();
        return set == null ? outcome : outcome.withFailOn(set);
    }

    private Set<Severity> failOnSet() {
        if (failOn == null || failOn.isBlank()) {
            return null;
        }
        return GateConfig.blockingSeverities(failOn).orElseThrow(() -> new UsageException(
                "--fail-on must be error, warning, note or none, not '" + failOn + "'"));
    }
}
