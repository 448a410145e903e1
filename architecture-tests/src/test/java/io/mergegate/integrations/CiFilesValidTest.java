package io.mergegate.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** The CI integration files pass the shared validators in strict mode and keep their security properties. */
class CiFilesValidTest {

    static final Path ROOT = Repo.root();

    @ParameterizedTest
    @ValueSource(strings = {"github-action/action.yml", "github-action/examples/mergegate.yml",
            "gitlab-template/templates/mergegate.yml", ".pre-commit-hooks.yaml"})
    void passes_validate_ci_yaml_strict(String file) throws Exception {
        Path validator = Repo.shared().resolve("tools/validate-ci-yaml.sh");
        assumeTrue(Files.isExecutable(validator) || Repo.inCi(), "no shared validators here");
        Process p = new ProcessBuilder("bash", validator.toString(), "--strict", ROOT.resolve(file).toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("0 error(s), 0 warning(s)");
    }

    @Test
    void the_use_in_ci_snippets_pass_the_validators_too() throws Exception {
        Path validator = Repo.shared().resolve("tools/validate-ci-yaml.sh");
        assumeTrue(Files.isExecutable(validator) || Repo.inCi(), "no shared validators here");
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(ROOT.resolve("docs/use-in-ci.md")));
        java.util.Map<String, String> kinds = new java.util.LinkedHashMap<>();
        Path dir = Files.createTempDirectory("use-in-ci");
        int i = 0;
        while (m.find()) {
            String yaml = m.group(1);
            String kind = yaml.startsWith("name:") ? "workflow" : yaml.startsWith("include:") ? "gitlab"
                    : yaml.startsWith("repos:") ? null : yaml.startsWith("steps:") ? null : "unknown";
            assertThat(new Yaml().<Object>load(yaml)).as("snippet %d parses", i).isNotNull();
            if (kind != null) {
                Path f = dir.resolve("snippet" + i++ + ".yml");
                Files.writeString(f, yaml);
                kinds.put(f.toString(), kind);
            }
        }
        assertThat(kinds.values()).containsExactlyInAnyOrder("workflow", "gitlab");
        for (var e : kinds.entrySet()) {
            Process p = new ProcessBuilder("bash", validator.toString(), "--strict", "--kind", e.getValue(), e.getKey())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        }
    }

    @Test
    void the_action_passes_untrusted_values_to_scripts_only_through_env() throws Exception {
        Map<String, Object> action = yaml("github-action/action.yml");
        List<Map<String, Object>> steps = steps(action);
        for (Map<String, Object> step : steps) {
            if (step.get("run") instanceof String run) {
                assertThat(run).as("run: of step %s", step.get("name")).doesNotContain("${{");
            }
        }
        assertThat(steps).anySatisfy(s -> {
            assertThat(s.get("uses")).isEqualTo("github/codeql-action/upload-sarif@v4");
            assertThat((String) s.get("if")).startsWith("always()");
            assertThat(with(s)).containsKey("category");
        });
        assertThat(steps).anySatisfy(s -> assertThat(String.valueOf(s.get("uses"))).startsWith("actions/setup-java@"));
        Map<?, ?> inputs = (Map<?, ?>) action.get("inputs");
        inputs.forEach((k, v) -> assertThat(((Map<?, ?>) v).get("description")).as("description of input %s", k).isNotNull());
    }

    @Test
    void the_example_workflow_and_the_readme_agree_and_fetch_full_history() throws Exception {
        String example = Files.readString(ROOT.resolve("github-action/examples/mergegate.yml"));
        String readme = Files.readString(ROOT.resolve("github-action/README.md"));
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).isTrue();
        assertThat(new Yaml().<Object>load(m.group(1))).isEqualTo(new Yaml().load(example));
        Map<String, Object> wf = yaml("github-action/examples/mergegate.yml");
        assertThat(map(wf.get("permissions"))).containsEntry("security-events", "write").containsEntry("contents", "read");
        assertThat(example).contains("fetch-depth: 0");
    }

    @Test
    void the_gitlab_component_runs_on_merge_requests_with_full_history_and_always_uploads_reports() throws Exception {
        String text = Files.readString(ROOT.resolve("gitlab-template/templates/mergegate.yml"));
        assertThat(text).contains("CI_MERGE_REQUEST_DIFF_BASE_SHA").contains("merge_request_event").contains("GIT_DEPTH: \"0\"");
        List<Object> docs = new java.util.ArrayList<>();
        new Yaml().loadAll(text).forEach(docs::add);
        assertThat(docs).hasSize(2);
        assertThat(map(docs.get(0))).containsOnlyKeys("spec");
        Map<String, Object> jobs = map(docs.get(1));
        assertThat(jobs).hasSize(1).doesNotContainKeys("stages", "variables", "default", "workflow", "include", "image");
        Map<String, Object> artifacts = map(map(jobs.values().iterator().next()).get("artifacts"));
        assertThat(artifacts.get("when")).isEqualTo("always");
        assertThat(map(artifacts.get("reports"))).containsKeys("junit", "codequality");
    }

    @Test
    void the_buildkite_step_uploads_junit_and_annotates_with_the_markdown_summary() throws Exception {
        Map<String, Object> pipeline = yaml("buildkite/pipeline.yml");
        Map<String, Object> step = map(list(pipeline.get("steps")).get(0));
        assertThat(list(step.get("artifact_paths"))).contains("mergegate-junit.xml");
        assertThat((String) step.get("command")).contains("buildkite-agent annotate").contains("--markdown mergegate-summary.md");
    }

    @Test
    void the_pre_commit_hook_has_no_stages_and_runs_once_on_the_index() throws Exception {
        List<Object> hooks = new Yaml().load(Files.readString(ROOT.resolve(".pre-commit-hooks.yaml")));
        Map<String, Object> hook = map(hooks.get(0));
        assertThat(hook).doesNotContainKey("stages").containsEntry("pass_filenames", false).containsEntry("always_run", true);
        assertThat((String) hook.get("entry")).endsWith("check --staged");
        assertThat(Files.isExecutable(ROOT.resolve(((String) hook.get("entry")).split(" ")[0]))).isTrue();
    }

    private static Map<String, Object> yaml(String file) throws Exception {
        return new Yaml().load(Files.readString(ROOT.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> action) {
        return (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
    }

    private static Map<String, Object> with(Map<String, Object> step) {
        return map(step.get("with"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
