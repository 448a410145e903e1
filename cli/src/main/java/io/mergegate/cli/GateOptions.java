package io.mergegate.cli;

import io.mergegate.checkers.prmeta.PullRequestMetadata;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.PullRequest;
import io.mergegate.engine.GateRequest;
import io.mergegate.engine.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options that say which change to judge and how; shared by {@code check} and {@code baseline}. */
final class GateOptions {

    @Option(names = "--repo", paramLabel = "DIR", description = "Repository to check (default: current folder).")
    Path repo = Path.of(".");

    @Option(names = "--base", paramLabel = "REV", description = "Base revision (default: from GITHUB_BASE_REF, "
            + "CI_MERGE_REQUEST_DIFF_BASE_SHA, BUILDKITE_PULL_REQUEST_BASE_BRANCH, else the upstream branch).")
    String base;

    @Option(names = "--head", paramLabel = "REV", description = "Head revision (default: HEAD).")
    String head;

    @ArgGroup(exclusive = true)
    ModeOptions modeOptions;

    static final class ModeOptions {
        @Option(names = "--staged", description = "Judge the staged content (the index) against HEAD, for pre-commit.")
        boolean staged;

        @Option(names = "--working-tree", description = "Judge the working tree (no git needed).")
        boolean workingTree;
    }

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: .mergegate.yml at the repository root).")
    Path config;

    @Option(names = "--only", paramLabel = "CHECKERS", split = ",", description = "Run only these checkers (comma-separated ids).")
    List<String> only = new ArrayList<>();

    @Option(names = "--branch", paramLabel = "NAME", description = "Source branch (default: from the CI environment or git).")
    String branch;

    @Option(names = "--target", paramLabel = "NAME", description = "Target branch (default: from the CI environment).")
    String target;

    @Option(names = "--pr-title", paramLabel = "TEXT", description = "Pull request title (default: from the CI context).")
    String prTitle;

    @Option(names = "--pr-body", paramLabel = "FILE", description = "File holding the pull request description.")
    Path prBody;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline of accepted findings (default: .mergegate-baseline.json).")
    Path baseline;

    @Option(names = "--dry-run", description = "Apply the new SQL migrations to a real PostgreSQL (migrations.dry-run).")
    boolean dryRun;

    @Option(names = "--today", paramLabel = "DATE", hidden = true, description = "Date the rules consider today (tests).")
    String today;

    GateRequest request(Map<String, String> env) throws IOException {
        Mode mode = modeOptions == null ? Mode.PULL_REQUEST
                : modeOptions.staged ? Mode.STAGED : modeOptions.workingTree ? Mode.WORKING_TREE : Mode.PULL_REQUEST;
        Set<String> onlyIds = new LinkedHashSet<>();
        only.forEach(o -> {
            if (!o.isBlank()) {
                onlyIds.add(o.trim());
            }
        });
        Map<String, Map<String, Object>> overrides = dryRun
                ? Map.of("migrations", Map.of("dry-run", Boolean.TRUE)) : Map.of();
        return new GateRequest(repo, base, head, mode, config, onlyIds, branch, target, prMetadata(env), baseline, env,
                clock(today), overrides);
    }

    private PullRequest prMetadata(Map<String, String> env) throws IOException {
        PullRequest fromCi = PullRequestContext.fromEnvironment(env);
        String body = null;
        if (prBody != null) {
            if (!Files.isRegularFile(prBody)) {
                throw new UsageException("--pr-body file not found: " + prBody);
            }
            body = new String(Files.readAllBytes(prBody), StandardCharsets.UTF_8);
        }
        if (prTitle == null && body == null) {
            return fromCi;
        }
        return PullRequestMetadata.local(fromCi, prTitle != null ? prTitle : fromCi.title(),
                body != null ? body : fromCi.body());
    }

    /** The clock of {@code --today DATE}, or the system clock when the option is absent. */
    static Clock clock(String today) {
        if (today == null) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(LocalDate.parse(today).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UsageException("--today must be an ISO date (YYYY-MM-DD), not '" + today + "'");
        }
    }
}
