package io.mergegate.core.source;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A source file whose bytes are read on first use and kept; trees list many files but read few. */
public abstract class LazyFile implements SourceFile {

    private final String path;
    private byte[] bytes;

    protected LazyFile(String path) {
        this.path = path;
    }

    /** Reads the content (for a symbolic link: its target). */
    protected abstract byte[] load() throws IOException;

    @Override
    public final String path() {
        return path;
    }

    @Override
    public final synchronized byte[] bytes() {
        if (bytes == null) {
            try {
                bytes = load();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + this, e);
            }
        }
        return bytes;
    }

    @Override
    public String toString() {
        return path;
    }
}
