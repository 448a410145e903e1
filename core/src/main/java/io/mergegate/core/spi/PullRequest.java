package io.mergegate.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * What the CI context says about the change under review.
 *
 * @param branch           source branch without {@code refs/heads/}, or null when none can be determined
 * @param branchSource     where the branch came from ({@code --branch}, {@code GITHUB_HEAD_REF}, {@code git}, ...)
 * @param branchProblem    when {@code branch} is null: why (detached HEAD, a tag, a pull-request ref)
 * @param target           target branch, or null
 * @param title            PR title, or null when no PR metadata is available
 * @param body             PR description (null body in an event payload becomes empty)
 * @param labels           PR labels
 * @param draft            draft PR
 * @param bodyTruncated    GitLab reported the description as truncated
 * @param metadataSource   where title/body came from, or null when unavailable
 */
public record PullRequest(
        String branch,
        String branchSource,
        String branchProblem,
        String target,
        String title,
        String body,
        List<String> labels,
        boolean draft,
        boolean bodyTruncated,
        String metadataSource) {

    public PullRequest {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public static PullRequest none() {
        return new PullRequest(null, null, "no branch information", null, null, null, List.of(), false, false, null);
    }

    public Optional<String> optionalBranch() {
        return Optional.ofNullable(branch);
    }

    public Optional<String> optionalTarget() {
        return Optional.ofNullable(target);
    }

    public boolean hasMetadata() {
        return metadataSource != null;
    }
}
