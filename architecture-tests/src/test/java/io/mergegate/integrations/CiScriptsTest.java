package io.mergegate.integrations;

import static io.mergegate.integrations.Cli.git;
import static io.mergegate.integrations.Cli.ok;
import static io.mergegate.integrations.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the shell the CI integrations really run (the GitHub action's gate step, the GitLab
 * component's script, the Buildkite command) in a pull-request-shaped repository, with the
 * environment each CI provides, and checks exit codes and the files they leave behind.
 */
class CiScriptsTest {

    @TempDir
    Path tmp;

    Path repo;
    String baseSha;

    @BeforeEach
    void pullRequest() throws Exception {
        repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        ok(git(repo, "init", "-q", "-b", "main"));
        write(repo.resolve(".github/CODEOWNERS"), "* @acme/core\n");
        write(repo.resolve("README.md"), "shop\n");
        ok(git(repo, "add", "-A"));
        ok(git(repo, "commit", "-q", "-m", "base"));
        baseSha = ok(git(repo, "rev-parse", "HEAD")).out().trim();
        ok(git(repo, "checkout", "-q", "-b", "wip_stuff"));
        write(repo.resolve("README.md"), "shop\nmore\n");
        ok(git(repo, "commit", "-q", "-am", "change"));
    }

    @Test
    void the_github_action_gate_step_blocks_annotates_and_writes_the_summary_and_outputs() throws Exception {
        Map<String, Object> action = new Yaml().load(Files.readString(Repo.root().resolve("github-action/action.yml")));
        Map<String, Object> step = step(action, "gate");
        Map<String, String> env = new HashMap<>();
        ((Map<?, ?>) step.get("env")).forEach((k, v) -> env.put((String) k, ""));
        env.put("MERGEGATE_JAR", Cli.jar().toString());
        env.put("INPUT_SARIF", "mergegate.sarif");
        env.put("INPUT_JUNIT", "mergegate-junit.xml");
        env.put("INPUT_CATEGORY", "mergegate");
        env.put("PR_BASE_SHA", baseSha);
        env.put("RUNNER_TEMP", Files.createDirectories(tmp.resolve("runner")).toString());
        env.put("GITHUB_OUTPUT", tmp.resolve("runner/output").toString());
        env.put("GITHUB_STEP_SUMMARY", tmp.resolve("runner/summary").toString());
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_HEAD_REF", "wip_stuff");
        env.put("GITHUB_BASE_REF", "main");

        Cli.Result r = Cli.run(repo, env, List.of("bash", "-e", "-c", (String) step.get("run")));
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("::error ").contains("title=branch/invalid-name");
        assertThat(r.out()).contains("::error title=mergegate::blocking findings");
        assertThat(Files.readString(tmp.resolve("runner/output"))).contains("exit-code=1").contains("sarif=mergegate.sarif");
        assertThat(Files.readString(tmp.resolve("runner/summary"))).contains("branch/invalid-name");
        assertThat(repo.resolve("mergegate.sarif")).exists();
        assertThat(repo.resolve("mergegate-junit.xml")).exists();

        ok(git(repo, "branch", "-m", "feature/CORE-5-readme"));
        env.put("GITHUB_HEAD_REF", "feature/CORE-5-readme");
        Files.delete(tmp.resolve("runner/output"));
        Cli.Result passed = Cli.run(repo, env, List.of("bash", "-e", "-c", (String) step.get("run")));
        assertThat(passed.exit()).as(passed.all()).isZero();
        assertThat(Files.readString(tmp.resolve("runner/output"))).contains("exit-code=0");
    }

    @Test
    void the_gitlab_component_script_writes_junit_and_code_quality_and_blocks() throws Exception {
        List<Object> docs = new java.util.ArrayList<>();
        new Yaml().loadAll(Files.readString(Repo.root().resolve("gitlab-template/templates/mergegate.yml"))).forEach(docs::add);
        Map<?, ?> job = (Map<?, ?>) ((Map<?, ?>) docs.get(1)).values().iterator().next();
        String script = String.join("\n", ((List<?>) job.get("script")).stream().map(String::valueOf).toList());
        Map<String, String> env = new HashMap<>();
        env.put("CI_PROJECT_DIR", repo.toString());
        env.put("CI_MERGE_REQUEST_DIFF_BASE_SHA", baseSha);
        env.put("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "wip_stuff");
        env.put("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main");
        env.put("MERGEGATE_JAR_SOURCE", Cli.jar().toString());
        env.put("MERGEGATE_CONFIG", "");
        env.put("MERGEGATE_FAIL_ON", "");
        env.put("MERGEGATE_ONLY", "");

        Cli.Result r = Cli.run(repo, env, List.of("sh", "-c", script));
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        for (String report : List.of("mergegate-junit.xml", "gl-code-quality-report.json", "mergegate.sarif", "mergegate-summary.md")) {
            assertThat(repo.resolve(report)).as(report).exists();
        }
        assertThat(Files.readString(repo.resolve("gl-code-quality-report.json"))).contains("\"check_name\": \"branch/invalid-name\"");

        env.put("MERGEGATE_FAIL_ON", "none");
        Cli.Result relaxed = Cli.run(repo, env, List.of("sh", "-c", script));
        assertThat(relaxed.exit()).as(relaxed.all()).isZero();
    }

    @Test
    void the_buildkite_step_uploads_junit_and_annotates_with_the_summary() throws Exception {
        Map<String, Object> pipeline = new Yaml().load(Files.readString(Repo.root().resolve("buildkite/pipeline.yml")));
        Map<?, ?> step = (Map<?, ?>) ((List<?>) pipeline.get("steps")).get(0);
        // Buildkite turns $$ into a literal $ before the agent runs the command.
        String command = ((String) step.get("command")).replace("$$", "$");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path agent = bin.resolve("buildkite-agent");
        Files.writeString(agent, "#!/bin/sh\necho \"$@\" > \"$AGENT_LOG\"\ncat >> \"$AGENT_LOG\"\n");
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path origin = tmp.resolve("origin.git");
        ok(git(tmp, "clone", "-q", "--bare", repo.toString(), origin.toString()));
        ok(git(repo, "remote", "add", "origin", origin.toString()));

        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("AGENT_LOG", tmp.resolve("agent.log").toString());
        env.put("MERGEGATE_JAR", Cli.jar().toString());
        env.put("BUILDKITE_PULL_REQUEST_BASE_BRANCH", "main");
        env.put("BUILDKITE_BRANCH", "wip_stuff");
        Cli.Result r = Cli.run(repo, env, List.of("bash", "-e", "-c", command));
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        String log = Files.readString(tmp.resolve("agent.log"));
        assertThat(log).startsWith("annotate --context mergegate --style error").contains("branch/invalid-name");
        for (Object artifact : (List<?>) step.get("artifact_paths")) {
            assertThat(repo.resolve((String) artifact)).as("artifact %s", artifact).exists();
        }
    }

    private static Map<String, Object> step(Map<String, Object> action, String id) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
        return steps.stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow();
    }
}
