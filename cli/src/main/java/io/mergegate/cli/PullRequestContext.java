package io.mergegate.cli;

import io.mergegate.core.spi.PullRequest;
import java.util.Map;

/** Pull-request metadata from the CI context (GitHub event payload, GitLab variables). */
final class PullRequestContext {

    private PullRequestContext() {
    }

    /** The metadata the CI exposes, or null when there is none. */
    static PullRequest fromEnvironment(Map<String, String> env) {
        return null;
    }
}
