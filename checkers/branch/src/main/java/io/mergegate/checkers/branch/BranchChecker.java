package io.mergegate.checkers.branch;

import io.mergegate.core.Finding;
import io.mergegate.core.spi.Checker;
import io.mergegate.core.spi.FactKey;
import io.mergegate.core.spi.GateContext;
import io.mergegate.core.spi.KnownFacts;
import io.mergegate.core.spi.Mode;
import io.mergegate.core.spi.PullRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Branch names and merge targets against the convention in the {@code branch} config section. */
public final class BranchChecker implements Checker {

    static final String INVALID_NAME = "branch/invalid-name";
    static final String INVALID_TARGET = "branch/invalid-target";
    static final String UNKNOWN = "branch/unknown";
    static final String DIRECT_COMMIT = "branch/direct-commit-to-protected";

    @Override
    public String id() {
        return "branch";
    }

    @Override
    public String description() {
        return "Branch names follow the team convention and target the allowed branches";
    }

    @Override
    public Set<String> ruleIds() {
        return Set.of(INVALID_NAME, INVALID_TARGET, UNKNOWN, DIRECT_COMMIT);
    }

    @Override
    public Set<FactKey<?>> produces() {
        return Set.of(KnownFacts.BRANCH_TICKET);
    }

    @Override
    public boolean supports(Mode mode) {
        return mode != Mode.TREE;
    }

    @Override
    public List<Finding> check(GateContext ctx) {
        BranchPolicy policy = new BranchPolicy(ctx.config());
        PullRequest pr = ctx.pullRequest();
        List<Finding> out = new ArrayList<>();
        if (pr.branch() == null) {
            if (ctx.mode() != Mode.WORKING_TREE) {
                out.add(ctx.report(UNKNOWN).arg("reason", pr.branchProblem() == null ? "unknown" : pr.branchProblem())
                        .logical("branch").key("branch").build());
            }
            return out;
        }
        String branch = pr.branch();
        String where = "branch " + branch;
        if (ctx.mode() == Mode.STAGED && policy.isProtected(branch)) {
            out.add(ctx.report(DIRECT_COMMIT).arg("branch", branch).arg("example", policy.example("feature"))
                    .logical(where).key("protected:" + branch).build());
        }
        Optional<BranchPolicy.Diagnosis> d = policy.diagnose(branch);
        if (d.isPresent()) {
            out.add(ctx.report(INVALID_NAME).arg("branch", branch).arg("pattern", policy.pattern)
                    .arg("problem", d.get().problem()).arg("example", d.get().example())
                    .property("part", d.get().kind()).property("example", d.get().example())
                    .logical(where).key("name:" + branch).build());
        }
        policy.ticketOf(branch).ifPresent(t -> ctx.facts().publish(KnownFacts.BRANCH_TICKET, t));
        if (pr.target() != null) {
            Optional<Map.Entry<String, List<String>>> rule = policy.targetRule(branch);
            if (rule.isPresent() && !rule.get().getValue().contains(pr.target())) {
                out.add(ctx.report(INVALID_TARGET).arg("branch", branch).arg("target", pr.target())
                        .arg("rule", rule.get().getKey()).arg("allowed", "`" + String.join("`, `", rule.get().getValue()) + "`")
                        .logical(where).key("target:" + branch + "->" + pr.target()).build());
            }
        }
        return out;
    }
}
