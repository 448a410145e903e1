package io.mergegate.engine.git;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Finds git's system-wide config without running git. JGit's default reader asks {@code git --version}
 * and {@code git config --system --show-origin} on first use: two process spawns that cost every run,
 * a pre-commit hook included, tens of milliseconds. Git keeps that file at {@code $(prefix)/etc/gitconfig}
 * ({@code /etc/gitconfig} for the prefix {@code /usr}) and honours {@code GIT_CONFIG_SYSTEM} and
 * {@code GIT_CONFIG_NOSYSTEM}, so the same answer comes from the {@code git} found on the PATH.
 */
final class SpawnFreeSystemReader extends SystemReader.Delegate {

    private SpawnFreeSystemReader(SystemReader delegate) {
        super(delegate);
    }

    /** Makes JGit use this reader (once per process; a reader set by someone else stays underneath). */
    static synchronized void install() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof SpawnFreeSystemReader)) {
            SystemReader.setInstance(new SpawnFreeSystemReader(current));
        }
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return configAt(systemConfig(this::getenv, Files::isExecutable), parent, fs);
    }

    /** The config in {@code file}, or an empty one when there is no such file. */
    static FileBasedConfig configAt(Path file, Config parent, FS fs) {
        if (file != null && Files.isRegularFile(file)) {
            return new FileBasedConfig(parent, file.toFile(), fs);
        }
        return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
                // no system config: nothing to read
            }

            @Override
            public boolean isOutdated() {
                return false;
            }
        };
    }

    /**
     * Where git reads its system config, or null when it reads none ({@code GIT_CONFIG_NOSYSTEM}).
     *
     * @param env        the environment
     * @param executable whether a path is an executable file (for finding git on the PATH)
     */
    static Path systemConfig(Function<String, String> env, Predicate<Path> executable) {
        String noSystem = env.apply("GIT_CONFIG_NOSYSTEM");
        if (noSystem != null && !noSystem.isEmpty() && !noSystem.equalsIgnoreCase("false") && !noSystem.equals("0")) {
            return null;
        }
        String explicit = env.apply("GIT_CONFIG_SYSTEM");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String path = env.apply("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path bin = Path.of(dir);
                if (executable.test(bin.resolve("git")) || executable.test(bin.resolve("git.exe"))) {
                    return prefixConfig(bin.toAbsolutePath().getParent());
                }
            }
        }
        return Path.of("/etc/gitconfig");
    }

    private static Path prefixConfig(Path prefix) {
        if (prefix == null || prefix.equals(Path.of("/usr")) || prefix.getParent() == null) {
            return Path.of("/etc/gitconfig");
        }
        return prefix.resolve("etc").resolve("gitconfig");
    }
}
