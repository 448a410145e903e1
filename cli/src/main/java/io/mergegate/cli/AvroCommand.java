package io.mergegate.cli;

import io.mergegate.checkers.avro.AvroCompat;
import io.mergegate.core.Finding;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RunReport;
import io.mergegate.core.Severity;
import io.mergegate.engine.UsageException;
import io.mergegate.reports.console.ConsoleWriter;
import io.mergegate.reports.sarif.SarifWriter;
import io.mergegate.rules.RuleCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code mergegate avro ...}: Avro schema tools outside a gate run. */
@Command(name = "avro", mixinStandardHelpOptions = true, description = "Avro schema tools.",
        subcommands = {AvroCommand.Compat.class})
final class AvroCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mergegate avro compat --mode MODE OLDEST.avsc [...] NEWEST.avsc [--sarif FILE]}. */
    @Command(name = "compat", mixinStandardHelpOptions = true,
            description = "Check the last schema file against the earlier ones as versions of one subject, "
                    + "as Confluent Schema Registry would.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:compatible", "1:incompatible, or a version is invalid", "2:usage error"})
    static final class Compat implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--mode", required = true, paramLabel = "MODE",
                description = "BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE or NONE.")
        String mode;

        @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0.")
        Path sarif;

        @Parameters(arity = "1..*", paramLabel = "SCHEMA.avsc", description = "Versions, oldest first, newest last.")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            List<AvroCompat.Input> inputs = new ArrayList<>();
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    throw new UsageException("no such schema file: " + f);
                }
                inputs.add(new AvroCompat.Input(f.toString().replace('\\', '/'), Files.readAllBytes(f)));
            }
            AvroCompat.Result result;
            long start = System.nanoTime();
            try {
                result = AvroCompat.run(mode, inputs, RuleCatalog.builtIn());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            List<Finding> findings = new ArrayList<>(result.findings());
            findings.sort(Comparator.comparing((Finding f) -> String.valueOf(f.location().path()))
                    .thenComparingInt(f -> f.location().line()).thenComparingInt(f -> f.location().column())
                    .thenComparing(Finding::ruleId));
            List<String> ruleIds = result.rules().stream().map(RuleDescriptor::id).toList();
            RunReport report = new RunReport(Main.version(), result.rules(), findings,
                    List.of(new RunReport.CheckerRun("avro", "avro compat --mode " + result.mode().name(), ruleIds,
                            (System.nanoTime() - start) / 1_000_000, null)),
                    Set.of(Severity.ERROR), inputs.size() > 1 ? inputs.get(inputs.size() - 2).path() : "-",
                    inputs.get(inputs.size() - 1).path(), null, result.exitCode());
            if (sarif != null) {
                new SarifWriter(SarifWriter.Options.defaults()).write(report, sarif);
            }
            PrintWriter out = spec.commandLine().getOut();
            new ConsoleWriter(false).write(report, out);
            out.flush();
            return result.exitCode();
        }
    }
}
