package io.mergegate.checkers.prmeta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mergegate.core.spi.PullRequest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PullRequestMetadataTest {

    private static Function<String, Optional<String>> files(Map<String, String> files) {
        return p -> Optional.ofNullable(files.get(p));
    }

    @Test
    void githubPullRequestEvent() {
        String event = """
                {"action":"opened","pull_request":{"title":"CORE-12 Add login","body":"## Done\\n- [x] a",
                 "draft":true,"labels":[{"name":"api"},{"name":"backend"}],
                 "base":{"ref":"main"},"head":{"ref":"feature/CORE-12-add-login"}}}""";
        PullRequest pr = PullRequestMetadata.fromEnvironment(Map.of("GITHUB_EVENT_PATH", "/e.json"),
                files(Map.of("/e.json", event)));
        assertThat(pr.hasMetadata()).isTrue();
        assertThat(pr.title()).isEqualTo("CORE-12 Add login");
        assertThat(pr.body()).isEqualTo("## Done\n- [x] a");
        assertThat(pr.labels()).containsExactly("api", "backend");
        assertThat(pr.draft()).isTrue();
        assertThat(pr.branch()).isEqualTo("feature/CORE-12-add-login");
        assertThat(pr.target()).isEqualTo("main");
        assertThat(pr.metadataSource()).isEqualTo(PullRequestMetadata.GITHUB_EVENT);
    }

    @Test
    void nullBodyIsEmpty() {
        String event = "{\"pull_request\":{\"title\":\"t\",\"body\":null,\"head\":{\"ref\":\"x\"},\"base\":{\"ref\":\"main\"}}}";
        PullRequest pr = PullRequestMetadata.fromEnvironment(Map.of("GITHUB_EVENT_PATH", "e"), files(Map.of("e", event)));
        assertThat(pr.body()).isEmpty();
        assertThat(pr.draft()).isFalse();
    }

    @Test
    void pushEventHasNoMetadata() {
        PullRequest pr = PullRequestMetadata.fromEnvironment(
                Map.of("GITHUB_EVENT_PATH", "e", "GITHUB_HEAD_REF", ""), files(Map.of("e", "{\"ref\":\"refs/heads/main\"}")));
        assertThat(pr.hasMetadata()).isFalse();
    }

    @Test
    void eventThatIsNotJsonIsAClearError() {
        Map<String, String> env = Map.of("GITHUB_EVENT_PATH", "/tmp/event.json");
        Function<String, Optional<String>> read = files(Map.of("/tmp/event.json", "not json at all"));
        assertThatThrownBy(() -> PullRequestMetadata.fromEnvironment(env, read))
                .isInstanceOf(PullRequestMetadata.InvalidEventException.class)
                .hasMessageContaining("/tmp/event.json").hasMessageContaining("is not JSON");
        PullRequestMetadata.Result r = PullRequestMetadata.tryRead(env, read);
        assertThat(r.pullRequest().hasMetadata()).isFalse();
        assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).contains("GITHUB_EVENT_PATH"));
        assertThat(PullRequestMetadata.tryRead(env, files(Map.of())).error()).isPresent();
        assertThat(PullRequestMetadata.tryRead(env, files(Map.of("/tmp/event.json", "[1,2]"))).error()).isPresent();
    }

    @Test
    void gitlabVariables() {
        PullRequest pr = PullRequestMetadata.fromEnvironment(Map.of(
                "CI_MERGE_REQUEST_IID", "7", "CI_MERGE_REQUEST_TITLE", "Draft: CORE-12 Add login",
                "CI_MERGE_REQUEST_DESCRIPTION", "body", "CI_MERGE_REQUEST_LABELS", "api, backend",
                "CI_MERGE_REQUEST_DESCRIPTION_IS_TRUNCATED", "true",
                "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature/CORE-12-add-login",
                "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"), files(Map.of()));
        assertThat(pr.title()).isEqualTo("Draft: CORE-12 Add login");
        assertThat(pr.body()).isEqualTo("body");
        assertThat(pr.labels()).containsExactly("api", "backend");
        assertThat(pr.bodyTruncated()).isTrue();
        assertThat(pr.draft()).isTrue();
        assertThat(pr.branch()).isEqualTo("feature/CORE-12-add-login");
        assertThat(pr.target()).isEqualTo("main");
        assertThat(pr.metadataSource()).isEqualTo(PullRequestMetadata.GITLAB_VARIABLES);
    }

    @Test
    void gitlabWithoutDescriptionIsEmpty() {
        PullRequest pr = PullRequestMetadata.fromEnvironment(Map.of("CI_MERGE_REQUEST_IID", "1",
                "CI_MERGE_REQUEST_TITLE", "t"), files(Map.of()));
        assertThat(pr.body()).isEmpty();
        assertThat(pr.bodyTruncated()).isFalse();
    }

    @Test
    void noContextIsSaidExplicitly() {
        PullRequest pr = PullRequestMetadata.fromEnvironment(Map.of(), files(Map.of()));
        assertThat(pr.hasMetadata()).isFalse();
        assertThat(pr.branchProblem()).isNotBlank();
    }

    @Test
    void commandLineKeepsTheBranch() {
        PullRequest known = new PullRequest("feature/X-1-a", "git", null, "main", null, null, null, false, false, null);
        PullRequest pr = PullRequestMetadata.local(known, "X-1 a", "## Body");
        assertThat(pr.branch()).isEqualTo("feature/X-1-a");
        assertThat(pr.body()).isEqualTo("## Body");
        assertThat(pr.metadataSource()).isEqualTo(PullRequestMetadata.COMMAND_LINE);
    }
}
