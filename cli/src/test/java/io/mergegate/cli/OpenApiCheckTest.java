package io.mergegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mergegate check --only openapi} on real git repositories built with JGit: the contract. */
class OpenApiCheckTest {

    static final String V2 = "docs/openapi/user-service-v2.yaml";

    /** The seed spec: GET /v2/users/{userId} returns a User with a required {@code fullName}. */
    static final String SEED = """
            openapi: 3.0.3
            info:
              title: User service
              version: 2.4.0
            paths:
              /v2/users/{userId}:
                get:
                  operationId: getUser
                  summary: Read one user
                  parameters:
                    - name: userId
                      in: path
                      required: true
                      schema:
                        type: string
                  responses:
                    '200':
                      description: The user
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/User'
            components:
              schemas:
                User:
                  type: object
                  required: [id, fullName]
                  properties:
                    id:
                      type: string
                    fullName:
                      type: string
            """;

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

    /** {@code main} holds {@code base} (path to text), the PR branch the result of {@code change}. */
    TestRepo repo(Map<String, String> base) {
        TestRepo r = new TestRepo(tmp.resolve("repo"));
        base.forEach(r::write);
        return r.commit("base").branch("feature/CORE-1-api");
    }

    @SuppressWarnings("unchecked")
    static Run check(TestRepo repo, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--repo", repo.dir.toString(), "--base", "main",
                "--branch", "feature/CORE-1-api", "--only", "openapi", "--format", "json", "--today", "2026-06-01"));
        args.addAll(List.of(extra));
        Cli c = Cli.run(args.toArray(String[]::new));
        assertThat(c.exit()).as("exit code\n%s\n%s", c.out(), c.err()).isIn(0, 1);
        return new Run(c.exit(), (Map<String, Object>) Json.parse(c.out()), c.err());
    }

    @Test
    void breakingChangeExitsOneWithTheRuleIdsAndLines() {
        try (TestRepo repo = repo(Map.of(V2, SEED))) {
            repo.write(V2, FULL_NAME_REMOVED).commit("drop fullName");
            Run r = check(repo);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.lines()).containsExactly(
                    "openapi/api-version-not-bumped " + V2 + ":4:12 error",
                    "openapi/api-uri-version-not-bumped " + V2 + ":8:7 error",
                    "openapi/response-required-property-removed " + V2 + ":26:7 error");
            assertThat(r.findings().get(2)).containsEntry("message",
                    "removed the required property `fullName` from the 200 response of GET /v2/users/{userId}");
        }
    }

    @Test
    void compatibleChangeExitsZero() {
        try (TestRepo repo = repo(Map.of(V2, SEED))) {
            repo.write(V2, EMAIL_ADDED).commit("add email");
            Run r = check(repo);
            assertThat(r.exit()).isZero();
            assertThat(r.lines()).containsExactly("openapi/response-optional-property-added " + V2 + ":34:11 note");
        }
    }

    @Test
    void bothDefaultGlobsFindSpecsAndOtherFilesAreNotSpecs() {
        String json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Orders\", \"version\": \"1.0.0\"}, "
                + "\"paths\": {\"/v1/orders\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}";
        try (TestRepo repo = repo(Map.of(V2, SEED, "orders-openapi.json", json, "contracts/users.yaml", SEED))) {
            repo.write(V2, FULL_NAME_REMOVED).write("orders-openapi.json", json.replace("\"/v1/orders\"", "\"/v1/order\""))
                    .write("contracts/users.yaml", FULL_NAME_REMOVED).commit("breaking changes everywhere");
            Run r = check(repo);
            assertThat(r.exit()).isEqualTo(1);
            // **/openapi/**/*.{yaml,yml,json} and **/*openapi*.{yaml,yml,json}; contracts/users.yaml matches neither
            assertThat(r.findings()).extracting(f -> f.get("path")).contains(V2, "orders-openapi.json")
                    .doesNotContain("contracts/users.yaml");
            assertThat(r.lines()).contains("openapi/api-path-removed-without-deprecation orders-openapi.json:1:80 error");
        }
    }

    @Test
    void customSpecGlobsReplaceTheDefaults() {
        try (TestRepo repo = repo(Map.of(V2, SEED, "contracts/users.yaml", SEED,
                ".mergegate.yml", "openapi:\n  specs: [\"contracts/**/*.yaml\"]\n"))) {
            repo.write(V2, FULL_NAME_REMOVED).write("contracts/users.yaml", FULL_NAME_REMOVED).commit("breaking");
            Run r = check(repo);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.findings()).extracting(f -> f.get("path")).containsOnly("contracts/users.yaml");
        }
    }

    @Test
    void openapiFailOnDecidesForOpenapiFindings() {
        String unbumped = EMAIL_ADDED.replace("version: 2.5.0", "version: 2.4.0");
        try (TestRepo repo = repo(Map.of(V2, SEED))) {
            repo.write(V2, unbumped).commit("add email, forget the bump");
            Run warned = check(repo);
            assertThat(warned.exit()).as("a warning does not block by default").isZero();
            assertThat(warned.lines()).contains("openapi/api-minor-version-not-bumped " + V2 + ":4:12 warning");

            repo.write(".mergegate.yml", "openapi:\n  fail-on: warning\n").commit("openapi warnings block");
            Run blocked = check(repo);
            assertThat(blocked.exit()).isEqualTo(1);
            Cli console = Cli.run("check", "--repo", repo.dir.toString(), "--base", "main", "--branch",
                    "feature/CORE-1-api", "--only", "openapi", "--no-color", "--today", "2026-06-01");
            assertThat(console.exit()).isEqualTo(1);
            assertThat(console.out()).contains("FAILED: 1 blocking finding (fail-on: error; openapi.fail-on: error, warning)");

            repo.write(".mergegate.yml", "fail-on: warning\nopenapi:\n  fail-on: error\n").commit("only errors block openapi");
            assertThat(check(repo).exit()).as("lowered for openapi").isZero();
        }
    }

    @Test
    void renamedSpecIsComparedWithItsOldPathNotReportedAsRemoved() {
        try (TestRepo repo = repo(Map.of(V2, SEED))) {
            repo.move(V2, "api/openapi/user-service-v2.yaml").commit("move the spec");
            Run r = check(repo);
            assertThat(r.exit()).as("%s", r.lines()).isZero();
            assertThat(r.findings()).isEmpty();
        }
    }

    @Test
    void renamedSpecWithACompatibleEditReportsOnlyTheEdit() {
        try (TestRepo repo = repo(Map.of(V2, SEED))) {
            repo.move(V2, "api/openapi/user-service-v2.yaml").write("api/openapi/user-service-v2.yaml", EMAIL_ADDED)
                    .commit("move the spec and add email");
            Run r = check(repo);
            assertThat(r.exit()).as("%s", r.lines()).isZero();
            assertThat(r.lines()).containsExactly(
                    "openapi/response-optional-property-added api/openapi/user-service-v2.yaml:34:11 note");
        }
    }

    @Test
    void renamedSpecWithABreakingEditIsJudgedAgainstItsOldContent() {
        try (TestRepo repo = repo(Map.of(V2, SEED))) {
            repo.move(V2, "api/openapi/user-service-v2.yaml").write("api/openapi/user-service-v2.yaml", FULL_NAME_REMOVED)
                    .commit("move the spec and drop fullName");
            Run r = check(repo);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.rules()).contains("openapi/response-required-property-removed")
                    .doesNotContain("openapi/api-path-removed-without-deprecation");
            assertThat(r.findings()).allSatisfy(f -> assertThat(f.get("path")).isEqualTo("api/openapi/user-service-v2.yaml"));
        }
    }

    @Test
    void renameToTheNextMajorsFileStillRemovesThePreviousMajor() {
        String v3 = FULL_NAME_REMOVED.replace("version: 2.4.0", "version: 3.0.0").replace("/v2/", "/v3/");
        try (TestRepo repo = repo(Map.of(V2, SEED))) {
            repo.move(V2, "docs/openapi/user-service-v3.yaml").write("docs/openapi/user-service-v3.yaml", v3)
                    .commit("v3 replaces v2");
            Run r = check(repo);
            assertThat(r.exit()).isEqualTo(1);
            // the new major may break the old one (a note); /v2 disappearing undeprecated is the error
            assertThat(r.lines()).contains(
                    "openapi/api-path-removed-without-deprecation docs/openapi/user-service-v2.yaml error",
                    "openapi/response-required-property-removed docs/openapi/user-service-v3.yaml:26:7 note");
        }
    }
}
