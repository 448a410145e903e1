package io.mergegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.json.Json;
import io.mergegate.testkit.FixturePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mergegate check --only openapi} on real git repositories built with JGit: the contract. */
class OpenApiCheckTest {

    static final String V2 = "docs/openapi/user-service-v2.yaml";

    /** The seed spec (GET /v2/users/{userId} returns a User with a required {@code fullName}), as in the fixtures. */
    static final String SEED = read(FixturePaths.fixtures()
            .resolve("openapi/response-required-property-removed/positive-seed-versioned-file/base").resolve(V2));

    /** {@code fullName} removed, version unchanged: breaking inside the published /v2. */
    static final String FULL_NAME_REMOVED = SEED.replace("required: [id, fullName]", "required: [id]")
            .replace("        fullName:\n          type: string\n", "");

    /** An optional {@code email} added with a minor bump: compatible. */
    static final String EMAIL_ADDED = SEED.replace("version: 2.4.0", "version: 2.5.0")
            .replace("        fullName:\n          type: string\n",
                    "        fullName:\n          type: string\n        email:\n          type: string\n");

    @TempDir
    Path tmp;

    /** The exit code and the JSON report of one run. */
    record Run(int exit, Map<String, Object> json, String err) {

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings() {
            return (List<Map<String, Object>>) json.get("findings");
        }

        /** {@code rule path:line:column severity} of every finding, in report order. */
        List<String> lines() {
            List<String> out = new ArrayList<>();
            for (Map<String, Object> f : findings()) {
                Map<?, ?> r = f.get("region") instanceof Map<?, ?> m ? m : Map.of();
                String at = r.get("startLine") == null ? "" : ":" + r.get("startLine")
                        + (r.get("startColumn") == null ? "" : ":" + r.get("startColumn"));
                out.add(f.get("ruleId") + " " + f.get("path") + at + " " + f.get("severity"));
            }
            return out;
        }

        List<String> rules() {
            return findings().stream().map(f -> String.valueOf(f.get("ruleId"))).toList();
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A real git repository in {@code tmp/name/repo}, built the way the end-to-end scenarios are: the
     * {@code base} files committed on {@code main}, exactly the {@code head} files on the PR branch.
     */
    static Path repo(Path tmp, String name, Map<String, String> base, Map<String, String> head) {
        Path scenario = tmp.resolve(name);
        write(scenario.resolve("base"), base);
        write(scenario.resolve("head"), head);
        return ScenarioRepo.load(scenario).build(scenario.resolve("repo"));
    }

    static void write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path repo(Map<String, String> base, Map<String, String> head) {
        return repo(tmp, "scenario", base, head);
    }

    @SuppressWarnings("unchecked")
    static Run check(Path repo) {
        Cli c = Cli.run("check", "--repo", repo.toString(), "--base", "main", "--only", "openapi", "--format", "json",
                "--today", "2026-06-01");
        assertThat(c.exit()).as("exit code\n%s\n%s", c.out(), c.err()).isIn(0, 1);
        return new Run(c.exit(), (Map<String, Object>) Json.parse(c.out()), c.err());
    }

    @Test
    void breakingChangeExitsOneWithTheRuleIdsAndLines() {
        Run r = check(repo(Map.of(V2, SEED), Map.of(V2, FULL_NAME_REMOVED)));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).containsExactly(
                "openapi/api-version-not-bumped " + V2 + ":4:12 error",
                "openapi/api-uri-version-not-bumped " + V2 + ":7:5 error",
                "openapi/response-required-property-removed " + V2 + ":28:7 error");
        assertThat(r.findings().get(2)).containsEntry("message",
                "removed the required property `fullName` from the 200 response of GET /v2/users/{userId} (base: line 31)");
    }

    @Test
    void compatibleChangeExitsZero() {
        Run r = check(repo(Map.of(V2, SEED), Map.of(V2, EMAIL_ADDED)));
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).containsExactly("openapi/response-optional-property-added " + V2 + ":33:9 note");
    }

