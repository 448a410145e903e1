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

        /** {@code rule path:line severity} of every finding, in report order. */
        List<String> lines() {
            List<String> out = new ArrayList<>();
            for (Map<String, Object> f : findings()) {
                Object line = f.get("region") instanceof Map<?, ?> r ? r.get("startLine") : null;
                out.add(f.get("ruleId") + " " + f.get("path") + (line == null ? "" : ":" + line) + " " + f.get("severity"));
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
                    "openapi/response-optional-property-added api/openapi/user-service-v2.yaml:34 note");
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
                    "openapi/response-required-property-removed docs/openapi/user-service-v3.yaml:26 note");
        }
    }
}
