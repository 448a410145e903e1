package io.mergegate.engine;

import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.PullRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * One gate run as the CLI or the Maven plugin asks for it.
 *
 * @param repo        folder inside the repository (or a plain folder in working-tree mode)
 * @param base        base revision, or null to detect it from the CI environment
 * @param head        head revision, or null for HEAD
 * @param mode        pull request, staged, working tree
 * @param configFile  explicit config file, or null for {@code .mergegate.yml} at the repository root
 * @param only        checker ids to run, empty for all enabled
 * @param branch      explicit source branch, or null to detect it
 * @param target      explicit target branch, or null to detect it
 * @param prMetadata  title, body, labels from the CI context or the command line, or null
 * @param baseline    explicit baseline file, or null for the configured one
 * @param environment environment variables (CI detection, credentials)
 * @param clock       "today"
 * @param overrides   config values set on the command line (section → key → value), e.g. {@code --dry-run}
 */
public record GateRequest(
        Path repo,
        String base,
        String head,
        Mode mode,
        Path configFile,
        Set<String> only,
        String branch,
        String target,
        PullRequest prMetadata,
        Path baseline,
        Map<String, String> environment,
        Clock clock,
        Map<String, Map<String, Object>> overrides) {

    public GateRequest {
        mode = mode == null ? Mode.PULL_REQUEST : mode;
        only = only == null ? Set.of() : Set.copyOf(only);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        clock = clock == null ? Clock.systemUTC() : clock;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    /** A request without command-line config overrides. */
    public GateRequest(Path repo, String base, String head, Mode mode, Path configFile, Set<String> only, String branch,
            String target, PullRequest prMetadata, Path baseline, Map<String, String> environment, Clock clock) {
        this(repo, base, head, mode, configFile, only, branch, target, prMetadata, baseline, environment, clock, Map.of());
    }

    /** A pull-request run of a repository with everything else detected. */
    public static GateRequest of(Path repo) {
        return new GateRequest(repo, null, null, Mode.PULL_REQUEST, null, Set.of(), null, null, null, null,
                System.getenv(), Clock.systemUTC());
    }

    public GateRequest withOnly(Set<String> ids) {
        return new GateRequest(repo, base, head, mode, configFile, ids, branch, target, prMetadata, baseline,
                environment, clock, overrides);
    }
}
