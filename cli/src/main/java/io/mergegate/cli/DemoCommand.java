package io.mergegate.cli;

import io.mergegate.core.source.ClasspathFolder;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.PullRequest;
import io.mergegate.engine.Gate;
import io.mergegate.engine.GateOutcome;
import io.mergegate.engine.GateRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mergegate demo}: the bundled demo change in a temporary git repository, judged end to end. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Copy the bundled demo service repository into a temporary git repository (a base commit "
                + "on main, a head commit on a PR branch with a handful of violations), run the gate on it, and "
                + "print where the reports went.")
final class DemoCommand extends EnvironmentCommand {

    /** Class-path folder of the bundled demo (copied from fixtures/demo at build time). */
    static final String RESOURCE = "mergegate-demo";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to create the demo (default: a new temporary folder).")
    Path dir;

    @Option(names = "--no-color", description = "No colours in console output.")
    boolean noColor;


    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = dir != null ? dir : Files.createTempDirectory("mergegate-demo-");
        Path scenarioDir = root.resolve("scenario");
        copyResources(RESOURCE, scenarioDir);
        ScenarioRepo scenario = ScenarioRepo.load(scenarioDir);
        Path repo = scenario.build(root.resolve("repo"));
        Path reports = Files.createDirectories(root.resolve("reports"));
        Map<?, ?> pr = scenario.scenario().get("pr") instanceof Map<?, ?> m ? m : Map.of();
        PullRequest meta = pr.isEmpty() ? null : new PullRequest(null, null, null, scenario.target(),
                String.valueOf(pr.get("title")), pr.get("body") == null ? "" : String.valueOf(pr.get("body")),
                List.of(), false, false, "demo scenario");
        // The demo is self-contained: CI variables of the shell it runs in must not leak into it.
        GateRequest request = new GateRequest(repo, scenario.target(), null, Mode.PULL_REQUEST, null, Set.of(),
                scenario.branch(), scenario.target(), meta, null, Map.of(), Clock.systemUTC());
        out.printf("Demo repository: %s%n  base: %s (main)   head: %s%n%n", repo, scenario.target(), scenario.branch());
        GateOutcome outcome = Gate.discover(Main.version()).run(request);
        Path sarif = reports.resolve("mergegate.sarif");
        Path junit = reports.resolve("mergegate-junit.xml");
        boolean color = !noColor && System.console() != null && !env.containsKey("NO_COLOR");
        Outputs.write(outcome, new Outputs.Options("console", color, sarif, null, junit), out);
        out.printf("%nReports:%n  SARIF: %s%n  JUnit: %s%n", sarif, junit);
        Object expected = scenario.scenario().get("exit-code");
        int want = expected instanceof Number n ? n.intValue() : 1;
        if (outcome.exitCode() == want) {
            out.printf("%nThe demo change is %s, as intended (exit code %d). Try: mergegate explain %s%n",
                    want == 0 ? "accepted" : "blocked", outcome.exitCode(),
                    outcome.report().findings().isEmpty() ? "branch/invalid-name"
                            : outcome.report().findings().get(0).ruleId());
            return 0;
        }
        out.printf("%nUnexpected: the gate exited with %d, the demo expects %d.%n", outcome.exitCode(), want);
        return outcome.exitCode() == 0 ? 1 : outcome.exitCode();
    }

    /** Copies a class-path folder (from a directory or from the jar) to {@code dest}. */
    static void copyResources(String folder, Path dest) throws IOException {
        Map<String, byte[]> files = ClasspathFolder.read(DemoCommand.class.getClassLoader(), folder);
        if (files.isEmpty()) {
            throw new UncheckedIOException(new IOException("the demo scenario is not bundled in this build"));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path d = dest.resolve(f.getKey());
            Files.createDirectories(d.getParent());
            Files.write(d, f.getValue());
        }
    }
}
