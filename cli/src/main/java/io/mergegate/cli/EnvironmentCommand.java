package io.mergegate.cli;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A command that reads environment variables (CI detection, credentials). The factory in {@link Main}
 * hands it the environment, so tests run commands with an environment of their own.
 */
abstract class EnvironmentCommand implements Callable<Integer> {

    protected Map<String, String> env = Map.of();

    final void environment(Map<String, String> environment) {
        this.env = environment;
    }
}
