package io.mergegate.cli;

import io.mergegate.checkers.secrets.BlobSource;
import io.mergegate.checkers.secrets.SecretFindings;
import io.mergegate.checkers.secrets.SecretMatch;
import io.mergegate.checkers.secrets.SecretScan;
import io.mergegate.checkers.secrets.SecretsChecker;
import io.mergegate.core.Finding;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RunReport;
import io.mergegate.core.Suppression;
import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.engine.ExitCode;
import io.mergegate.engine.FindingPolicy;
import io.mergegate.engine.Gate;
import io.mergegate.engine.Suppressions;
import io.mergegate.engine.UsageException;
import io.mergegate.engine.config.ConfigLoader;
import io.mergegate.engine.config.GateConfig;
import io.mergegate.engine.git.GitRepository;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
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

    /** {@code mergegate secrets scan [PATH] [--history [--since REV] [--all]] [--sarif FILE] [--show-secrets]}. */
    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = "Scan every file of PATH (default: the current folder; in a git repository the files git does "
                    + "not ignore), or with --history every unique blob of the git history once, attributed to the "
                    + "commit that introduced it. The repository's .mergegate.yml (exclusions, rule severities, "
                    + "fail-on, the secrets section), its baseline and inline mergegate:ignore comments apply as in "
                    + "'check'. Findings show the rule, a short prefix and the length of a secret, never its value.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no blocking secret", "1:a blocking secret was found (severity in fail-on, default error)",
                "2:usage or configuration error"})
    static final class Scan extends EnvironmentCommand {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "PATH", description = "Folder or repository to scan (default: .).")
        Path path = Path.of(".");

        @Option(names = "--history", description = "Scan the git history instead of the files on disk.")
        boolean history;

        @Option(names = "--since", paramLabel = "REV", description = "With --history: only commits after REV.")
        String since;

        @Option(names = "--all", description = "With --history: walk every ref (branches, tags, remote-tracking "
                + "branches, stash), as gitleaks does, not only what HEAD reaches.")
        boolean all;

        @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0.")
        Path sarif;

        @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: .mergegate.yml at the "
                + "repository root, or in PATH outside git).")
        Path config;

        @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline of accepted findings (default: the "
                + "configured one, .mergegate-baseline.json).")
        Path baseline;

        @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Skip (and report) larger files.")
        Integer maxFileSize;

        @Option(names = "--exclude", paramLabel = "GLOB", description = "Paths not to scan (repeatable).")
        List<String> exclude = new ArrayList<>();

        @Option(names = "--show-secrets", description = "Print the secret values (local use only; refused when CI is set).")
        boolean showSecrets;

        @Override
        public Integer call() throws Exception {
            if (showSecrets && inCi(env.get("CI"))) {
                throw new UsageException("--show-secrets is refused when CI is set (CI=" + env.get("CI")
                        + "): secret values must not reach CI logs");
            }
            if (since != null && !history) {
                throw new UsageException("--since needs --history");
            }
            if (all && !history) {
                throw new UsageException("--all needs --history");
            }
            if (!Files.isDirectory(path)) {
                throw new UsageException("no such folder: " + path);
            }
            try (GitRepository git = GitRepository.find(path).orElse(null)) {
                if (history && git == null) {
                    throw new UsageException("not a git repository: " + path + " (--history reads git)");
                }
                Path root = git != null && git.workTree() != null ? git.workTree() : path.toAbsolutePath().normalize();
                GateConfig cfg = ConfigLoader.loadFor(config, root);
                SecretScan.Options options = options(cfg);
                FindingPolicy policy = new FindingPolicy(cfg, FindingPolicy.BaselineFile.load(baseline, cfg, root));
                long start = System.nanoTime();
                SecretScan.Result result;
                Function<Finding, Optional<Suppression>> inline;
                if (history) {
                    result = SecretScan.history(gitBlobs(git.jgit(), since, all, options), options);
                    inline = inCommit(git);
                } else {
                    SourceTree tree = tree(git, root);
                    result = SecretScan.tree(tree, options);
                    inline = new Suppressions(tree)::find;
                }
                RuleCatalog catalog = RuleCatalog.builtIn();
                Function<String, Finding.Builder> report = id -> Finding.builder(catalog.require(id));
                List<Finding> findings = new ArrayList<>();
                for (Finding f : SecretFindings.of(result, report)) {
                    policy.apply(f, inline).ifPresent(findings::add);
                }
                // only a scan that read everything knows an entry's secret is gone (--since skips older commits)
                boolean complete = !history || since == null;
                findings.addAll(policy.baselineNotes(e -> complete && SecretsChecker.RULE_IDS.contains(e.rule()), report));
                findings.sort(Gate.ORDER);
                return report(result, findings, cfg, catalog, (System.nanoTime() - start) / 1_000_000);
            }
        }

        private int report(SecretScan.Result result, List<Finding> findings, GateConfig cfg, RuleCatalog catalog,
                long millis) throws IOException {
            List<RuleDescriptor> rules = catalog.all().stream().filter(r -> SecretsChecker.RULE_IDS.contains(r.id())
                    || r.id().startsWith("mergegate/baseline-")).toList();
            List<RunReport.CheckerRun> runs = List.of(new RunReport.CheckerRun("secrets",
                    history ? "secrets scan --history" : "secrets scan", rules.stream().map(RuleDescriptor::id).toList(),
                    millis, null));
            RunReport report = new RunReport(Main.version(), rules, findings, runs, cfg.failOn(),
                    cfg.checkerFailOn(List.of("secrets")), "-", history ? "history" : path.toString(), null, 0);
            report = report.withExitCode(ExitCode.decide(report).code());
            if (sarif != null) {
                try (Writer w = Files.newBufferedWriter(sarif, StandardCharsets.UTF_8)) {
                    new SarifWriter(SarifWriter.Options.defaults()).write(report, w);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            new ConsoleWriter(false).write(report, out);
            if (showSecrets) {
                Set<String> shown = new HashSet<>();
                findings.stream().filter(f -> !f.isSuppressed()).forEach(f -> shown.add(f.fingerprint()));
                for (SecretMatch m : result.matches()) {
                    if (shown.contains(m.fingerprint())) {
                        out.println(m.ruleId() + " " + m.path() + ":" + m.line() + " " + m.value());
                    }
                }
            }
            spec.commandLine().getErr().println("mergegate: " + result.stats());
            out.flush();
            return report.exitCode();
        }

        /** The {@code secrets} section of the config, then the command line's own options on top. */
        private SecretScan.Options options(GateConfig cfg) {
            Map<String, Object> section = new LinkedHashMap<>();
            CheckerConfig fromFile = cfg.section("secrets");
            if (maxFileSize != null) {
                section.put("max-file-size", maxFileSize);
            } else if (fromFile.has("max-file-size")) {
                section.put("max-file-size", fromFile.integer("max-file-size", (int) SecretScan.DEFAULT_MAX_FILE_SIZE));
            }
            List<String> globs = new ArrayList<>(fromFile.strings("exclude", List.of()));
            globs.addAll(exclude);
            section.put("exclude", globs);
            section.put("disabled-rules", fromFile.strings("disabled-rules", List.of()));
            return SecretScan.Options.from(new CheckerConfig(section));
        }

        /**
         * What a tree scan reads: in a git work tree the files git does not ignore (build output and dependencies
         * are not the repository's), below PATH, with repository-relative paths; elsewhere every file of PATH.
         */
        private SourceTree tree(GitRepository git, Path root) {
            if (git == null || git.workTree() == null) {
                return new DirectorySourceTree(root, "working tree");
            }
            SourceTree work = git.workingTree();
            String prefix;
            try {
                prefix = root.toRealPath().relativize(path.toRealPath()).toString().replace('\\', '/');
            } catch (IOException e) {
                throw new UsageException("cannot read " + path + ": " + e.getMessage(), e);
            }
            if (prefix.isEmpty() || prefix.startsWith("..")) {
                return work;
            }
            List<String> below = work.paths().stream().filter(p -> p.startsWith(prefix + "/")).toList();
            return new DirectorySourceTree(root, "working tree", below);
        }
    }

    /** CI systems set CI to true, 1 or another non-empty value; only an explicit false, 0 or no means "not CI". */
    static boolean inCi(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return !v.equals("false") && !v.equals("0") && !v.equals("no");
    }

    /** Inline comments as they stood in the commit that holds each history finding (its blob, not today's file). */
    private static Function<Finding, Optional<Suppression>> inCommit(GitRepository git) {
        Map<String, Suppressions> byCommit = new HashMap<>();
        return f -> {
            String commit = f.properties().get("commit");
            if (commit == null) {
                return Optional.empty();
            }
            return byCommit.computeIfAbsent(commit, c -> new Suppressions(git.tree(git.commit(c)))).find(f);
        };
    }

    /**
     * Every unique blob reachable from HEAD (or with {@code all} from every ref), after {@code since}, oldest
     * commit first, each attributed to the first commit that introduced it; a commit is compared with its first
     * parent (what a merge brings in from elsewhere was introduced, and scanned, on its own branch).
     */
    static BlobSource gitBlobs(Repository repo, String since, boolean all, SecretScan.Options options) {
        return consumer -> {
            try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
                walk.sort(RevSort.TOPO, true);
                walk.sort(RevSort.REVERSE, true);
                int starts = 0;
                for (ObjectId tip : all ? allTips(repo) : headTip(repo)) {
                    RevObject o = walk.peel(walk.parseAny(tip));
                    if (o instanceof RevCommit c) {
                        walk.markStart(c);
                        starts++;
                    }
                }
                if (starts == 0) {
                    return;
                }
                if (since != null) {
                    ObjectId stop = repo.resolve(since + "^{commit}");
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

    private static List<ObjectId> headTip(Repository repo) throws IOException {
        ObjectId head = repo.resolve(Constants.HEAD);
        return head == null ? List.of() : List.of(head);
    }

    /** HEAD and every ref: local and remote-tracking branches, tags, the stash. */
    private static List<ObjectId> allTips(Repository repo) throws IOException {
        List<ObjectId> out = new ArrayList<>(headTip(repo));
        for (Ref ref : repo.getRefDatabase().getRefs()) {
            if (ref.getObjectId() != null) {
                out.add(ref.getObjectId());
            }
        }
        return out;
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
