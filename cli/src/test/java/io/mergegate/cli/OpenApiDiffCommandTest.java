package io.mergegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.json.Json;
import io.mergegate.testkit.SharedValidators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mergegate openapi diff BASE HEAD} as a user runs it, on specs in real git repositories built
 * with JGit: exit codes 0/1/2, console, JSON and validated SARIF output, refs to files of the repository,
 * versioned files, and the repository's {@code .mergegate.yml}.
 */
class OpenApiDiffCommandTest {

    /** The seed spec with its User schema in a shared file the spec reaches with {@code ../common/}. */
    static final String SPEC = OpenApiCheckTest.SEED.replace("'#/components/schemas/User'", "'../common/user.yaml#/User'")
            .substring(0, OpenApiCheckTest.SEED.indexOf("components:") - 1);

    /** The seed's User schema as a file of its own. */
    static final String USER = OpenApiCheckTest.SEED.substring(OpenApiCheckTest.SEED.indexOf("    User:")).lines()
            .map(l -> l.substring(4) + "\n").collect(java.util.stream.Collectors.joining());

    @TempDir
    Path tmp;

    /** A git repository with the seed v2 spec committed and {@code files} added in its working tree. */
    private Path repo(Map<String, String> files) {
        Path repo = OpenApiCheckTest.repo(tmp, "scenario", Map.of(OpenApiCheckTest.V2, OpenApiCheckTest.SEED),
                Map.of(OpenApiCheckTest.V2, OpenApiCheckTest.SEED));
        OpenApiCheckTest.write(repo, files);
        return repo;
    }

