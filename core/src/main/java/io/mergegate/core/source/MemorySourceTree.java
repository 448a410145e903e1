package io.mergegate.core.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A source tree held in memory; handy for tests and for synthesised views. */
public final class MemorySourceTree implements SourceTree {

    private final String label;
    private final TreeMap<String, byte[]> files;
    private final List<String> paths;

    public MemorySourceTree(String label, Map<String, byte[]> files) {
        this.label = label;
        this.files = new TreeMap<>(files);
        this.paths = List.copyOf(new ArrayList<>(this.files.keySet()));
    }

    /** Convenience for tests: file contents given as UTF-8 text. */
    public static MemorySourceTree ofText(String label, Map<String, String> texts) {
        TreeMap<String, byte[]> m = new TreeMap<>();
        texts.forEach((k, v) -> m.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new MemorySourceTree(label, m);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public Optional<SourceFile> file(String path) {
        byte[] b = files.get(path);
        return b == null ? Optional.empty() : Optional.of(new BytesFile(path, b));
    }

    /** A file whose bytes are already in memory. */
    public record BytesFile(String path, byte[] bytes) implements SourceFile {
    }
}
