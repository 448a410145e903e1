package io.mergegate.cli;

import io.mergegate.checkers.prmeta.PullRequestMetadata;
import io.mergegate.core.spi.PullRequest;
import io.mergegate.engine.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Pull-request metadata from the CI context (GitHub event payload, GitLab variables). */
final class PullRequestContext {

    private PullRequestContext() {
    }

    /** The metadata the CI exposes (title and body may be absent); an unreadable event file is a usage error. */
    static PullRequest fromEnvironment(Map<String, String> env) {
        try {
            return PullRequestMetadata.fromEnvironment(env, PullRequestContext::read);
        } catch (PullRequestMetadata.InvalidEventException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static Optional<String> read(String path) {
        try {
            Path p = Path.of(path);
            return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
