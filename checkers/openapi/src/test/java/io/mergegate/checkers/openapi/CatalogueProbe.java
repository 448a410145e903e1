package io.mergegate.checkers.openapi;

import io.mergegate.core.Finding;
import io.mergegate.testkit.FixtureCase;
import io.mergegate.testkit.FixtureHarness;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class CatalogueProbe {
    public static void main(String[] a) throws Exception {
        Map<String, String> status = new TreeMap<>();
        for (FixtureCase c : FixtureHarness.cases(List.of("openapi"))) {
            String name = c.dir().getParent().getFileName().toString();
            List<Finding> f;
            try {
                f = FixtureHarness.run(c, new OpenApiChecker());
            } catch (Exception e) {
                status.put(name, "FAIL exception " + e);
                continue;
            }
            boolean hit = f.stream().anyMatch(x -> x.ruleId().equals("openapi/" + name));
            boolean positive = c.dir().getFileName().toString().startsWith("positive");
            if (hit != positive) {
                status.put(name, "FAIL " + c.dir().getFileName() + " " + f.stream().map(Finding::ruleId).toList());
            } else {
                status.putIfAbsent(name, "OK");
            }
        }
        status.forEach((k, v) -> System.out.println(k + "\t" + v));
    }
}
