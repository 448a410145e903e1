package io.mergegate.checkers.prmeta;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.spi.PullRequest;
import io.mergegate.testkit.FixtureCase;
import io.mergegate.testkit.FixtureHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fixture cases that carry a GitHub event file ({@code github-event.json}), GitLab variables
 * ({@code env:} with {@code CI_MERGE_REQUEST_*}) or a {@code --pr-body} file ({@code pr-body.md}):
 * what {@link PullRequestMetadata} reads from them must be exactly the {@code pr:} the case is judged with.
 */
class FixtureSourcesTest {

    @TestFactory
    Stream<DynamicTest> sourcesAgreeWithCaseYaml() {
        List<DynamicTest> tests = new ArrayList<>();
        for (FixtureCase c : FixtureHarness.cases(List.of("dor", "dod", "pr"))) {
            Map<?, ?> pr = c.options().get("pr") instanceof Map<?, ?> m ? m : Map.of();
            Path event = c.dir().resolve("github-event.json");
            Path body = c.dir().resolve("pr-body.md");
            Map<String, String> env = new HashMap<>();
            if (c.options().get("env") instanceof Map<?, ?> e) {
                e.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
            }
            if (Files.isRegularFile(event)) {
                tests.add(DynamicTest.dynamicTest(c.displayName() + " (GitHub event)", () -> {
                    PullRequest read = PullRequestMetadata.fromEnvironment(Map.of("GITHUB_EVENT_PATH", event.toString()),
                            p -> Optional.of(read(Path.of(p))));
                    assertSame(c, pr, read);
                }));
            }
            if (env.containsKey("CI_MERGE_REQUEST_IID")) {
                tests.add(DynamicTest.dynamicTest(c.displayName() + " (GitLab variables)", () ->
                        assertSame(c, pr, PullRequestMetadata.fromEnvironment(env, p -> Optional.empty()))));
            }
            if (Files.isRegularFile(body)) {
                tests.add(DynamicTest.dynamicTest(c.displayName() + " (--pr-body)", () -> assertSame(c, pr,
                        PullRequestMetadata.local(null, String.valueOf(pr.get("title")), read(body)))));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(4);
        return tests.stream();
    }

    private static void assertSame(FixtureCase c, Map<?, ?> pr, PullRequest read) {
        assertThat(read.title()).as(c.displayName()).isEqualTo(String.valueOf(pr.get("title")));
        assertThat(read.body()).as(c.displayName()).isEqualTo(String.valueOf(pr.get("body")));
        assertThat(read.draft()).isEqualTo(Boolean.TRUE.equals(pr.get("draft")));
        assertThat(read.bodyTruncated()).isEqualTo(Boolean.TRUE.equals(pr.get("truncated")));
        if (c.options().get("branch") != null && !read.metadataSource().equals(PullRequestMetadata.COMMAND_LINE)) {
            assertThat(read.branch()).isEqualTo(String.valueOf(c.options().get("branch")));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
