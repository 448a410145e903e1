package io.mergegate.cli;

import io.mergegate.core.RuleDescriptor;
import io.mergegate.engine.UsageException;
import io.mergegate.rules.RuleCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mergegate explain RULE-ID}: why a rule exists and how to fix a finding. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain a rule: why it matters, the safe alternative, an example.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RULE-ID", description = "A rule id, e.g. branch/invalid-name.")
    String ruleId;

    @Override
    public Integer call() {
        RuleCatalog catalog = RuleCatalog.builtIn();
        RuleDescriptor r = catalog.find(ruleId).orElseThrow(() -> {
            java.util.List<String> same = catalog.all().stream().filter(x -> x.name().equals(ruleId))
                    .map(RuleDescriptor::id).toList();
            java.util.List<String> near = same.isEmpty() ? catalog.all().stream().map(RuleDescriptor::id)
                    .filter(id -> id.contains(ruleId)).limit(5).toList() : same;
            String hint = near.isEmpty() ? "; run 'mergegate rules' for the list"
                    : "; did you mean " + String.join(" or ", near) + "?";
            return new UsageException("unknown rule '" + ruleId + "'" + hint);
        });
        PrintWriter out = spec.commandLine().getOut();
        out.println(r.id() + " (" + r.defaultSeverity().id() + ", " + r.status().id()
                + (r.enabledByDefault() ? "" : ", opt-in") + ")");
        out.println(r.shortDescription());
        out.println();
        out.println("Message: " + r.messageTemplate());
        out.println();
        out.println(catalog.body(r.id()));
        out.println();
        out.println("Docs: " + r.helpUri());
        return 0;
    }
}
