package io.mergegate.cli;

import io.mergegate.engine.ExitCode;
import io.mergegate.engine.UsageException;
import picocli.CommandLine;

/**
 * Turns exceptions into one readable line and an exit code: 2 for usage errors, 3 for anything
 * else (fail closed). The stack trace is printed only with {@code --debug}.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean debug = parsed != null && hasDebug(parsed);
        if (ex instanceof UsageException) {
            cl.getErr().println("mergegate: " + ex.getMessage());
            if (debug) {
                ex.printStackTrace(cl.getErr());
            }
            return ExitCode.USAGE_ERROR.code();
        }
        String msg = ex.getMessage();
        cl.getErr().println("mergegate: internal error: " + ex.getClass().getSimpleName()
                + (msg == null ? "" : ": " + msg.lines().findFirst().orElse(""))
                + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            ex.printStackTrace(cl.getErr());
        }
        return ExitCode.INTERNAL_ERROR.code();
    }

    private static boolean hasDebug(CommandLine.ParseResult p) {
        CommandLine.ParseResult cur = p;
        while (cur != null) {
            if (cur.hasMatchedOption("--debug")) {
                return true;
            }
            cur = cur.subcommand();
        }
        return false;
    }
}
