package io.mergegate.cli;

import io.mergegate.checkers.openapi.OpenApiChecker;
import io.mergegate.checkers.openapi.OpenApiDiffCommandLogic;
import io.mergegate.core.Finding;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.engine.UsageException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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

    /** {@code mergegate openapi diff BASE HEAD [--sarif FILE] [--format console|json]}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Compare two OpenAPI 3.0/3.1 specs with the openapi rules (breaking changes, versioning, "
                    + "deprecation). References to other files resolve next to each spec.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:nothing breaking (warnings allowed)", "1:breaking change or invalid head spec",
                "2:usage error"})
    static final class Diff implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0.")
        Path sarif;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "console",
                description = "console (default) or json.")
        String format;

        @Parameters(index = "0", paramLabel = "BASE", description = "The spec before the change.")
        Path base;

        @Parameters(index = "1", paramLabel = "HEAD", description = "The spec after the change.")
        Path head;

        @Override
        public Integer call() throws IOException {
            if (!format.equals("console") && !format.equals("json")) {
                throw new UsageException("--format must be console or json, not " + format);
            }
            for (Path f : List.of(base, head)) {
                if (!Files.isRegularFile(f)) {
                    throw new UsageException("no such spec file: " + f);
                }
            }
            RuleCatalog catalog = RuleCatalog.builtIn();
            long start = System.nanoTime();
            OpenApiDiffCommandLogic.Result result = OpenApiDiffCommandLogic.diff(
                    tree(base, "base"), base.getFileName().toString(), tree(head, "head"), head.getFileName().toString(),
                    catalog, CheckerConfig.empty(), Clock.systemUTC());
            List<Finding> findings = new ArrayList<>(result.findings());
            findings.sort(Comparator.comparing((Finding f) -> String.valueOf(f.location().path()))
                    .thenComparingInt(f -> f.location().line()).thenComparingInt(f -> f.location().column())
                    .thenComparing(Finding::ruleId));
            Set<String> ids = new OpenApiChecker().ruleIds();
            List<RuleDescriptor> rules = catalog.all().stream().filter(r -> ids.contains(r.id())).toList();
            RunReport report = new RunReport(Main.version(), rules, findings,
                    List.of(new RunReport.CheckerRun("openapi", "openapi diff", List.copyOf(ids),
                            (System.nanoTime() - start) / 1_000_000, null)),
                    Set.of(Severity.ERROR), base.toString(), head.toString(), null, result.exitCode());
            if (sarif != null) {
                new SarifWriter(SarifWriter.Options.defaults()).write(report, sarif);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                new JsonWriter().write(report, out);
            } else {
                new ConsoleWriter(false).write(report, out);
            }
            out.flush();
            return result.exitCode();
        }

        /** The spec's folder, so {@code $ref}s to sibling files resolve. */
        private static DirectorySourceTree tree(Path spec, String label) {
            Path dir = spec.toAbsolutePath().getParent();
            return new DirectorySourceTree(dir, label);
        }
    }
}
