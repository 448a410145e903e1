package io.mergegate.checkers.secrets;

import io.mergegate.core.Finding;
import io.mergegate.core.spi.Checker;
import io.mergegate.core.spi.GateContext;
import io.mergegate.core.spi.History;
import io.mergegate.core.spi.Mode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Credentials in the change: the lines a pull request adds (and every commit inside it), the staged or
 * working-tree changes, or every file of a tree. Findings show a short prefix and the length only.
 */
public final class SecretsChecker implements Checker {

    public static final Set<String> RULE_IDS = Set.of(
            "secrets/aws-access-key-id",
            "secrets/aws-secret-access-key",
            "secrets/github-token",
            "secrets/gitlab-token",
            "secrets/slack-token",
            "secrets/stripe-key",
            "secrets/google-cloud-credential",
            "secrets/private-key",
            "secrets/jwt",
            "secrets/package-registry-token",
            "secrets/azure-credential",
            "secrets/ai-service-key",
            "secrets/saas-api-token",
            "secrets/database-url-password",
            "secrets/basic-auth-url",
            "secrets/authorization-header",
            "secrets/generic-password",
            "secrets/kubernetes-secret",
            SecretFiles.RULE,
            SecretFindings.FILE_NOT_SCANNED);

    @Override
    public String id() {
        return "secrets";
    }

    @Override
    public String description() {
        return "Credentials in changes, staged files, trees and history; never prints the secret";
    }

    @Override
    public Set<String> ruleIds() {
        return RULE_IDS;
    }

    /** Only a tree scan reads every line; the other modes read added lines, so an untouched secret is not seen. */
    @Override
    public boolean seesWholeHead(Mode mode) {
        return mode == Mode.TREE;
    }

    @Override
    public List<Finding> check(GateContext ctx) {
        SecretScan.Options options = SecretScan.Options.from(ctx.config());
        if (!ctx.config().bool("enabled", true)) {
            return List.of();
        }
        SecretScan.Result result = switch (ctx.mode()) {
            case TREE -> SecretScan.tree(ctx.head(), options);
            case STAGED, WORKING_TREE -> SecretScan.change(ctx.base(), ctx.head(), ctx.changes(), options);
            case PULL_REQUEST -> pullRequest(ctx, options);
        };
        return SecretFindings.of(result, ctx::report);
    }

    /** Head against the merge base, then each commit of the PR: a secret added and removed again is in history. */
    private static SecretScan.Result pullRequest(GateContext ctx, SecretScan.Options options) {
        SecretScan.Result head = SecretScan.change(ctx.base(), ctx.head(), ctx.changes(), options);
        List<History.Commit> commits = ctx.config().bool("history", true) ? ctx.history().commits() : List.of();
        if (commits.isEmpty()) {
            return head;
        }
        SecretScan inCommits = new SecretScan(SecretScanner.defaults(), options);
        for (History.Commit c : commits) {
            // a merge of the base branch brings in what landed there: only what the merge itself wrote counts
            inCommits.changeInto(c.parent(), c.otherParents(), c.tree(), c.changes(), c.id());
        }
        SecretScan.Result history = inCommits.result();
        List<SecretMatch> all = SecretFindings.dedupe(head.matches(), history.matches());
        List<SecretScan.Skipped> skipped = new ArrayList<>(head.skipped());
        Set<String> seen = new HashSet<>();
        head.skipped().forEach(s -> seen.add(s.path() + '\u0000' + s.reason()));
        history.skipped().stream().filter(s -> !seen.contains(s.path() + '\u0000' + s.reason())).forEach(skipped::add);
        return new SecretScan.Result(all, skipped, head.stats());
    }
}
