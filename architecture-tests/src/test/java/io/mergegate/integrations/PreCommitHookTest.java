package io.mergegate.integrations;

import static io.mergegate.integrations.Cli.git;
import static io.mergegate.integrations.Cli.mergegate;
import static io.mergegate.integrations.Cli.ok;
import static io.mergegate.integrations.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook as a developer meets it: {@code mergegate install-hook}, then a real
 * {@code git commit} that the hook rejects for a staged fake secret and for a commit straight onto
 * main, and accepts once fixed; then the same through the pre-commit framework with this
 * repository's {@code .pre-commit-hooks.yaml}.
 */
class PreCommitHookTest {

    @TempDir
    Path tmp;

    /** A fake AWS secret access key, generated here so that no scanner flags this source file. */
    static String fakeSecret() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";
        java.util.Random r = new java.util.Random(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    Map<String, String> env() {
        return Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString(), "HOME", tmp.resolve("home").toString());
    }

    Path newRepo() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        Files.createDirectories(tmp.resolve("home"));
        ok(git(repo, "init", "-q", "-b", "main"));
        write(repo.resolve("README.md"), "demo\n");
        write(repo.resolve(".github/CODEOWNERS"), "* @acme/core\n");
        ok(git(repo, "add", "-A"));
        ok(git(repo, "commit", "-q", "-m", "base"));
        return repo;
    }

    @Test
    void install_hook_refuses_a_foreign_hook_and_is_idempotent() throws Exception {
        Path repo = newRepo();
        Path hook = repo.resolve(".git/hooks/pre-commit");
        write(hook, "#!/bin/sh\necho mine\n");
        Cli.Result refused = mergegate(repo, env(), "install-hook");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("was not written by mergegate").contains("--force");
        assertThat(Files.readString(hook)).isEqualTo("#!/bin/sh\necho mine\n");

        ok(mergegate(repo, env(), "install-hook", "--force"));
        assertThat(Files.readString(repo.resolve(".git/hooks/pre-commit.mergegate-backup"))).contains("echo mine");
        String installed = Files.readString(hook);
        assertThat(installed).contains("# mergegate-hook: v1").contains(Cli.jar().toString()).contains("check --staged");
        assertThat(Files.isExecutable(hook)).isTrue();

        Cli.Result again = ok(mergegate(repo, env(), "install-hook", "--repo", repo.toString()));
        assertThat(again.out()).contains("already installed");
        assertThat(Files.readString(hook)).isEqualTo(installed);
    }

    @Test
    void a_real_commit_is_rejected_for_a_staged_secret_and_on_main_and_accepted_when_fixed() throws Exception {
        Path repo = newRepo();
        ok(mergegate(repo, env(), "install-hook"));

        write(repo.resolve("notes.txt"), "hello\n");
        ok(git(repo, env(), "add", "notes.txt"));
        Cli.Result onMain = git(repo, env(), "commit", "-m", "straight onto main");
        assertThat(onMain.exit()).as(onMain.all()).isNotZero();
        assertThat(onMain.all()).contains("branch/direct-commit-to-protected");

        ok(git(repo, env(), "checkout", "-q", "-b", "feature/CORE-42-settings"));
        write(repo.resolve("config/app.properties"), "region=eu-west-1\naws_secret_access_key=" + fakeSecret() + "\n");
        ok(git(repo, env(), "add", "config/app.properties"));
        Cli.Result secret = git(repo, env(), "commit", "-m", "settings");
        assertThat(secret.exit()).as(secret.all()).isNotZero();
        assertThat(secret.all()).contains("secrets/aws-secret-access-key").contains("config/app.properties");
        assertThat(secret.all()).doesNotContain(fakeSecret());
        assertThat(ok(git(repo, "rev-list", "--count", "HEAD")).out().trim()).isEqualTo("1");

        write(repo.resolve("config/app.properties"), "region=eu-west-1\naws_secret_access_key=${AWS_SECRET_ACCESS_KEY}\n");
        ok(git(repo, env(), "add", "config/app.properties"));
        Cli.Result fixed = git(repo, env(), "commit", "-m", "settings from the environment");
        assertThat(fixed.exit()).as(fixed.all()).isZero();
        assertThat(ok(git(repo, "rev-list", "--count", "HEAD")).out().trim()).isEqualTo("2");
    }

    @Test
    void the_pre_commit_framework_runs_the_published_hook() throws Exception {
        assumeTrue(Repo.onPath("pre-commit") || Repo.inCi(), "pre-commit is not installed (apt-get install pre-commit)");
        // The hook repository as pre-commit clones it: the manifest and the launcher it names.
        Path hooks = tmp.resolve("hook-repo");
        Files.createDirectories(hooks.resolve("bin"));
        Files.copy(Repo.root().resolve(".pre-commit-hooks.yaml"), hooks.resolve(".pre-commit-hooks.yaml"));
        Files.copy(Repo.root().resolve("bin/mergegate"), hooks.resolve("bin/mergegate"), StandardCopyOption.COPY_ATTRIBUTES);
        ok(git(hooks, "init", "-q", "-b", "main"));
        ok(git(hooks, "add", "-A"));
        ok(git(hooks, "commit", "-q", "-m", "hooks"));
        String rev = ok(git(hooks, "rev-parse", "HEAD")).out().trim();

        Path repo = newRepo();
        write(repo.resolve(".pre-commit-config.yaml"), """
                repos:
                  - repo: %s
                    rev: %s
                    hooks:
                      - id: mergegate
                """.formatted(hooks, rev));
        ok(git(repo, "add", ".pre-commit-config.yaml"));
        ok(git(repo, "commit", "-q", "-m", "pre-commit config"));
        ok(git(repo, "checkout", "-q", "-b", "feature/CORE-43-framework"));
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-home").toString());
        env.put("MERGEGATE_JAR", Cli.jar().toString());
        env.put("PATH", Cli.java().getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
        ok(Cli.run(repo, env, List.of("pre-commit", "install")));

        write(repo.resolve("deploy.env"), "AWS_SECRET_ACCESS_KEY=" + fakeSecret() + "\n");
        ok(git(repo, env, "add", "deploy.env"));
        Cli.Result rejected = git(repo, env, "commit", "-m", "deploy settings");
        assertThat(rejected.exit()).as(rejected.all()).isNotZero();
        assertThat(rejected.all()).contains("mergegate (staged changes)").contains("Failed").contains("secrets/aws-secret-access-key");

        write(repo.resolve("deploy.env"), "AWS_REGION=eu-west-1\n");
        ok(git(repo, env, "add", "deploy.env"));
        Cli.Result accepted = git(repo, env, "commit", "-m", "deploy settings");
        assertThat(accepted.exit()).as(accepted.all()).isZero();
        assertThat(accepted.all()).contains("mergegate (staged changes)").contains("Passed");
    }
}
