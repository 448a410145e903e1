package io.mergegate.cli;

import io.mergegate.core.Finding;
import io.mergegate.core.suppress.Baseline;
import io.mergegate.engine.FindingPolicy;
import io.mergegate.engine.Gate;
import io.mergegate.engine.GateOutcome;
import io.mergegate.engine.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mergegate baseline}: accept today's findings so only new ones block. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Run the gate and write every current finding's fingerprint to the baseline file; findings "
                + "in the baseline are reported as suppressed, not blocking.")
final class BaselineCommand extends EnvironmentCommand {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    GateOptions gate;

    @Option(names = "--out", paramLabel = "FILE", description = "Baseline to write (default: .mergegate-baseline.json at the repository root).")
    Path out;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Reason recorded with every new entry, whose "
            + "decision is accepted-risk (default: ${DEFAULT-VALUE}). Entries already in the file keep their own "
            + "decision and reason.")
    String reason = "accepted when the baseline was created";


    @Override
    public Integer call() throws IOException {
        GateOutcome outcome = Gate.discover(Main.version()).run(gate.request(env));
        if (outcome.exitCode() == 3) {
            spec.commandLine().getErr().println("mergegate: a checker failed; no baseline written");
            return 3;
        }
        List<Finding> accepted = outcome.report().findings().stream()
                .filter(f -> !f.family().equals("mergegate"))
                .filter(f -> !f.isSuppressed() || f.suppression().kind() == io.mergegate.core.Suppression.Kind.BASELINE)
                .toList();
        if (reason == null || reason.isBlank()) {
            throw new UsageException("--reason must say why the findings are accepted");
        }
        Path file = out != null ? out : outcome.repoRoot().resolve(outcome.config().baselineFile());
        Baseline fresh = Baseline.of(accepted, reason);
        Baseline previous = Files.exists(file)
                ? FindingPolicy.BaselineFile.load(file, outcome.config(), outcome.repoRoot()).baseline() : Baseline.empty();
        // a decision someone took (false-positive, revoked) survives a rewrite; only new findings get --reason
        List<Baseline.Entry> entries = fresh.entries().stream()
                .map(e -> previous.find(e.fingerprint()).map(p -> new Baseline.Entry(e.fingerprint(), e.rule(),
                        p.decision(), p.reason())).orElse(e)).toList();
        Files.writeString(file, new Baseline(entries).toJson(), StandardCharsets.UTF_8);
        spec.commandLine().getOut().printf("Wrote %d entries to %s%n", accepted.size(), file);
        return 0;
    }
}
