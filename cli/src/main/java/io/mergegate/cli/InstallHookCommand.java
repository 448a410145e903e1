package io.mergegate.cli;

import io.mergegate.engine.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mergegate install-hook}: a git pre-commit hook that runs {@code mergegate check --staged}. */
@Command(name = "install-hook", mixinStandardHelpOptions = true,
        description = "Write the repository's pre-commit hook: it runs 'check --staged' with this jar (absolute path), "
                + "or 'mergegate' on PATH when the jar is gone. Refuses to replace a hook mergegate did not write "
                + "unless --force (the old hook is kept as pre-commit.mergegate-backup). Running it again is harmless.")
final class InstallHookCommand implements Callable<Integer> {

    static final String MARKER = "# mergegate-hook: v1";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--repo", paramLabel = "DIR", description = "Repository (default: current folder).")
    Path repo = Path.of(".");

    @Option(names = "--force", description = "Replace a pre-commit hook that mergegate did not write.")
    boolean force;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path hooks = hooksDir(repo);
        Path hook = hooks.resolve("pre-commit");
        String script = script(currentJar(), Path.of(System.getProperty("java.home"), "bin", "java"));
        PrintWriter out = spec.commandLine().getOut();
        if (Files.exists(hook)) {
            String existing = Files.readString(hook, StandardCharsets.UTF_8);
            if (existing.equals(script)) {
                out.println("mergegate: the pre-commit hook is already installed: " + hook);
                return 0;
            }
            if (!existing.contains(MARKER)) {
                if (!force) {
                    throw new UsageException(hook + " exists and was not written by mergegate; run pre-commit "
                            + "frameworks through their own config, or pass --force to replace it (a backup is kept)");
                }
                Path backup = hooks.resolve("pre-commit.mergegate-backup");
                Files.move(hook, backup, StandardCopyOption.REPLACE_EXISTING);
                out.println("mergegate: kept the previous hook as " + backup);
            }
        }
        Files.createDirectories(hooks);
        Path tmp = Files.createTempFile(hooks, "pre-commit", ".tmp");
        Files.writeString(tmp, script, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not POSIX (Windows): git for Windows runs hooks through its own sh regardless of the mode bits.
        }
        Files.move(tmp, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.println("mergegate: installed the pre-commit hook: " + hook);
        return 0;
    }

    /** {@code git rev-parse --git-path hooks}: honours worktrees and {@code core.hooksPath}. */
    static Path hooksDir(Path repo) throws IOException, InterruptedException {
        if (!Files.isDirectory(repo)) {
            throw new UsageException("--repo: not a folder: " + repo);
        }
        Process p;
        try {
            p = new ProcessBuilder("git", "rev-parse", "--git-path", "hooks").directory(repo.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UsageException("git is not installed or not on PATH: " + e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new UsageException(repo.toAbsolutePath().normalize() + " is not inside a git repository ("
                    + out.lines().findFirst().orElse("git rev-parse failed") + ")");
        }
        Path hooks = Path.of(out);
        return hooks.isAbsolute() ? hooks : repo.toAbsolutePath().resolve(hooks).normalize();
    }

    /** The jar this command runs from, or null when it does not run from a jar (tests, IDE). */
    static Path currentJar() {
        try {
            var src = InstallHookCommand.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return null;
            }
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p.toAbsolutePath().normalize() : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    static String script(Path jar, Path java) {
        StringBuilder sb = new StringBuilder();
        sb.append("#!/bin/sh\n");
        sb.append("# Written by 'mergegate install-hook': judges the staged changes before each commit.\n");
        sb.append("# Run it again to update; delete this file to uninstall; 'git commit --no-verify' skips it once.\n");
        sb.append(MARKER).append('\n');
        if (jar != null) {
            sb.append("jar=").append(quote(jar.toString())).append('\n');
            sb.append("java=").append(quote(java.toString())).append('\n');
            sb.append("""
                    if [ -f "$jar" ] && [ -x "$java" ]; then
                      set -- -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" check --staged
                      # Class-data sharing: the first run records the classes it loads, later runs start faster.
                      cache="${XDG_CACHE_HOME:-$HOME/.cache}/mergegate"
                      archive="$cache/hook-$(ls -ln "$jar" | cksum | cut -d' ' -f1).jsa"
                      if [ -f "$archive" ]; then
                        exec "$java" -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
                      elif mkdir -p "$cache" 2>/dev/null; then
                        exec "$java" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
                      fi
                      exec "$java" "$@"
                    fi
                    """);
        }
        sb.append("""
                if command -v mergegate >/dev/null 2>&1; then
                  exec mergegate check --staged
                fi
                echo "mergegate: the mergegate jar is gone and 'mergegate' is not on PATH; run 'mergegate install-hook' again" >&2
                exit 1
                """);
        return sb.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
