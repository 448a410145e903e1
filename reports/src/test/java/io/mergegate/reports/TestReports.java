package io.mergegate.reports;

import io.mergegate.core.Finding;
import io.mergegate.core.Location;
import io.mergegate.core.Region;
import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RuleStatus;
import io.mergegate.core.RunReport;
import io.mergegate.core.RunReport.CheckerRun;
import io.mergegate.core.Severity;
import io.mergegate.core.Suppression;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-built run reports shared by the writer tests. */
public final class TestReports {

    public static final String VERSION = "1.2.3-test";
    public static final String HEAD = "0123456789abcdef0123456789abcdef01234567";

    /** Characters every escaping layer must survive: quotes, markup, percent, CR/LF, tab, ESC, CDATA end. */
    public static final String NASTY = "Key \"AKIA…\" in <b>x</b> & 100% sure, a:b,c\r\nsecond line\tand ]]> \u001b[31mred";

    private TestReports() {
    }

    public static RuleDescriptor rule(String id, Severity s, String summary, String help, List<String> tags) {
        return new RuleDescriptor(id, s, RuleStatus.STABLE, summary, "", help, "",
                "https://github.com/mergegate/mergegate/blob/main/docs/rules/" + id + ".md", tags, "", true);
    }

    public static List<RuleDescriptor> rules() {
        String help = "## Why\nClients that read `email` break.\n\n## How to fix\nKeep the property; deprecate it first.\n\n## Example\n`email` removed.";
        return List.of(
                rule("branch/invalid-name", Severity.ERROR, "The branch name does not follow the convention.",
                        "## Why\nTools parse branch names.\n\n## How to fix\nRename the branch.", List.of("naming")),
                rule("branch/invalid-target", Severity.ERROR, "The branch may not merge into this target.", "", List.of()),
                new RuleDescriptor("branch/old-name", Severity.WARNING, RuleStatus.DEPRECATED, "Old rule.", "", "", "",
                        "", List.of(), "branch/invalid-name", false),
                rule("openapi/enum-value-added", Severity.NOTE, "An enum value was added to a response.", help, List.of("api")),
                rule("openapi/property-removed", Severity.WARNING, "A response property was removed.", help,
                        List.of("breaking", "api")),
                rule("pr/missing-ticket", Severity.ERROR, "The pull request names no ticket.",
                        "## Why\nTraceability.\n\n## How to fix\nPut the ticket in the title.", List.of("governance")),
                rule("secrets/aws-access-key", Severity.ERROR, "An AWS access key is committed.",
                        "## Why\nLeaked keys are abused within minutes.\n\n## How to fix\nRevoke and rotate the key.",
                        List.of("security", "secrets")));
    }

    public static List<CheckerRun> checkers() {
        return List.of(
                new CheckerRun("branch", "Branch names", List.of("branch/invalid-name", "branch/invalid-target", "branch/old-name"), 12, null),
                new CheckerRun("openapi", "OpenAPI compatibility", List.of("openapi/enum-value-added", "openapi/property-removed"), 340, null),
                new CheckerRun("pr", "Pull request metadata", List.of("pr/missing-ticket"), 3, null),
                new CheckerRun("secrets", "Secrets in added lines", List.of("secrets/aws-access-key"), 1234, null));
    }

    public static Finding finding(String rule, Severity s, String message, Location loc, String fingerprint) {
        return new Finding(rule, s, message, loc, fingerprint, Map.of(), null);
    }

    /** Six findings: with a region, without a region, PR-level, suppressed twice, special characters. */
    public static List<Finding> findings() {
        return List.of(
                new Finding("openapi/property-removed", Severity.WARNING,
                        "Response property `email` of GET /users was removed.",
                        new Location("api/openapi.yaml", new Region(42, 7, 42, 20), "/paths/~1users/get/responses/200/email"),
                        null, Map.of("operation", "GET /users"), null),
                finding("openapi/enum-value-added", Severity.NOTE, "Enum value `PENDING` was added to `status`.",
                        Location.file("api/openapi.yaml"), null),
                finding("secrets/aws-access-key", Severity.ERROR, "AWS access key (fingerprint 3f2a…) added.",
                        Location.of("src/Main.java", 10, 3), "5a1e0c7d9b2f4e6a8c0d1e2f3a4b5c6d")
                        .withSuppression(new Suppression(Suppression.Kind.INLINE, "test fixture, not a real key")),
                finding("secrets/aws-access-key", Severity.ERROR, "AWS access key (fingerprint 9c0d…) added.",
                        Location.of("src/main/resources/app.properties", 3, 1), "9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f")
                        .withSuppression(new Suppression(Suppression.Kind.BASELINE, "in the baseline since 2026-01-05")),
                finding("secrets/aws-access-key", Severity.ERROR, NASTY,
                        Location.of("src/weird dir/naïve,file:name%.txt", 7, 0), "aa11bb22cc33dd44ee55ff6600778899"),
                finding("branch/invalid-name", Severity.ERROR,
                        "Branch `Feature/core-12` does not follow `{type}/{TEAM}-{TICKET}-{slug}`: type. Rename it, e.g. `feature/CORE-12-x`.",
                        Location.logical("branch"), null),
                finding("pr/missing-ticket", Severity.ERROR, "The title `Fix | stuff <b>` names no ticket.",
                        Location.logical("pull request"), null));
    }

    public static RunReport failing() {
        return new RunReport(VERSION, rules(), findings(), checkers(), Set.of(Severity.ERROR), "abc1234", "def5678", HEAD, 1);
    }

    public static RunReport passing() {
        return new RunReport(VERSION, rules(), List.of(), checkers(), Set.of(Severity.ERROR), "abc1234", "def5678", HEAD, 0);
    }

    /** The secrets checker crashed; the engine reported it and failed closed. */
    public static RunReport checkerFailed() {
        List<CheckerRun> runs = List.of(
                new CheckerRun("branch", "Branch names", List.of("branch/invalid-name", "branch/invalid-target"), 5, null),
                new CheckerRun("secrets", "Secrets in added lines", List.of("secrets/aws-access-key"), 77,
                        "java.lang.IllegalStateException: boom <&>"));
        Finding failed = finding("mergegate/checker-failed", Severity.ERROR,
                "Checker secrets failed: java.lang.IllegalStateException: boom <&>", Location.logical("secrets"), null);
        return new RunReport(VERSION, rules(), List.of(failed), runs, Set.of(Severity.ERROR), "HEAD", "working tree", null, 3);
    }
}
