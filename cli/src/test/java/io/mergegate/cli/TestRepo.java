package io.mergegate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A real git repository built by a test with JGit: commits on {@code main}, then a PR branch. */
final class TestRepo implements AutoCloseable {

    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.invalid",
            Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    final Path dir;
    private final Git git;

    TestRepo(Path dir) {
        this.dir = dir;
        try {
            git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            git.getRepository().getConfig().setBoolean("commit", null, "gpgsign", false);
            git.getRepository().getConfig().save();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestRepo write(String path, String text) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String path) {
        try {
            return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code git mv FROM TO}. */
    TestRepo move(String from, String to) {
        String text = read(from);
        try {
            Files.delete(dir.resolve(from));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(to, text);
    }

    TestRepo commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates and checks out a branch at the current commit. */
    TestRepo branch(String name) {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