    private static Cli diff(Path repo, String base, String head, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("openapi", "diff", repo.resolve(base).toString(),
                repo.resolve(head).toString(), "--today", "2026-06-01"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Cli c) {
        return (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(c.out())).get("findings");
    }

    private static List<String> rules(Cli c) {
        return findings(c).stream().map(f -> f.get("ruleId") + " " + f.get("severity")).toList();
    }

    @Test
    void breakingChangeExitsOneWithConsoleLinesAndAValidSarif() throws Exception {
        Path repo = repo(Map.of("docs/openapi/new.yaml", OpenApiCheckTest.FULL_NAME_REMOVED));
        Path sarif = tmp.resolve("diff.sarif");
        Cli c = diff(repo, OpenApiCheckTest.V2, "docs/openapi/new.yaml", "--sarif", sarif.toString());
        assertThat(c.exit()).as(c.out() + c.err()).isEqualTo(1);
        assertThat(c.out()).contains("docs/openapi/new.yaml:28:7 error openapi/response-required-property-removed "
                + "removed the required property `fullName` from the 200 response of GET /v2/users/{userId} "
                + "(base: line 31)\n",
                "docs/openapi/new.yaml:4:12 error openapi/api-version-not-bumped ",
                "FAILED: 3 blocking findings (fail-on: error)");
        SharedValidators.sarif(sarif);
        String text = Files.readString(sarif, StandardCharsets.UTF_8);
        // relative to %SRCROOT%, the repository root: the path a code-scanning upload matches
        assertThat(text).contains("\"uri\": \"docs/openapi/new.yaml\"", "\"uriBaseId\": \"%SRCROOT%\"")
                .doesNotContain("\"uri\": \"new.yaml\"", "\"uri\": \"/");
    }

    @Test
    void compatibleChangeWithWarningsExitsZeroAndJsonIsParseable() {
        String unbumped = OpenApiCheckTest.EMAIL_ADDED.replace("version: 2.5.0", "version: 2.4.0");
        Path repo = repo(Map.of("docs/openapi/new.yaml", unbumped));
        Cli c = diff(repo, OpenApiCheckTest.V2, "docs/openapi/new.yaml", "--format", "json");
        assertThat(c.exit()).as(c.out() + c.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> verdict = (Map<String, Object>) ((Map<String, Object>) Json.parse(c.out())).get("verdict");
        assertThat(verdict).containsEntry("passed", true).containsEntry("exitCode", 0L).containsEntry("blocking", 0L);
        assertThat(rules(c)).containsExactlyInAnyOrder("openapi/api-minor-version-not-bumped warning",
                "openapi/response-optional-property-added note");
        assertThat(findings(c)).allSatisfy(f -> assertThat(f.get("path")).isEqualTo("docs/openapi/new.yaml"));
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        Path repo = repo(Map.of());
        Cli missing = diff(repo, OpenApiCheckTest.V2, "docs/openapi/none.yaml");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("mergegate: no such spec file: ").contains("none.yaml");
        Cli badOption = diff(repo, OpenApiCheckTest.V2, OpenApiCheckTest.V2, "--frobnicate");
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("Unknown option: '--frobnicate'");
        Cli badFormat = diff(repo, OpenApiCheckTest.V2, OpenApiCheckTest.V2, "--format", "xml");
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("--format must be console or json, not xml");
        Cli badDate = Cli.run("openapi", "diff", repo.resolve(OpenApiCheckTest.V2).toString(),
                repo.resolve(OpenApiCheckTest.V2).toString(), "--today", "tomorrow");
        assertThat(badDate.exit()).isEqualTo(2);
        assertThat(badDate.err()).contains("--today must be an ISO date");
        Cli oneFile = Cli.run("openapi", "diff", repo.resolve(OpenApiCheckTest.V2).toString());
        assertThat(oneFile.exit()).isEqualTo(2);
        OpenApiCheckTest.write(repo, Map.of(".mergegate.yml", "openapi:\n  deprecation-dayz: 3\n"));
        Cli badConfig = diff(repo, OpenApiCheckTest.V2, OpenApiCheckTest.V2);
        assertThat(badConfig.exit()).isEqualTo(2);
        assertThat(badConfig.err()).contains(".mergegate.yml:2: unknown key 'deprecation-dayz'");
    }

    @Test
    void refsToOtherFoldersOfTheRepositoryResolve() {
        Path repo = repo(Map.of("docs/common/user.yaml", USER, "docs/openapi/old.yaml", SPEC,
                "docs/common/user-v2.yaml", USER.replace("required: [id, fullName]", "required: [id]")
                        .replace("    fullName:\n      type: string\n", ""),
                "docs/openapi/new.yaml", SPEC.replace("user.yaml", "user-v2.yaml")));
        Cli c = diff(repo, "docs/openapi/old.yaml", "docs/openapi/new.yaml", "--format", "json");
        assertThat(c.exit()).as(c.out() + c.err()).isEqualTo(1);
        assertThat(findings(c)).anySatisfy(f -> assertThat(f).containsEntry("ruleId",
                "openapi/response-required-property-removed").containsEntry("path", "docs/common/user-v2.yaml"));
        assertThat(rules(c)).noneMatch(r -> r.startsWith("openapi/spec-ref-"));
    }

    @Test
    void aRefThatCannotBeFollowedIsAFindingNotSilence() throws Exception {
        // outside any repository and the current folder, each spec is read in its own folder
        Path dir = Files.createDirectories(tmp.resolve("loose/openapi"));
        Files.writeString(dir.resolve("old.yaml"), SPEC);
        Files.writeString(dir.resolve("new.yaml"), SPEC.replace("version: 2.4.0", "version: 2.4.1"));
        Cli c = Cli.run("openapi", "diff", dir.resolve("old.yaml").toString(), dir.resolve("new.yaml").toString(),
                "--format", "json");
        // the head's broken ref is an error (fail closed); the base's is a warning
        assertThat(c.exit()).as(c.out() + c.err()).isEqualTo(1);
        assertThat(rules(c)).contains("openapi/spec-ref-unresolved error", "openapi/spec-ref-not-followed warning");
        assertThat(findings(c)).extracting(f -> String.valueOf(f.get("message")))
                .anyMatch(m -> m.contains("`$ref: ../common/user.yaml#/User` (new.yaml:22) cannot be followed: "
                        + "it points outside the repository"))
                .anyMatch(m -> m.contains("the base `$ref: ../common/user.yaml#/User` (old.yaml:22)"));
    }

    @Test
    void theSeedsNextMajorFileIsComparedAsANewMajor() {
        String v3 = OpenApiCheckTest.SEED.replace("version: 2.4.0", "version: 3.0.0").replace("/v2/users/{userId}", "/v3/users/{id}")
                .replace("- name: userId", "- name: id")
                .replace("required: [id, fullName]", "required: [id, firstName, lastName]")
                .replace("        fullName:\n          type: string\n",
                        "        firstName:\n          type: string\n        lastName:\n          type: string\n");
        Path repo = repo(Map.of("docs/openapi/user-service-v3.yaml", v3));
        Cli c = diff(repo, OpenApiCheckTest.V2, "docs/openapi/user-service-v3.yaml", "--format", "json");
        assertThat(c.exit()).as(c.out() + c.err()).isZero();
        assertThat(rules(c)).containsExactlyInAnyOrder("openapi/response-required-property-removed note",
                "openapi/response-required-property-added note", "openapi/response-required-property-added note");
    }

    @Test
    void theRepositorysConfigApplies() throws Exception {
        String unbumped = OpenApiCheckTest.EMAIL_ADDED.replace("version: 2.5.0", "version: 2.4.0");
        Path repo = repo(Map.of("docs/openapi/new.yaml", unbumped, ".mergegate.yml", "openapi:\n  fail-on: warning\n"));
        Cli blocked = diff(repo, OpenApiCheckTest.V2, "docs/openapi/new.yaml");
        assertThat(blocked.exit()).as(blocked.out()).isEqualTo(1);
        assertThat(blocked.out()).contains("FAILED: 1 blocking finding (fail-on: error; openapi.fail-on: error, warning)");

        OpenApiCheckTest.write(repo, Map.of(".mergegate.yml",
                "openapi:\n  fail-on: warning\nrules:\n  openapi/api-minor-version-not-bumped: off\n"));
        Cli off = diff(repo, OpenApiCheckTest.V2, "docs/openapi/new.yaml", "--format", "json");
        assertThat(off.exit()).isZero();
        assertThat(rules(off)).containsExactly("openapi/response-optional-property-added note");

        Path other = tmp.resolve("other.yml");
        Files.writeString(other, "rules:\n  openapi/response-optional-property-added: error\n");
        Cli explicit = diff(repo, OpenApiCheckTest.V2, "docs/openapi/new.yaml", "--config", other.toString(),
                "--format", "json");
        assertThat(explicit.exit()).isEqualTo(1);
        assertThat(rules(explicit)).contains("openapi/response-optional-property-added error");
    }

    @Test
    void deprecationDaysAndTodayApply() {
        // deprecating GET with a sunset 92 days after 2026-06-01: too soon for stable's default 180 days
        String deprecated = OpenApiCheckTest.SEED.replace("      summary: Read one user\n",
                "      summary: Read one user\n      deprecated: true\n      x-sunset: '2026-09-01'\n")
                .replace("          description: The user\n", "          description: The user\n          headers:\n"
                        + "            Sunset: {schema: {type: string}}\n            Deprecation: {schema: {type: string}}\n");
        Path repo = repo(Map.of("docs/openapi/new.yaml", deprecated));
        Cli byDefault = diff(repo, OpenApiCheckTest.V2, "docs/openapi/new.yaml", "--format", "json");
        assertThat(byDefault.exit()).as(byDefault.out()).isEqualTo(1);
        assertThat(findings(byDefault)).extracting(f -> String.valueOf(f.get("message")))
                .contains("the sunset 2026-09-01 of GET /v2/users/{userId} is less than 180 days ahead "
                        + "(earliest allowed: 2026-11-28)");

        OpenApiCheckTest.write(repo, Map.of(".mergegate.yml", "openapi:\n  deprecation-days: 30\n"));
        Cli configured = diff(repo, OpenApiCheckTest.V2, "docs/openapi/new.yaml");
        assertThat(configured.exit()).as(configured.out()).isZero();
        Cli late = Cli.run("openapi", "diff", repo.resolve(OpenApiCheckTest.V2).toString(),
                repo.resolve("docs/openapi/new.yaml").toString(), "--today", "2026-08-15", "--format", "json");
        assertThat(late.exit()).as(late.out()).isEqualTo(1);
        assertThat(findings(late)).extracting(f -> String.valueOf(f.get("message")))
                .anyMatch(m -> m.contains("is less than 30 days ahead (earliest allowed: 2026-09-14)"));
    }
}
