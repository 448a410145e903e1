package io.mergegate.engine;

import io.mergegate.core.spi.PullRequest;
import io.mergegate.engine.git.GitRepository;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the source and target branch names from the command line, the CI environment or git, in
 * the documented order. {@code CI_COMMIT_REF_SLUG} is never used: it is mangled.
 */
public final class BranchResolver {

    private BranchResolver() {
    }

    /** Source branch, its origin, and when there is none, why. */
    record Branch(String name, String source, String problem) {
    }

    static Branch branch(String explicit, Map<String, String> env, Optional<GitRepository> git) {
        if (explicit != null && !explicit.isBlank()) {
            return fromRef(explicit.trim(), "--branch");
        }
        String[] plain = {"GITHUB_HEAD_REF", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_BRANCH"};
        for (String var : plain) {
            String v = ChangeView.nonEmpty(env.get(var));
            if (v != null) {
                return fromRef(v, var);
            }
        }
        String refName = ChangeView.nonEmpty(env.get("CI_COMMIT_REF_NAME"));
        if (refName != null && (!refName.startsWith("refs/") || refName.startsWith("refs/heads/"))
                && ChangeView.nonEmpty(env.get("CI_COMMIT_TAG")) == null) {
            return fromRef(refName, "CI_COMMIT_REF_NAME");
        }
        String bk = ChangeView.nonEmpty(env.get("BUILDKITE_BRANCH"));
        if (bk != null) {
            return fromRef(bk, "BUILDKITE_BRANCH");
        }
        String ghRef = ChangeView.nonEmpty(env.get("GITHUB_REF"));
        if (ghRef != null && ghRef.startsWith("refs/heads/")) {
            return fromRef(ghRef, "GITHUB_REF");
        }
        if (git.isPresent()) {
            Optional<String> current = git.get().currentBranch();
            if (current.isPresent()) {
                return new Branch(current.get(), "git", null);
            }
            String problem = git.get().describeDetachedHead();
            if (ghRef != null) {
                problem = "GITHUB_REF is " + ghRef + " (not a branch) and " + problem;
            }
            return new Branch(null, null, problem);
        }
        if (ghRef != null) {
            return new Branch(null, null, "GITHUB_REF is " + ghRef + ", which is not a branch");
        }
        return new Branch(null, null, "no --branch option, no CI branch variable and no git repository");
    }

    private static Branch fromRef(String value, String source) {
        if (value.startsWith("refs/heads/")) {
            return new Branch(value.substring("refs/heads/".length()), source, null);
        }
        if (value.startsWith("refs/")) {
            String what = value.startsWith("refs/tags/") ? "a tag" : value.startsWith("refs/pull/")
                    || value.startsWith("refs/merge-requests/") ? "a pull-request ref" : "not a branch";
            return new Branch(null, null, source + " is " + value + ", which is " + what);
        }
        return new Branch(value, source, null);
    }

    static String target(String explicit, Map<String, String> env) {
        if (explicit != null && !explicit.isBlank()) {
            return strip(explicit.trim());
        }
        for (String var : new String[] {"GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
            "BUILDKITE_PULL_REQUEST_BASE_BRANCH"}) {
            String v = ChangeView.nonEmpty(env.get(var));
            if (v != null && !v.equals("false")) {
                return strip(v);
            }
        }
        return null;
    }

    private static String strip(String s) {
        return s.startsWith("refs/heads/") ? s.substring("refs/heads/".length()) : s;
    }

    /** The pull request as the checkers see it: detected branches plus the metadata the caller found. */
    static PullRequest pullRequest(Branch b, String target, PullRequest meta) {
        PullRequest m = meta == null ? PullRequest.none() : meta;
        return new PullRequest(b.name(), b.source(), b.problem(), target != null ? target : m.target(), m.title(),
                m.body(), m.labels(), m.draft(), m.bodyTruncated(), m.metadataSource());
    }
}
