package io.mergegate.engine;

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
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a temporary folder, driven by JGit. */
final class TestGit implements AutoCloseable {

    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.invalid",
            Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    final Path dir;
    final Git git;

    TestGit(Path dir) {
        this.dir = dir;
        try {
            this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    TestGit write(String path, String text) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestGit delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestGit stage() {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    RevCommit commit(String message) {
        stage();
        try {
            return git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    TestGit branch(String name) {
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
