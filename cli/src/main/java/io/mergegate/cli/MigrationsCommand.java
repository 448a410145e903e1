package io.mergegate.cli;

import io.mergegate.checkers.migrations.MigrationLinter;
import io.mergegate.checkers.migrations.MigrationRuleIds;
import io.mergegate.core.Finding;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.engine.UsageException;
import io.mergegate.reports.console.ConsoleWriter;
import io.mergegate.reports.sarif.SarifWriter;
import io.mergegate.rules.RuleCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mergegate migrations ...}: SQL migration tools outside a gate run. */
@Command(name = "migrations", mixinStandardHelpOptions = true, description = "SQL migration tools.",
        subcommands = {MigrationsCommand.Lint.class})
final class MigrationsCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mergegate migrations lint [--dialect D] [--placeholder k=v]... FILE...}. */
    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = "Judge single migration files with the statement and header rules (locks, rewrites, "
                    + "phases within the file). History and code references need `mergegate check`.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no error findings", "1:error findings", "2:usage error"})
    static final class Lint implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "postgresql",
                description = "postgresql (default) or mysql.")
        String dialect;

        @Option(names = "--placeholder", paramLabel = "NAME=VALUE", description = "A Flyway placeholder value.")
        Map<String, String> placeholders = new LinkedHashMap<>();

        @Option(names = "--require-lock-timeout", description = "Also run migration/missing-lock-timeout.")
        boolean requireLockTimeout;

        @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0.")
        Path sarif;

        @Parameters(arity = "1..*", paramLabel = "FILE.sql", description = "Migration files.")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            if (!dialect.equals("postgresql") && !dialect.equals("mysql")) {
                throw new UsageException("--dialect must be postgresql or mysql, not " + dialect);
            }
            Map<String, byte[]> contents = new LinkedHashMap<>();
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    throw new UsageException("no such migration file: " + f);
                }
                contents.put(f.toString().replace('\\', '/'), Files.readAllBytes(f));
            }
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("dialect", dialect);
            config.put("placeholders", new LinkedHashMap<String, Object>(placeholders));
            config.put("require-lock-timeout", requireLockTimeout);
            RuleCatalog catalog = RuleCatalog.builtIn();
            long start = System.nanoTime();
            List<Finding> findings = MigrationLinter.lint(contents, new CheckerConfig(config), catalog);
            List<RuleDescriptor> rules = catalog.all().stream()
                    .filter(r -> MigrationRuleIds.STATEMENT_RULES.contains(r.id())).toList();
            int exit = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? 1 : 0;
            RunReport report = new RunReport(Main.version(), rules, findings,
                    List.of(new RunReport.CheckerRun("migrations", "migrations lint",
                            rules.stream().map(RuleDescriptor::id).toList(), (System.nanoTime() - start) / 1_000_000,
                            null)),
                    Set.of(Severity.ERROR), "-", String.join(" ", contents.keySet()), null, exit);
            if (sarif != null) {
                new SarifWriter(SarifWriter.Options.defaults()).write(report, sarif);
            }
            PrintWriter out = spec.commandLine().getOut();
            new ConsoleWriter(false).write(report, out);
            out.flush();
            return exit;
        }
    }
}
