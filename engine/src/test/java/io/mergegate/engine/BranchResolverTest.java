package io.mergegate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BranchResolverTest {

    private static BranchResolver.Branch branch(String explicit, Map<String, String> env) {
        return BranchResolver.branch(explicit, env, Optional.empty());
    }

    @Test
    void explicitOptionWinsAndRefsHeadsIsStripped() {
        assertThat(branch("refs/heads/feature/CORE-1-x", Map.of("GITHUB_HEAD_REF", "other")).name())
                .isEqualTo("feature/CORE-1-x");
    }

    @Test
    void ciVariablesInDocumentedOrder() {
        assertThat(branch(null, Map.of("GITHUB_HEAD_REF", "a", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "b")).name()).isEqualTo("a");
        assertThat(branch(null, Map.of("GITHUB_HEAD_REF", "", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "b")).name()).isEqualTo("b");
        assertThat(branch(null, Map.of("CI_COMMIT_BRANCH", "c", "BUILDKITE_BRANCH", "d")).name()).isEqualTo("c");
        assertThat(branch(null, Map.of("CI_COMMIT_REF_NAME", "e", "BUILDKITE_BRANCH", "d")).name()).isEqualTo("e");
        assertThat(branch(null, Map.of("BUILDKITE_BRANCH", "d", "GITHUB_REF", "refs/heads/g")).name()).isEqualTo("d");
        assertThat(branch(null, Map.of("GITHUB_REF", "refs/heads/g")).name()).isEqualTo("g");
    }

    @Test
    void slugIsNeverUsedAndTagsAreNotBranches() {
        BranchResolver.Branch slugOnly = branch(null, Map.of("CI_COMMIT_REF_SLUG", "feature-core-1-x"));
        assertThat(slugOnly.name()).isNull();
        BranchResolver.Branch tag = branch(null, Map.of("CI_COMMIT_REF_NAME", "v1.2.0", "CI_COMMIT_TAG", "v1.2.0"));
        assertThat(tag.name()).isNull();
        BranchResolver.Branch ghTag = branch(null, Map.of("GITHUB_REF", "refs/tags/v1"));
        assertThat(ghTag.name()).isNull();
        assertThat(ghTag.problem()).contains("refs/tags/v1");
        BranchResolver.Branch pull = branch(null, Map.of("GITHUB_REF", "refs/pull/42/merge"));
        assertThat(pull.name()).isNull();
        assertThat(pull.problem()).isEqualTo("GITHUB_REF is refs/pull/42/merge, which is not a branch");
        BranchResolver.Branch refName = branch(null, Map.of("CI_COMMIT_REF_NAME", "refs/merge-requests/7/head"));
        assertThat(refName.name()).isNull();
    }

    @Test
    void targetFromOptionThenCi() {
        assertThat(BranchResolver.target("main", Map.of("GITHUB_BASE_REF", "dev"))).isEqualTo("main");
        assertThat(BranchResolver.target(null, Map.of("GITHUB_BASE_REF", "dev"))).isEqualTo("dev");
        assertThat(BranchResolver.target(null, Map.of("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "release/1.0.0")))
                .isEqualTo("release/1.0.0");
        assertThat(BranchResolver.target(null, Map.of("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "main"))).isEqualTo("main");
        assertThat(BranchResolver.target(null, Map.of("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "false"))).isNull();
        assertThat(BranchResolver.target(null, Map.of())).isNull();
    }
}
