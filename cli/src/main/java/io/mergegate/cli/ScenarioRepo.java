package io.mergegate.cli;

import io.mergegate.engine.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Builds a real git repository from a scenario folder ({@code base/}, {@code head/}, {@code scenario.yaml}):
 * the base commit on the target branch, the head commit on the PR branch. Used by {@code mergegate demo}
 * and by the end-to-end tests.
 */
public final class ScenarioRepo {

    private static final PersonIdent AUTHOR = new PersonIdent("mergegate demo", "demo@example.invalid",
            java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);

    private final Path dir;
    private final Map<String, Object> scenario;

    private ScenarioRepo(Path dir, Map<String, Object> scenario) {
        this.dir = dir;
        this.scenario = scenario;
    }

    /** Reads {@code scenario.yaml} of a scenario folder. */
    public static ScenarioRepo load(Path scenarioDir) {
        Path file = scenarioDir.resolve("scenario.yaml");
        Map<String, Object> map = Map.of();
        if (Files.isRegularFile(file)) {
            try {
                Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
                if (o instanceof Map<?, ?>) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) o;
                    map = m;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ScenarioRepo(scenarioDir, map);
    }

    public Map<String, Object> scenario() {
        return scenario;
    }

    public String branch() {
        return String.valueOf(scenario.getOrDefault("branch", "feature/CORE-1-demo"));
    }

    public String target() {
        return String.valueOf(scenario.getOrDefault("target", "main"));
    }

    /** Creates the repository in {@code repoDir} (which must not exist or be empty); HEAD ends on the PR branch. */
    public Path build(Path repoDir) {
        try {
            Files.createDirectories(repoDir);
            try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch(target()).call()) {
                git.getRepository().getConfig().setBoolean("commit", null, "gpgsign", false);
                git.getRepository().getConfig().setBoolean("core", null, "autocrlf", false);
                git.getRepository().getConfig().save();
                replaceTree(repoDir, dir.resolve("base"));
                git.add().addFilepattern(".").call();
                git.commit().setMessage("base").setAuthor(AUTHOR).setCommitter(AUTHOR).setAllowEmpty(true)
                        .setSign(false).call();
                git.checkout().setCreateBranch(true).setName(branch()).call();
                replaceTree(repoDir, dir.resolve("head"));
                git.add().addFilepattern(".").call();
                git.add().addFilepattern(".").setUpdate(true).call();
                git.commit().setMessage(String.valueOf(scenario.getOrDefault("message", "head"))).setAuthor(AUTHOR)
                        .setCommitter(AUTHOR).setAllowEmpty(true).setSign(false).call();
            }
            return repoDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new UsageException("cannot build the scenario repository: " + e.getMessage(), e);
        }
    }

    /** Makes the working tree hold exactly the files of {@code side} (keeping .git). */
    private static void replaceTree(Path repo, Path side) throws IOException {
        try (Stream<Path> s = Files.list(repo)) {
            for (Path p : s.filter(p -> !p.getFileName().toString().equals(".git")).toList()) {
                deleteRecursively(p);
            }
        }
        if (!Files.isDirectory(side)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(side)) {
            files = s.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path f : files) {
            Path dest = repo.resolve(side.relativize(f).toString());
            Files.createDirectories(dest.getParent());
            if (Files.isSymbolicLink(f)) {
                Files.createSymbolicLink(dest, Files.readSymbolicLink(f));
            } else {
                Files.copy(f, dest);
            }
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
