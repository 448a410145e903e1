package io.mergegate.cli;

import io.mergegate.engine.Gate;
import io.mergegate.engine.GateOutcome;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code mergegate check}: runs the gate on a change and writes the reports. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Judge a change: the PR head against its merge base (default), the staged files (--staged) "
                + "or the working tree (--working-tree).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing blocks", "1:blocking findings", "2:usage or configuration error",
            "3:internal error (fail closed)"})
final class CheckCommand extends EnvironmentCommand {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    GateOptions gate;

    @Mixin
    ApprovalOptions approval;

    @Mixin
    OutputOptions output;


    @Override
    public Integer call() throws IOException {
        Outputs.Options options = output.options(env);
        approval.validate(env);
        GateOutcome outcome = output.applyFailOn(Gate.discover(Main.version()).run(gate.request(env)));
        Outputs.write(outcome, options, spec.commandLine().getOut());
        return approval.write(outcome, env, java.time.Clock.systemUTC(), spec.commandLine().getErr());
    }
}
