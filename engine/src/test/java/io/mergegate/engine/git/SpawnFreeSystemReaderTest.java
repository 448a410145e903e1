package io.mergegate.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git's system config is found where git keeps it, without running git. */
class SpawnFreeSystemReaderTest {

    @TempDir
    Path tmp;

    private static Path where(Map<String, String> env, Set<Path> executables) {
        return SpawnFreeSystemReader.systemConfig(env::get, executables::contains);
    }

    @Test
    void followsTheGitOnThePath() {
        Path local = Path.of("/opt/homebrew/bin");
        String path = String.join(File.pathSeparator, "/nowhere", local.toString(), "/usr/bin");
        assertThat(where(Map.of("PATH", path), Set.of(local.resolve("git"), Path.of("/usr/bin/git"))))
                .isEqualTo(Path.of("/opt/homebrew/etc/gitconfig"));
        assertThat(where(Map.of("PATH", "/usr/bin"), Set.of(Path.of("/usr/bin/git"))))
                .as("prefix /usr keeps its config in /etc").isEqualTo(Path.of("/etc/gitconfig"));
        assertThat(where(Map.of("PATH", "/usr/bin"), Set.of())).as("no git on the PATH").isEqualTo(Path.of("/etc/gitconfig"));
    }

    @Test
    void honoursGitsEnvironmentVariables() {
        assertThat(where(Map.of("GIT_CONFIG_NOSYSTEM", "1", "PATH", "/usr/bin"), Set.of(Path.of("/usr/bin/git")))).isNull();
        assertThat(where(Map.of("GIT_CONFIG_NOSYSTEM", "false"), Set.of())).isEqualTo(Path.of("/etc/gitconfig"));
        assertThat(where(Map.of("GIT_CONFIG_SYSTEM", "/srv/git/config", "PATH", "/usr/bin"), Set.of()))
                .isEqualTo(Path.of("/srv/git/config"));
    }

    @Test
    void openingARepositoryInstallsTheReader() throws Exception {
        org.eclipse.jgit.api.Git.init().setDirectory(tmp.resolve("repo").toFile()).call().close();
        GitRepository.open(tmp.resolve("repo")).close();
        assertThat(SystemReader.getInstance()).isInstanceOf(SpawnFreeSystemReader.class);
    }

    @Test
    void readsTheFileWhenItExistsAndNothingOtherwise() throws Exception {
        Path file = Files.writeString(tmp.resolve("gitconfig"), "[core]\n\tautocrlf = input\n");
        var present = SpawnFreeSystemReader.configAt(file, null, FS.DETECTED);
        present.load();
        assertThat(present.getString("core", null, "autocrlf")).isEqualTo("input");
        for (Path none : new Path[] {tmp.resolve("missing"), null}) {
            var empty = SpawnFreeSystemReader.configAt(none, null, FS.DETECTED);
            empty.load();
            assertThat(empty.getSections()).isEmpty();
            assertThat(empty.isOutdated()).isFalse();
        }
    }
}
