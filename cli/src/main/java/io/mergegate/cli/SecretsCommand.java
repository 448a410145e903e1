package io.mergegate.cli;

import io.mergegate.checkers.secrets.BlobSource;
import io.mergegate.checkers.secrets.SecretFindings;
import io.mergegate.checkers.secrets.SecretMatch;
import io.mergegate.checkers.secrets.SecretScan;
import io.mergegate.checkers.secrets.SecretsChecker;
import io.mergegate.core.Finding;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.core.Suppression;
import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.suppress.InlineSuppressions;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.engine.UsageException;
import io.mergegate.reports.console.ConsoleWriter;
import io.mergegate.reports.sarif.SarifWriter;
import io.mergegate.rules.RuleCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mergegate secrets ...}: secret scanning outside a gate run. */
@Command(name = "secrets", mixinStandardHelpOptions = true, description = "Secret scanning of trees and history.",
        subcommands = {SecretsCommand.Scan.class})
final class SecretsCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mergegate secrets scan [PATH] [--history [--since REV]] [--sarif FILE] [--show-secrets]}. */
    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = "Scan every file of PATH (default: the current folder), or with --history every unique "
                    + "blob of the git history once, attributed to the commit that introduced it. Findings show "
                    + "the rule, a short prefix and the length of a secret, never its value.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no blocking secret", "1:a blocking (error) secret was found", "2:usage error"})
    static final class Scan extends EnvironmentCommand {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "PATH", description = "Folder or repository to scan (default: .).")
        Path path = Path.of(".");

        @Option(names = "--history", description = "Scan the git history instead of the files on disk.")
        boolean history;

        @Option(names = "--since", paramLabel = "REV", description = "With --history: only commits after REV.")
        String since;

        @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0.")
        Path sarif;

        @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Skip (and report) larger files.")
        Integer maxFileSize;

        @Option(names = "--exclude", paramLabel = "GLOB", description = "Paths not to scan (repeatable).")
        List<String> exclude = new ArrayList<>();

        @Option(names = "--show-secrets", description = "Print the secret values (local use only; refused when CI=true).")
        boolean showSecrets;


        @Override
        public Integer call() throws Exception {
            if (showSecrets && "true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
                throw new UsageException("--show-secrets is refused when CI=true: secret values must not reach CI logs");
            }
            if (since != null && !history) {
                throw new UsageException("--since needs --history");
            }
            if (!Files.isDirectory(path)) {
                throw new UsageException("no such folder: " + path);
            }
            Map<String, Object> config = new LinkedHashMap<>();
            if (maxFileSize != null) {
                config.put("max-file-size", maxFileSize);
            }
            config.put("exclude", exclude);
            SecretScan.Options options = SecretScan.Options.from(new CheckerConfig(config));
            long start = System.nanoTime();
            SecretScan.Result result = history ? SecretScan.history(gitBlobs(path, since, options), options)
                    : SecretScan.tree(new DirectorySourceTree(path, "working tree"), options);
            RuleCatalog catalog = RuleCatalog.builtIn();
            List<Finding> findings = SecretFindings.of(result, id -> Finding.builder(catalog.require(id)));
            if (!history) {
                findings = suppressInline(findings, new DirectorySourceTree(path, "working tree"));
            }
            List<RuleDescriptor> rules = catalog.all().stream()
                    .filter(r -> SecretsChecker.RULE_IDS.contains(r.id())).toList();
            int exit = findings.stream().anyMatch(f -> !f.isSuppressed() && f.severity() == Severity.ERROR) ? 1 : 0;
            RunReport report = new RunReport(Main.version(), rules, findings,
                    List.of(new RunReport.CheckerRun("secrets", history ? "secrets scan --history" : "secrets scan",
                            rules.stream().map(RuleDescriptor::id).toList(), (System.nanoTime() - start) / 1_000_000,
                            null)),
                    Set.of(Severity.ERROR), "-", history ? "history" : path.toString(), null, exit);
            if (sarif != null) {
                try (Writer w = Files.newBufferedWriter(sarif, StandardCharsets.UTF_8)) {
                    new SarifWriter(SarifWriter.Options.defaults()).write(report, w);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            new ConsoleWriter(false).write(report, out);
            if (showSecrets) {
                for (SecretMatch m : result.matches()) {
                    out.println(m.ruleId() + " " + m.path() + ":" + m.line() + " " + m.value());
                }
            }
            spec.commandLine().getErr().println("mergegate: " + result.stats());
            out.flush();
            return exit;
        }
    }

    /** Applies {@code mergegate:ignore secrets/<rule> -- reason} comments (with a reason) as the gate does. */
    static List<Finding> suppressInline(List<Finding> findings, DirectorySourceTree tree) {
        Map<String, InlineSuppressions> comments = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            String p = f.location().path();
            if (p == null || f.location().line() < 1) {
                out.add(f);
                continue;
            }
            InlineSuppressions s = comments.computeIfAbsent(p,
                    k -> InlineSuppressions.parse(tree.file(k).map(SourceFile::textLenient).orElse("")));
            out.add(s.find(f.ruleId(), f.location().line()).filter(InlineSuppressions.Entry::hasReason)
                    .map(e -> f.withSuppression(new Suppression(Suppression.Kind.INLINE, e.reason()))).orElse(f));
        }
        return out;
    }

    /**
     * Every unique blob reachable from HEAD (after {@code since}), oldest commit first, each attributed to
     * the first commit that introduced it; a commit is compared with its first parent.
     */
    static BlobSource gitBlobs(Path dir, String since, SecretScan.Options options) {
        return consumer -> {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
            if (builder.getGitDir() == null) {
                throw new UsageException("not a git repository: " + dir);
            }
            try (Repository repo = builder.build(); RevWalk walk = new RevWalk(repo);
                    ObjectReader reader = repo.newObjectReader()) {
                ObjectId head = repo.resolve(Constants.HEAD);
                if (head == null) {
                    return;
                }
                walk.sort(RevSort.TOPO, true);
                walk.sort(RevSort.REVERSE, true);
                walk.markStart(walk.parseCommit(head));
                if (since != null) {
                    ObjectId stop = repo.resolve(since);
                    if (stop == null) {
                        throw new UsageException("unknown revision: " + since);
                    }
                    walk.markUninteresting(walk.parseCommit(stop));
                }
                Set<ObjectId> seen = new HashSet<>();
                for (RevCommit c : walk) {
                    emit(repo, reader, walk, c, seen, options, consumer);
                }
            }
        };
    }

    private static void emit(Repository repo, ObjectReader reader, RevWalk walk, RevCommit c, Set<ObjectId> seen,
            SecretScan.Options options, Consumer<BlobSource.Blob> consumer) throws IOException {
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
            tw.setRecursive(true);
            if (c.getParentCount() > 0) {
                tw.addTree(walk.parseCommit(c.getParent(0)).getTree());
            } else {
                tw.addTree(new EmptyTreeIterator());
            }
            tw.addTree(c.getTree());
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                FileMode mode = tw.getFileMode(1);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                ObjectId id = tw.getObjectId(1);
                if (!seen.add(id.copy())) {
                    continue;
                }
                long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
                byte[] bytes = size <= options.maxFileSize() ? reader.open(id, Constants.OBJ_BLOB).getBytes() : null;
                consumer.accept(new BlobSource.Blob(c.name(), tw.getPathString(), size, () -> bytes));
            }
        }
    }
}
