package io.mergegate.checkers.migrations;

import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.TextLines;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** One migration file with its name, header and (lazily) its analysed statements. */
final class Migration {

    /** Files larger than this are not analysed. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    /** Versioned and timestamped migrations first, by version; then repeatable ones; then by path. */
    static final Comparator<Migration> ORDER = Comparator
            .comparingInt((Migration m) -> m.name.map(n -> n.isVersioned() ? 0 : 1).orElse(2))
            .thenComparing((a, b) -> a.name.isPresent() && b.name.isPresent()
                    ? MigrationName.compareVersions(a.name.get().version(), b.name.get().version()) : 0)
            .thenComparing(m -> m.path);

    final String path;
    final String fileName;
    final Optional<MigrationName> name;
    final String text;
    /** Why the content cannot be analysed (binary, not UTF-8, too large), else null. */
    final String unreadable;
    private MigrationHeader header;
    private TextLines lines;
    private List<AnalyzedStatement> statements;

    Migration(SourceFile file) {
        this.path = file.path();
        int slash = path.lastIndexOf('/');
        this.fileName = slash < 0 ? path : path.substring(slash + 1);
        this.name = MigrationName.parse(fileName);
        if (file.size() > MAX_BYTES) {
            this.unreadable = "larger than " + MAX_BYTES + " bytes";
            this.text = "";
        } else if (file.isBinary()) {
            this.unreadable = "a binary file";
            this.text = "";
        } else {
            Optional<String> utf8 = file.utf8();
            this.unreadable = utf8.isPresent() ? null : "not valid UTF-8";
            this.text = utf8.orElseGet(file::textLenient);
        }
    }

    MigrationHeader header() {
        if (header == null) {
            header = MigrationHeader.parse(text);
        }
        return header;
    }

    TextLines lines() {
        if (lines == null) {
            lines = TextLines.of(text);
        }
        return lines;
    }

    List<AnalyzedStatement> statements(MigrationSettings settings) {
        if (statements == null) {
            StatementParser parser = new StatementParser(settings.dialect(), settings.placeholders());
            statements = unreadable != null ? List.of()
                    : SqlSplitter.split(text, settings.dialect()).stream().map(parser::analyze).toList();
        }
        return statements;
    }

    /**
     * Only the statements whose text matches {@code mentions} (or holds a placeholder), analysed without
     * being cached: replaying 2,000 applied migrations for the few tables a change touches need not parse
     * every statement of them.
     */
    List<AnalyzedStatement> statementsMentioning(MigrationSettings settings, Pattern mentions) {
        if (statements != null) {
            return statements.stream().filter(r -> mentions(r.statement().text(), mentions)).toList();
        }
        if (unreadable != null || !mentions.matcher(text).find()) {
            return List.of();
        }
        StatementParser parser = new StatementParser(settings.dialect(), settings.placeholders());
        return SqlSplitter.split(text, settings.dialect()).stream().filter(st -> mentions(st.text(), mentions))
                .map(parser::analyze).toList();
    }

    private static boolean mentions(String sql, Pattern mentions) {
        return sql.contains("${") || mentions.matcher(sql).find();
    }

    /** Header phase, else the description prefix. */
    Optional<Phase> phase() {
        Optional<Phase> p = header().value("Phase").flatMap(Phase::parse);
        return p.isPresent() ? p : name.flatMap(MigrationName::phasePrefix);
    }

    /** Text lines without terminators: what Flyway's checksum sees. */
    List<String> checksumLines() {
        return TextLines.split(text);
    }
}
