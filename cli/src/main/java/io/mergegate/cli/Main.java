package io.mergegate.cli;

import io.mergegate.engine.ExitCode;
import java.io.PrintWriter;
import java.util.List;
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
            "3:internal error: a checker failed, so the change was not fully checked (fail closed)"})
public final class Main implements Runnable {

    /** The subcommands, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
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
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs a command line and returns the exit code; used by the tests and the Maven plugin. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cl = commandLine(env, args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The command line with every subcommand. */
    static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, new String[0]);
    }

    /**
     * The command line for these arguments. When the first argument names a subcommand, only that one
     * is built: picocli reflects over every option of every subcommand it is given, which costs a
     * pre-commit run more than a tenth of a second. Anything else (help, a typo) gets them all.
     */
    static CommandLine commandLine(Map<String, String> env, String[] args) {
        CommandLine cl = new CommandLine(new Main(), new Factory(env));
        Class<?> only = args.length == 0 ? null : subcommand(args[0]);
        for (Class<?> sub : only == null ? SUBCOMMANDS : List.of(only)) {
            cl.addSubcommand(sub);
        }
        cl.setExecutionExceptionHandler(new Errors());
        cl.setParameterExceptionHandler((ex, unmatched) -> {
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

    /** The subcommand class named by {@code name} (not {@code help}, which needs the others), or null. */
    static Class<?> subcommand(String name) {
        for (Class<?> sub : SUBCOMMANDS) {
            Command c = sub.getAnnotation(Command.class);
            if (sub != CommandLine.HelpCommand.class && c != null && (c.name().equals(name)
                    || java.util.Arrays.asList(c.aliases()).contains(name))) {
                return sub;
            }
        }
        return null;
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
