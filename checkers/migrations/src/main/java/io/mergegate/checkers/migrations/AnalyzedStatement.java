package io.mergegate.checkers.migrations;

import java.util.List;

/**
 * One statement with the operations it performs, as the rules see it.
 *
 * @param statement the statement
 * @param ops       what it does
 * @param known     whether JSqlParser or the keyword classifier recognised the statement at all
 * @param verb      the first word, upper-cased (empty when the statement has no word)
 * @param parser    which of the two produced {@code ops}
 */
record AnalyzedStatement(SqlStatement statement, List<Op> ops, boolean known, String verb, Parser parser) {

    /** Who classified a statement. */
    enum Parser {
        /** JSqlParser 5.4 parsed it and every part of its tree was mapped to operations. */
        JSQLPARSER,
        /** The keyword classifier ({@link StatementAnalyzer}): JSqlParser failed, was skipped or lost something. */
        CLASSIFIER
    }
}
