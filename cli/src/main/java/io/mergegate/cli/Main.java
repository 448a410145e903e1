package io.mergegate.cli;

import io.mergegate.engine.ExitCode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mergegate} command: subcommands, exit codes, and error handling without stack traces. */
@Command(name = "mergegate",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Decides whether a change may merge and deploy: branch names, CODEOWNERS, OpenAPI, Avro, "
                + "SQL migrations, secrets and PR metadata, in one gate.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing blocks the merge",
            "1:blocking findings (severity in fail-on, default error)",
            "2:usage or configuration error (bad option, config, repository or revision)",
            "3:internal error: a checker failed, so the change was not fully checked (fail closed)"},
        subcommands = {
            CheckCommand.class,
            RulesCommand.class,
            ExplainCommand.class,
            BaselineCommand.class,
            DemoCommand.class,
            GenerateRepoCommand.class,
            AvroCommand.class,
            OpenApiCommand.class,
            MigrationsCommand.class,
            KeygenCommand.class,
            VerifyApprovalCommand.class,
            InstallHookCommand.class,
            RegistryCommand.class,
            SecretsCommand.class,
            CodeownersCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs a command line and returns the exit code; used by the tests and the Maven plugin. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cl = commandLine(env);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine(Map<String, String> env) {
        CommandLine cl = new CommandLine(new Main(), new Factory(env));
        cl.setExecutionExceptionHandler(new Errors());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("mergegate: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return ExitCode.USAGE_ERROR.code();
        });
        cl.setExitCodeExceptionMapper(t -> ExitCode.INTERNAL_ERROR.code());
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Gives commands the environment they run in, so tests can pass their own. */
    static final class Factory implements CommandLine.IFactory {
        private final Map<String, String> env;

        Factory(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K k = CommandLine.defaultFactory().create(cls);
            if (k instanceof EnvironmentCommand n) {
                n.environment(env);
            }
            return k;
        }
    }


    /** Reads the version from the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mergegate " + version()};
        }
    }

    static String version() {
        try (var in = Main.class.getResourceAsStream("/mergegate-version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (java.io.IOException e) {
            return "dev";
        }
    }
}
