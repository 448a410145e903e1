package io.mergegate.core;

/**
 * A span of text in a file, 1-based. A column of 0 means "unknown".
 */
public record Region(int startLine, int startColumn, int endLine, int endColumn) {

    public Region {
        if (startLine < 1) {
            throw new IllegalArgumentException("startLine must be >= 1, was " + startLine);
        }
        if (endLine < startLine) {
            endLine = startLine;
        }
        startColumn = Math.max(0, startColumn);
        endColumn = Math.max(0, endColumn);
        if (endLine == startLine && endColumn != 0 && endColumn < startColumn) {
            endColumn = startColumn;
        }
    }

    public static Region line(int line) {
        return new Region(line, 0, line, 0);
    }

    public static Region at(int line, int column) {
        return new Region(line, column, line, 0);
    }
}
