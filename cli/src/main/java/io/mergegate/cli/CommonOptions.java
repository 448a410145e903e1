package io.mergegate.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;
}
