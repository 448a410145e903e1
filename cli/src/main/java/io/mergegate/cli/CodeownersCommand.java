package io.mergegate.cli;

import io.mergegate.checkers.codeowners.CodeownersAudit;
import io.mergegate.checkers.codeowners.Platform;
import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import io.mergegate.engine.UsageException;
import io.mergegate.engine.config.ConfigLoader;
import io.mergegate.engine.config.GateConfig;
import io.mergegate.engine.git.GitRepository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mergegate codeowners audit|who}: effective CODEOWNERS ownership at a revision. */
@Command(name = "codeowners", mixinStandardHelpOptions = true,
        description = "Effective code owners with the exact semantics of GitHub or GitLab.",
        subcommands = {CodeownersCommand.Audit.class, CodeownersCommand.Who.class})
final class CodeownersCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where to read the files and CODEOWNERS from. */
    static final class TreeOptions {
        @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "Repository folder (default: .).")
        Path repo;

        @Option(names = "--rev", paramLabel = "REV",
                description = "Revision to read (default: HEAD; a folder outside git is read as it is on disk).")
        String rev;

        @Option(names = "--platform", paramLabel = "github|gitlab",
                description = "Semantics and file locations (default: codeowners.platform of .mergegate.yml, else github).")
        String platform;

        /** Runs the action on the tree at the revision, closing the repository afterwards. */
        <T> T withTree(java.util.function.Function<SourceTree, T> action) {
            Optional<GitRepository> git = GitRepository.find(repo);
            if (git.isEmpty()) {
                if (rev != null) {
                    throw new UsageException("--rev needs a git repository; " + repo + " is not in one");
                }
                return action.apply(new DirectorySourceTree(repo, "working folder"));
            }
            try (GitRepository r = git.get()) {
                // the listing is read while CODEOWNERS is found and compiled
                return action.apply(r.treeListedAhead(r.commit(rev == null ? "HEAD" : rev)));
            }
        }

        Platform platform(SourceTree tree) {
            String id = platform;
            if (id == null) {
                Optional<SourceFile> cfg = tree.file(GateConfig.DEFAULT_FILE);
                id = cfg.isEmpty() ? "github"
                        : ConfigLoader.parse(GateConfig.DEFAULT_FILE, cfg.get().bytes()).section("codeowners")
                                .string("platform", "github");
            }
            String chosen = id;
            return Platform.parse(chosen).orElseThrow(() -> new UsageException("unknown platform '" + chosen
                    + "'; use github or gitlab"));
        }
    }

    /** {@code mergegate codeowners audit}. */
    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = {"Print every file with its effective owners: PATH<TAB>OWNERS... or PATH<TAB>UNOWNED.",
                "On GitLab one row per section: PATH<TAB>[Section]<TAB>approvals=N<TAB>OWNERS..."})
    static final class Audit implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        TreeOptions tree = new TreeOptions();

        @Option(names = "--unowned", description = "Only files without an owner.")
        boolean unowned;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return tree.withTree(t -> {
                CodeownersAudit audit = new CodeownersAudit(t, tree.platform(t));
                if (!audit.usable()) {
                    err.println("mergegate: " + audit.source().reason() + "; every file is unowned");
                }
                // print, not println: an autoflushing println per row would cost a system call per file
                CodeownersAudit.Summary s = audit.audit(unowned, row -> {
                    out.print(row);
                    out.print('\n');
                });
                out.flush();
                err.printf("%d files at %s, %d owned, %d unowned (%.1f%% owned) by %s%n", s.files(), t.label(),
                        s.owned(), s.unowned(), s.coveragePercent(),
                        audit.source().path() == null ? "no CODEOWNERS file" : audit.source().path());
                return 0;
            });
        }
    }

    /** {@code mergegate codeowners who PATH...}. */
    @Command(name = "who", mixinStandardHelpOptions = true,
            description = "Explain which CODEOWNERS line decides the owners of each path.")
    static final class Who implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        TreeOptions tree = new TreeOptions();

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Repository-relative paths.")
        List<String> paths;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return tree.withTree(t -> {
                new CodeownersAudit(t, tree.platform(t)).who(paths).forEach(out::println);
                return 0;
            });
        }
    }
}
