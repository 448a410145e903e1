package io.mergegate.checkers.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.FixturePaths;
import io.mergegate.testkit.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shared corpus of 185 PostgreSQL files (squawk's parser test data) goes through without an exception. */
class CorpusTest {

    private static final Path CORPUS = FixturePaths.shared().resolve("corpus/migrations/squawk-parser-ok");

    @Test
    void everyCorpusFileIsJudgedWithoutAnException() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).hasSize(185);
        SourceTree head = new DirectorySourceTree(CORPUS, "corpus");
        SimpleGateContext ctx = new SimpleGateContext(Mode.TREE, SourceTree.empty("base"), head, null, null, null,
                Map.of("migrations", new CheckerConfig(Map.of("paths", List.of("**/*.sql")))), "migrations", null,
                TestRules.catalog(), null, null);
        List<Finding> findings = new MigrationChecker().check(ctx);
        // every file is judged: none has the full header
        assertThat(findings.stream().filter(f -> f.ruleId().startsWith("migration/header-missing"))
                .map(f -> f.location().path()).distinct()).hasSize(185);
        long unparsed = findings.stream().filter(f -> f.ruleId().equals(MigrationRuleIds.STATEMENT_NOT_PARSED))
                .count();
        assertThat(findings.stream().filter(f -> !f.ruleId().equals(MigrationRuleIds.INVALID_FILE_NAME)))
                .allSatisfy(f -> assertThat(f.location().line()).as("%s", f).isPositive());
        System.out.printf("corpus: %d findings, %d statements nobody recognises%n", findings.size(), unparsed);
        assertThat(unparsed).as("statements nobody recognises").isLessThan(50);
    }

    @Test
    void everyStatementOfTheCorpusIsSplitAndAnalysed() throws Exception {
        int statements = 0;
        int jsql = 0;
        int known = 0;
        StatementParser parser = new StatementParser(Dialect.POSTGRESQL, Map.of());
        try (Stream<Path> s = Files.list(CORPUS)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".sql")).sorted().toList()) {
                String text = Files.readString(p);
                for (SqlStatement st : SqlSplitter.split(text, Dialect.POSTGRESQL)) {
                    statements++;
                    AnalyzedStatement r = parser.analyze(st);
                    if (r.parser() == AnalyzedStatement.Parser.JSQLPARSER) {
                        jsql++;
                    }
                    if (r.known()) {
                        known++;
                    }
                }
            }
        }
        System.out.printf("corpus: %d statements, %d classified by JSqlParser, %d recognised by either%n",
                statements, jsql, known);
        assertThat(statements).isGreaterThan(2500);
        // JSqlParser is the primary parser; the classifier takes what it rejects (about two in five here)
        assertThat(jsql).isGreaterThan(statements / 2);
        assertThat(known).isGreaterThan(statements * 95 / 100);
    }
}
