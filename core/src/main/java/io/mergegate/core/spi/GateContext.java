package io.mergegate.core.spi;

import io.mergegate.core.Finding;
import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.SourceTree;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a checker may read about the change under review. The engine builds one per checker
 * from git; tests build one from fixture folders.
 */
public interface GateContext {

    Mode mode();

    /** The merge base (pull request), HEAD (staged / working tree), or an empty tree. */
    SourceTree base();

    /** The PR head, the index, the working tree, or the tree being scanned. */
    SourceTree head();

    /** Paths that differ between base and head. */
    ChangeSet changes();

    /** Git history on the target branch and the commits of the change; empty without git. */
    History history();

    /** Branch, target and PR metadata from the CI context or the command line. */
    PullRequest pullRequest();

    /** This checker's config section. */
    CheckerConfig config();

    /** Another section of the config, e.g. {@code branch} for the team list. */
    CheckerConfig config(String section);

    Facts facts();

    RuleBook rules();

    /** "Today", injectable for date-dependent rules. */
    Clock clock();

    /** Environment variables (credentials are read from variables named in the config). */
    Map<String, String> environment();

    /** Starts a finding for a rule of the catalogue with its default severity and message template. */
    default Finding.Builder report(String ruleId) {
        return Finding.builder(rules().require(ruleId));
    }
}
