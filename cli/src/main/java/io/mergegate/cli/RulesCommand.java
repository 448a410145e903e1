package io.mergegate.cli;

import io.mergegate.core.RuleDescriptor;
import io.mergegate.rules.RuleCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mergegate rules}: the catalogue. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule: id, default severity, status, summary.")
final class RulesCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--family", paramLabel = "FAMILY", description = "Only rules of this family (e.g. openapi).")
    String family;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = RuleCatalog.builtIn().all().stream().mapToInt(r -> r.id().length()).max().orElse(20);
        int n = 0;
        for (RuleDescriptor r : RuleCatalog.builtIn().all()) {
            if (family != null && !r.family().equals(family)) {
                continue;
            }
            out.printf("%-" + width + "s  %-7s  %-10s  %s%n", r.id(), r.defaultSeverity().id(),
                    r.status().id() + (r.enabledByDefault() ? "" : "*"), r.shortDescription());
            n++;
        }
        out.printf("%n%d rules; * = opt-in. Details: mergegate explain RULE-ID%n", n);
        return 0;
    }
}
