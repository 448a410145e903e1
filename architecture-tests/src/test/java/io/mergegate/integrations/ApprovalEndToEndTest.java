package io.mergegate.integrations;

import static io.mergegate.integrations.Cli.git;
import static io.mergegate.integrations.Cli.mergegate;
import static io.mergegate.integrations.Cli.ok;
import static io.mergegate.integrations.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen, check --approval and verify-approval through the shaded jar, on a real git repository. */
class ApprovalEndToEndTest {

    static final String SCHEMA_V1 = """
            {"type": "record", "name": "Order", "namespace": "com.acme", "doc": "An order.",
             "fields": [{"name": "id", "type": "string", "doc": "Order id."}]}
            """;
    static final String SCHEMA_V2 = """
            {"type": "record", "name": "Order", "namespace": "com.acme", "doc": "An order.",
             "fields": [{"name": "id", "type": "string", "doc": "Order id."},
                        {"name": "note", "type": ["null", "string"], "default": null, "doc": "Free text."}]}
            """;

    @TempDir
    static Path tmp;

    static Path repo;
    static Path key;
    static String head;

    @BeforeAll
    static void setUp() throws Exception {
        repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        ok(git(repo, "init", "-q", "-b", "main"));
        write(repo.resolve("kafka/schemas/order.avsc"), SCHEMA_V1);
        write(repo.resolve(".github/CODEOWNERS"), "* @acme/core\n");
        ok(git(repo, "add", "-A"));
        ok(git(repo, "commit", "-q", "-m", "base"));
        ok(git(repo, "checkout", "-q", "-b", "feature/CORE-7-order-note"));
        write(repo.resolve("kafka/schemas/order.avsc"), SCHEMA_V2);
        ok(git(repo, "commit", "-q", "-am", "order note"));
        head = ok(git(repo, "rev-parse", "HEAD")).out().trim();

        key = tmp.resolve("keys/mergegate.key");
        Files.createDirectories(key.getParent());
        Cli.Result kg = ok(mergegate(tmp, Map.of(), "keygen", "--out", key.toString()));
        assertThat(kg.out()).contains("key id:      sha256:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key.resolveSibling("mergegate.key.pub"))).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(mergegate(tmp, Map.of(), "keygen", "--out", key.toString()).exit()).as("never overwrites a key").isEqualTo(2);
    }

    @Test
    void a_passing_check_writes_an_approval_that_the_deploy_stage_verifies() throws Exception {
        Path approval = tmp.resolve("out/approval.json");
        Cli.Result check = mergegate(repo, Map.of(), "check", "--base", "main", "--approval", approval.toString(),
                "--signing-key", key.toString());
        assertThat(check.exit()).as(check.all()).isZero();
        assertThat(check.all()).doesNotContain("PRIVATE KEY");
        assertThat(Files.readString(approval)).contains("\"payloadType\": \"application/vnd.in-toto+json\"");

        String pub = key.resolveSibling("mergegate.key.pub").toString();
        Cli.Result ok = mergegate(repo, Map.of(), "verify-approval", "--approval", approval.toString(), "--public-key", pub,
                "--commit", head, "--max-age", "1h", "kafka/schemas/order.avsc");
        assertThat(ok.exit()).as(ok.all()).isZero();
        assertThat(ok.out()).contains("approval OK: commit " + head);

        Cli.Result other = mergegate(repo, Map.of(), "verify-approval", "--approval", approval.toString(), "--public-key", pub,
                "--commit", ok(git(repo, "rev-parse", "main")).out().trim());
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.err()).contains("approval refused: the approval is for commit " + head);

        write(repo.resolve("kafka/schemas/order.avsc"), SCHEMA_V1);
        Cli.Result changed = mergegate(repo, Map.of(), "verify-approval", "--approval", approval.toString(), "--public-key", pub,
                "--commit", head, "kafka/schemas/order.avsc");
        ok(git(repo, "checkout", "-q", "--", "kafka"));
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.err()).contains("kafka/schemas/order.avsc differs from what was approved");

        Thread.sleep(1100);
        Cli.Result stale = mergegate(repo, Map.of(), "verify-approval", "--approval", approval.toString(), "--public-key", pub,
                "--commit", head, "--max-age", "0s");
        assertThat(stale.exit()).isEqualTo(1);
        assertThat(stale.err()).contains("approval refused: the approval is stale");

        Path tampered = tmp.resolve("out/tampered.json");
        String env = Files.readString(approval);
        String payload = env.replaceAll("(?s).*\"payload\": \"([^\"]+)\".*", "$1");
        String statement = new String(java.util.Base64.getDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
        String forged = java.util.Base64.getEncoder().encodeToString(statement.replace("order.avsc", "orders.avsc")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.writeString(tampered, env.replace(payload, forged));
        Cli.Result forgedRun = mergegate(repo, Map.of(), "verify-approval", "--approval", tampered.toString(), "--public-key", pub,
                "--commit", head);
        assertThat(forgedRun.exit()).isEqualTo(1);
        assertThat(forgedRun.err()).contains("the payload or the signature was altered");

        Path wrongKey = tmp.resolve("keys/other.key");
        ok(mergegate(tmp, Map.of(), "keygen", "--out", wrongKey.toString()));
        Cli.Result wrong = mergegate(repo, Map.of(), "verify-approval", "--approval", approval.toString(),
                "--public-key", wrongKey + ".pub", "--commit", head);
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("not signed by the pinned public key");
    }

    @Test
    void the_signing_key_may_come_from_the_environment_and_a_blocked_run_removes_a_stale_approval() throws Exception {
        Path approval = tmp.resolve("env/approval.json");
        Map<String, String> env = Map.of("MERGEGATE_SIGNING_KEY", Files.readString(key));
        ok(mergegate(repo, env, "check", "--base", "main", "--approval", approval.toString()));
        assertThat(approval).exists();

        Cli.Result blocked = mergegate(repo, env, "check", "--base", "main", "--branch", "wip", "--approval", approval.toString());
        assertThat(blocked.exit()).as(blocked.all()).isEqualTo(1);
        assertThat(blocked.err()).contains("the gate did not pass");
        assertThat(approval).doesNotExist();

        Cli.Result noKey = mergegate(repo, Map.of(), "check", "--base", "main", "--approval", approval.toString());
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("--approval needs a signing key");
    }
}
