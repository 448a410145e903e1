package io.mergegate.reports;

import io.mergegate.core.RunReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders one gate run in one format. Writers see only the {@link RunReport}; they never add source
 * text (no snippets), so nothing but the checkers' own messages reaches a report. Output is
 * deterministic: the same report gives the same characters.
 */
public interface ReportWriter {

    /** Writes the report to {@code out}; does not close it. */
    void write(RunReport report, Writer out) throws IOException;

    /** Writes the report as UTF-8 (no byte order mark) to {@code file}, creating parent folders. */
    default void write(RunReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(report, w);
        }
    }

    /** The whole output as a string, for tests and for callers that post-process it. */
    default String render(RunReport report) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try {
            write(report, sw);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sw.toString();
    }
}
