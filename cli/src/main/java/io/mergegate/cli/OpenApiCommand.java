package io.mergegate.cli;

import io.mergegate.checkers.openapi.OpenApiChecker;
import io.mergegate.checkers.openapi.OpenApiDiffCommandLogic;
import io.mergegate.core.Finding;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RunReport;
import io.mergegate.engine.ExitCode;
import io.mergegate.engine.Gate;
import io.mergegate.engine.UsageException;
import io.mergegate.engine.config.ConfigLoader;
import io.mergegate.engine.config.GateConfig;
import io.mergegate.engine.git.GitRepository;
import io.mergegate.reports.console.ConsoleWriter;
import io.mergegate.reports.json.JsonWriter;
import io.mergegate.reports.sarif.SarifWriter;
import io.mergegate.rules.RuleCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mergegate openapi ...}: OpenAPI tools outside a gate run. */
@Command(name = "openapi", mixinStandardHelpOptions = true, description = "OpenAPI spec tools.",
        subcommands = {OpenApiCommand.Diff.class})
final class OpenApiCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mergegate openapi diff BASE HEAD [--sarif FILE] [--format console|json] [--config FILE] [--today DATE]}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Compare two OpenAPI 3.0/3.1 specs with the openapi rules (breaking changes, versioning, "
                    + "deprecation). Each file is read inside the git repository that holds it (else the current "
                    + "folder, else its own folder), so references to other files of the repository resolve and "
                    + "paths are reported relative to it; that repository's .mergegate.yml applies. "
                    + "{service}-v{N} files of one service are compared as a new major version.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:nothing blocks (warnings allowed unless fail-on says otherwise)",
                "1:breaking change, invalid head spec or another blocking finding", "2:usage or configuration error"})
    static final class Diff implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0.")
        Path sarif;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "console",
                description = "console (default) or json.")
        String format;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Config file (default: .mergegate.yml at the root HEAD is read in).")
        Path config;

        @Option(names = "--today", paramLabel = "DATE", description = "Date the deprecation and sunset rules "
                + "consider today (YYYY-MM-DD; default: today).")
        String today;

        @Parameters(index = "0", paramLabel = "BASE", description = "The spec before the change.")
        Path base;

        @Parameters(index = "1", paramLabel = "HEAD", description = "The spec after the change.")
        Path head;

        @Override
        public Integer call() throws IOException {
            if (!format.equals("console") && !format.equals("json")) {
                throw new UsageException("--format must be console or json, not " + format);
            }
            Clock clock = GateOptions.clock(today);
            Located b = locate(base);
            Located h = locate(head);
            GateConfig cfg = ConfigLoader.loadFor(config, h.root());
            RuleCatalog catalog = RuleCatalog.builtIn();
            long start = System.nanoTime();
            OpenApiDiffCommandLogic.Result result = OpenApiDiffCommandLogic.diff(new FolderTree(b.root(), "base"),
                    b.path(), new FolderTree(h.root(), "head"), h.path(), catalog, cfg.section(OpenApiChecker.ID), clock);
            List<Finding> findings = new ArrayList<>();
            var overrides = cfg.ruleOverrides();
            result.findings().forEach(f -> GateConfig.override(overrides, f).ifPresent(findings::add));
            findings.sort(Gate.ORDER);
            Set<String> ids = new OpenApiChecker().ruleIds();
            List<RuleDescriptor> rules = catalog.all().stream().filter(r -> ids.contains(r.id())).toList();
            RunReport report = new RunReport(Main.version(), rules, findings,
                    List.of(new RunReport.CheckerRun(OpenApiChecker.ID, "openapi diff", List.copyOf(ids),
                            (System.nanoTime() - start) / 1_000_000, null)),
                    cfg.failOn(), cfg.checkerFailOn(List.of(OpenApiChecker.ID)), base.toString(), head.toString(),
                    null, 0);
            report = report.withExitCode(ExitCode.decide(report).code());
            if (sarif != null) {
                // paths are relative to HEAD's root, which SARIF calls %SRCROOT%
                new SarifWriter(SarifWriter.Options.defaults().withAnchorPath(h.path())).write(report, sarif);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                new JsonWriter().write(report, out);
            } else {
                new ConsoleWriter(false).write(report, out);
            }
            out.flush();
            return report.exitCode();
        }

        /**
         * A spec file and the folder it is read in.
         *
         * @param root the git work tree holding the file, else the current folder if it holds it, else its folder
         * @param path the file relative to {@code root}, with forward slashes
         */
        record Located(Path root, String path) {
        }

        static Located locate(Path file) {
            Path real;
            try {
                real = file.toRealPath();
            } catch (IOException e) {
                throw new UsageException("no such spec file: " + file);
            }
            if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
                throw new UsageException((Files.isRegularFile(real) ? "cannot read spec file: " : "no such spec file: ")
                        + file);
            }
            Path root = real.getParent();
            Optional<Path> work = gitWorkTree(real.getParent());
            if (work.isPresent() && real.startsWith(work.get())) {
                root = work.get();
            } else {
                Path cwd = realOrNull(Path.of(""));
                if (cwd != null && real.startsWith(cwd)) {
                    root = cwd;
                }
            }
            return new Located(root, root.relativize(real).toString().replace('\\', '/'));
        }

        private static Optional<Path> gitWorkTree(Path dir) {
            try {
                Optional<GitRepository> git = GitRepository.find(dir);
                git.ifPresent(GitRepository::close);
                return git.map(GitRepository::workTree).map(Diff::realOrNull);
            } catch (UsageException e) {
                return Optional.empty(); // not a readable repository: fall back to folders
            }
        }

        private static Path realOrNull(Path p) {
            try {
                return p == null ? null : p.toRealPath();
            } catch (IOException e) {
                return null;
            }
        }
    }
}