    @Test
    void bothDefaultGlobsFindSpecsAndOtherFilesAreNotSpecs() {
        String json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Orders\", \"version\": \"1.0.0\"}, "
                + "\"paths\": {\"/v1/orders\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}";
        Run r = check(repo(Map.of(V2, SEED, "orders-openapi.json", json, "contracts/users.yaml", SEED),
                Map.of(V2, FULL_NAME_REMOVED, "orders-openapi.json", json.replace("\"/v1/orders\"", "\"/v1/order\""),
                        "contracts/users.yaml", FULL_NAME_REMOVED)));
        assertThat(r.exit()).isEqualTo(1);
        // **/openapi/**/*.{yaml,yml,json} and **/*openapi*.{yaml,yml,json}; contracts/users.yaml matches neither
        assertThat(r.findings()).extracting(f -> f.get("path")).contains(V2, "orders-openapi.json")
                .doesNotContain("contracts/users.yaml");
        assertThat(r.lines()).contains("openapi/api-path-removed-without-deprecation orders-openapi.json:1:71 error");
    }

    @Test
    void customSpecGlobsReplaceTheDefaults() {
        String config = "openapi:\n  specs: [\"contracts/**/*.yaml\"]\n";
        Run r = check(repo(Map.of(V2, SEED, "contracts/users.yaml", SEED, ".mergegate.yml", config),
                Map.of(V2, FULL_NAME_REMOVED, "contracts/users.yaml", FULL_NAME_REMOVED, ".mergegate.yml", config)));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.findings()).extracting(f -> f.get("path")).containsOnly("contracts/users.yaml");
    }

    @Test
    void openapiFailOnDecidesForOpenapiFindings() {
        String unbumped = EMAIL_ADDED.replace("version: 2.5.0", "version: 2.4.0");
        Run warned = check(repo(tmp, "default", Map.of(V2, SEED), Map.of(V2, unbumped)));
        assertThat(warned.exit()).as("a warning does not block by default").isZero();
        assertThat(warned.lines()).contains("openapi/api-minor-version-not-bumped " + V2 + ":4:12 warning");

        Path raised = repo(tmp, "raised", Map.of(V2, SEED),
                Map.of(V2, unbumped, ".mergegate.yml", "openapi:\n  fail-on: warning\n"));
        assertThat(check(raised).exit()).isEqualTo(1);
        Cli console = Cli.run("check", "--repo", raised.toString(), "--base", "main", "--only", "openapi", "--no-color",
                "--today", "2026-06-01");
        assertThat(console.exit()).isEqualTo(1);
        assertThat(console.out()).contains("FAILED: 1 blocking finding (fail-on: error; openapi.fail-on: error, warning)");

        Path lowered = repo(tmp, "lowered", Map.of(V2, SEED),
                Map.of(V2, unbumped, ".mergegate.yml", "fail-on: warning\nopenapi:\n  fail-on: error\n"));
        assertThat(check(lowered).exit()).isZero();
    }

    @Test
    void renamedSpecIsComparedWithItsOldPathNotReportedAsRemoved() {
        Run r = check(repo(Map.of(V2, SEED), Map.of("api/openapi/user-service-v2.yaml", SEED)));
        assertThat(r.exit()).as("%s", r.lines()).isZero();
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void renamedSpecWithACompatibleEditReportsOnlyTheEdit() {
        Run r = check(repo(Map.of(V2, SEED), Map.of("api/openapi/user-service-v2.yaml", EMAIL_ADDED)));
        assertThat(r.exit()).as("%s", r.lines()).isZero();
        assertThat(r.lines()).containsExactly(
                "openapi/response-optional-property-added api/openapi/user-service-v2.yaml:33:9 note");
    }

    @Test
    void renamedSpecWithABreakingEditIsJudgedAgainstItsOldContent() {
        Run r = check(repo(Map.of(V2, SEED), Map.of("api/openapi/user-service-v2.yaml", FULL_NAME_REMOVED)));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.rules()).contains("openapi/response-required-property-removed")
                .doesNotContain("openapi/api-path-removed-without-deprecation");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.get("path")).isEqualTo("api/openapi/user-service-v2.yaml"));
    }

    @Test
    void renameToTheNextMajorsFileStillRemovesThePreviousMajor() {
        String v3 = FULL_NAME_REMOVED.replace("version: 2.4.0", "version: 3.0.0").replace("/v2/", "/v3/");
        Run r = check(repo(Map.of(V2, SEED), Map.of("docs/openapi/user-service-v3.yaml", v3)));
        assertThat(r.exit()).isEqualTo(1);
        // the new major may break the old one (a note); /v2 disappearing undeprecated is the error
        assertThat(r.lines()).contains(
                "openapi/api-path-removed-without-deprecation docs/openapi/user-service-v2.yaml error",
                "openapi/response-required-property-removed docs/openapi/user-service-v3.yaml:28:7 note");
    }
}
