package io.mergegate.engine.config;

import io.mergegate.engine.UsageException;

/** A configuration error that names the file, the line and the key. */
public final class ConfigException extends UsageException {

    private final int line;

    public ConfigException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
