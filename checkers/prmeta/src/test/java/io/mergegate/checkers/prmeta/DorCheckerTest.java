package io.mergegate.checkers.prmeta;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.Facts;
import io.mergegate.core.spi.KnownFacts;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.PullRequest;
import io.mergegate.core.spi.SimpleGateContext;
import io.mergegate.testkit.FixtureHarness;
import io.mergegate.testkit.TestRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DorCheckerTest {

    private static List<Finding> run(PullRequest pr, Facts facts) {
        SimpleGateContext ctx = new SimpleGateContext(Mode.PULL_REQUEST, SourceTree.empty("base"),
                SourceTree.empty("head"), null, null, pr, Map.of(), "dor", facts, TestRules.catalog(), null, null);
        List<Finding> out = new DorChecker().check(ctx);
        FixtureHarness.assertDeclared(new DorChecker(), out);
        return out;
    }

    private static PullRequest pr(String branch, String title, String body) {
        return new PullRequest(branch, "test", null, "main", title, body, List.of(), false, false, "test");
    }

    @Test
    void theBranchTicketFactWinsOverTheBranchName() {
        Facts facts = new Facts();
        facts.publish(KnownFacts.BRANCH_TICKET, "PAY-7");
        assertThat(run(pr("feature/CORE-12-x", "CORE-12 x", ""), facts)).extracting(Finding::message)
                .singleElement().asString().contains("`PAY-7`");
        assertThat(run(pr("feature/CORE-12-x", "PAY-7: x", ""), facts)).isEmpty();
    }

    @Test
    void withoutApiChangesOnlyTicketAndChecklistAreJudged() {
        assertThat(run(pr("feature/CORE-12-x", "CORE-12 x", "no sections at all"), new Facts())).isEmpty();
    }

    @Test
    void consumesTheFactsItReads() {
        assertThat(new DorChecker().consumes()).containsExactlyInAnyOrder(KnownFacts.API_CHANGES,
                KnownFacts.BRANCH_TICKET);
        assertThat(new DorChecker().supports(Mode.STAGED)).isFalse();
        assertThat(new DorChecker().supports(Mode.PULL_REQUEST)).isTrue();
    }

    @Test
    void hostileDescriptionsNeverThrow() {
        String huge = "## Definition of Done\n" + "- [ ] x\n".repeat(20_000) + "<!-- " + "\u0000".repeat(1000);
        assertThat(run(pr(null, null, huge), new Facts())).extracting(Finding::ruleId)
                .containsExactly("dod/checklist-incomplete");
    }
}
