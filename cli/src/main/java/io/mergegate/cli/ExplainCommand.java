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
            String near = catalog.all().stream().map(RuleDescriptor::id)
                    .filter(id -> id.contains(ruleId) || ruleId.contains(id.substring(id.indexOf('/') + 1)))
                    .findFirst().map(id -> "; did you mean " + id + "?").orElse("; run 'mergegate rules' for the list");
            return new UsageException("unknown rule '" + ruleId + "'" + near);
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
