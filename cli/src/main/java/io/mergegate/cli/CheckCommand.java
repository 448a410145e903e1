package io.mergegate.cli;

import io.mergegate.engine.Gate;
import io.mergegate.engine.GateOutcome;
import io.mergegate.engine.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mergegate check}: runs the gate on a change and writes the reports. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Judge a change: the PR head against its merge base (default), the staged files (--staged) "
                + "or the working tree (--working-tree).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing blocks", "1:blocking findings", "2:usage or configuration error",
            "3:internal error (fail closed)"})
final class CheckCommand implements Callable<Integer>, Main.NeedsEnvironment {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    GateOptions gate;

    @Mixin
    ApprovalOptions approval;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Write SARIF 2.1.0.")
    Path sarif;

    @Option(names = "--sarif-category", paramLabel = "ID", description = "SARIF automationDetails.id (code scanning category).")
    String sarifCategory;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML.")
    Path junit;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Standard output: console (default) or json.")
    String format = "console";

    @Option(names = "--no-color", description = "No colours in console output (also when NO_COLOR is set).")
    boolean noColor;


    private Map<String, String> env = Map.of();

    @Override
    public void environment(Map<String, String> environment) {
        this.env = environment;
    }

    @Override
    public Integer call() throws IOException {
        if (!format.equals("console") && !format.equals("json")) {
            throw new UsageException("--format must be console or json, not '" + format + "'");
        }
        approval.validate(env);
        GateOutcome outcome = Gate.discover(Main.version()).run(gate.request(env));
        Outputs.write(outcome, outputOptions(), spec.commandLine().getOut());
        return approval.write(outcome, env, java.time.Clock.systemUTC(), spec.commandLine().getErr());
    }

    Outputs.Options outputOptions() {
        boolean color = !noColor && System.console() != null && !env.containsKey("NO_COLOR");
        return new Outputs.Options(format, color, sarif, sarifCategory, junit);
    }
}
