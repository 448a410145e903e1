package io.mergegate.checkers.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.source.TextLines;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The splitter and the classifier never fail, whatever the input, and cut well-formed input where it should. */
class SqlSplitterPropertiesTest {

    private static final List<String> FRAGMENTS = List.of("'", "''", "E'", "\\'", "\"", "`", "$$", "$tag$", "$1",
            "${schema}", "--", "/*", "*/", "\n", "\r\n", ";", " ", "BEGIN", "ATOMIC", "END", "CASE", "DO", "DELIMITER //",
            "//", "ALTER TABLE t ", "DROP COLUMN c", "CREATE INDEX CONCURRENTLY i ON t (c)", "EXECUTE ", "(", ")", ",",
            "#", "x", "ä", "\u0000");

    @Provide
    Arbitrary<String> sqlish() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void neverFailsAndStaysInsideTheText(@ForAll("sqlish") String text) {
        for (Dialect d : Dialect.values()) {
            List<SqlStatement> statements = SqlSplitter.split(text, d);
            TextLines lines = TextLines.of(text);
            int previous = -1;
            StatementAnalyzer analyzer = new StatementAnalyzer(d);
            for (SqlStatement s : statements) {
                assertThat(s.offset()).isGreaterThan(previous).isLessThan(text.length());
                assertThat(text.substring(s.offset())).startsWith(s.text().substring(0, 1));
                assertThat(s.line()).isEqualTo(lines.lineOf(s.offset()));
                assertThat(s.text()).isNotBlank();
                analyzer.analyze(s);
                previous = s.offset();
            }
        }
    }

    @Provide
    Arbitrary<String> statement() {
        Arbitrary<String> literal = Arbitraries.strings().withChars("ab;'\"$-/*\n ").ofMaxLength(12)
                .map(s -> "'" + s.replace("'", "''") + "'");
        Arbitrary<String> dollar = Arbitraries.strings().withChars("ab;'\"-\n ").ofMaxLength(12)
                .map(s -> "$q$" + s + "$q$");
        Arbitrary<String> comment = Arbitraries.strings().withChars("ab;'\" ").ofMaxLength(12)
                .map(s -> "/* " + s.replace("*/", "") + " */");
        return Arbitraries.oneOf(literal, dollar, comment).list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> "SELECT " + String.join(", ", parts).replace("/* ", "1 /* "));
    }

    @Provide
    Arbitrary<List<String>> statements() {
        return statement().list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 1000)
    void cutsExactlyAtTheTopLevelSemicolons(@ForAll("statements") List<String> list) {
        String text = String.join(";\n", list) + ";\n";
        List<SqlStatement> statements = SqlSplitter.split(text, Dialect.POSTGRESQL);
        assertThat(statements).extracting(SqlStatement::text).containsExactlyElementsOf(list);
        assertThat(statements).noneMatch(SqlStatement::unterminated);
    }
}
