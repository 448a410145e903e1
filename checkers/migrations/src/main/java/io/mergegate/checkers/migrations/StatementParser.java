package io.mergegate.checkers.migrations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.statement.Statement;

/**
 * Classifies one statement: JSqlParser 5.4 first, mapped by {@link JSqlMapper}; the keyword classifier
 * ({@link StatementAnalyzer}) when JSqlParser rejects the statement, runs out of budget, loses part of
 * it (a word of the statement missing from its re-printed tree, e.g. a constraint name) or yields a
 * tree the mapper does not map. Never throws.
 */
final class StatementParser {

    /**
     * First words JSqlParser 5.4 rejects or whose bodies only the classifier scans ({@code DO} blocks,
     * {@code EXECUTE} strings): giving them to JSqlParser would only cost a failed parse.
     */
    private static final Set<String> CLASSIFIER_VERBS = Set.of("DO", "BEGIN", "START", "EXECUTE", "VACUUM",
            "REINDEX", "CLUSTER", "LOCK", "COPY", "OPTIMIZE", "END", "ABORT", "PERFORM");

    private final Dialect dialect;
    private final Map<String, String> placeholders;
    private final StatementAnalyzer classifier;

    StatementParser(Dialect dialect, Map<String, String> placeholders) {
        this.dialect = dialect;
        this.placeholders = placeholders;
        this.classifier = new StatementAnalyzer(dialect, placeholders);
    }

    AnalyzedStatement analyze(SqlStatement st) {
        List<Token> tokens = SqlLexer.tokens(st.text(), dialect);
        String verb = tokens.isEmpty() || tokens.get(0).type() != Token.Type.WORD ? "" : tokens.get(0).text();
        boolean accepted = false;
        if (!st.unterminated() && !tokens.isEmpty() && !CLASSIFIER_VERBS.contains(verb)
                && !knownLoss(tokens) && st.text().length() <= JSqlGate.MAX_CHARS) {
            Substituted sql = substitute(st.text());
            Statement parsed = JSqlGate.parse(sql.text, dialect);
            accepted = parsed != null;
            // with placeholders the tree's names and the tokens' positions differ: the classifier reads those
            if (accepted && !sql.changed && keepsEveryWord(tokens, parsed)) {
                List<Op> ops = JSqlMapper.map(parsed, st, tokens, dialect);
                if (ops != null) {
                    return new AnalyzedStatement(st, ops, true, verb, AnalyzedStatement.Parser.JSQLPARSER);
                }
            }
        }
        StatementAnalyzer.Result r = classifier.analyze(st);
        return new AnalyzedStatement(st, r.ops(), r.known() || accepted, r.verb(),
                AnalyzedStatement.Parser.CLASSIFIER);
    }

    /** Forms JSqlParser 5.4 rejects or misreads, known in advance. */
    private static boolean knownLoss(List<Token> t) {
        for (int k = 0; k + 1 < t.size(); k++) {
            Token a = t.get(k);
            Token b = t.get(k + 1);
            // UNIQUE USING INDEX is rejected; DROP INDEX CONCURRENTLY is read as an index named CONCURRENTLY
            if (a.is("USING") && b.is("INDEX") || a.is("INDEX") && b.is("CONCURRENTLY") && t.get(0).is("DROP")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every word, name, number and string of the statement is still in JSqlParser's re-printed
     * tree; one missing means the tree lost part of the statement.
     */
    private boolean keepsEveryWord(List<Token> original, Statement parsed) {
        Map<String, Integer> printed = new HashMap<>();
        for (Token x : SqlLexer.tokens(parsed.toString(), dialect)) {
            if (x.type() != Token.Type.SYMBOL) {
                printed.merge(x.type().name().charAt(0) + x.text(), 1, Integer::sum);
            }
        }
        for (Token x : original) {
            if (x.type() != Token.Type.SYMBOL) {
                Integer left = printed.merge(x.type().name().charAt(0) + x.text(), -1, Integer::sum);
                if (left < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private record Substituted(String text, boolean changed) {
    }

    /** Flyway placeholders replaced by their configured values (a stand-in name for unknown ones). */
    private Substituted substitute(String sql) {
        if (!sql.contains("${")) {
            return new Substituted(sql, false);
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            int open = sql.indexOf("${", i);
            int close = open < 0 ? -1 : sql.indexOf('}', open);
            if (open < 0 || close < 0) {
                sb.append(sql, i, sql.length());
                break;
            }
            sb.append(sql, i, open);
            String value = placeholders.get(sql.substring(open + 2, close));
            sb.append(value == null ? "placeholder_value" : value);
            i = close + 1;
        }
        return new Substituted(sb.toString(), true);
    }
}
