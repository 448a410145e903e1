package io.mergegate.reports.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shell verification documented in {@code docs/approval.md} against approvals made in Java. */
class OpenSslVerificationTest {

    @TempDir
    Path dir;

    final KeyPair keys = Ed25519Keys.generate();
    String script;

    @BeforeEach
    void setUp() throws Exception {
        for (String tool : List.of("openssl", "jq", "base64", "sha256sum")) {
            assumeTrue(onPath(tool) || System.getenv("CI") != null, tool + " is not installed");
        }
        Path doc = root().resolve("docs/approval.md");
        Matcher m = Pattern.compile("## Verify with OpenSSL only.*?```sh\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(doc));
        assertThat(m.find()).as("docs/approval.md has the OpenSSL script").isTrue();
        script = m.group(1);
        Files.writeString(dir.resolve("verify.sh"), script);
        Files.writeString(dir.resolve("mergegate.key.pub"), Ed25519Keys.publicPem(keys.getPublic()));
        Files.createDirectories(dir.resolve("api"));
        Files.write(dir.resolve("api/shop.yaml"), ApprovalTest.SPEC);
        Files.createDirectories(dir.resolve("schemas"));
        Files.write(dir.resolve("schemas/order.avsc"), ApprovalTest.SCHEMA);
    }

    @Test
    void openssl_accepts_a_fresh_passed_approval_for_the_commit_and_its_files() throws Exception {
        write(ApprovalStatement.Result.PASSED, keys, Instant.now());
        Result r = run(ApprovalTest.HEAD, "api/shop.yaml", "schemas/order.avsc");
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("approval OK for " + ApprovalTest.HEAD);
    }

    @Test
    void openssl_refuses_what_the_java_verifier_refuses() throws Exception {
        write(ApprovalStatement.Result.PASSED, keys, Instant.now());
        assertThat(run("fedcba9876543210fedcba9876543210fedcba98").output).contains("not for fedcba98");
        Files.writeString(dir.resolve("api/shop.yaml"), "changed\n");
        assertThat(run(ApprovalTest.HEAD, "api/shop.yaml").output).contains("api/shop.yaml differs from what was approved");
        assertThat(run(ApprovalTest.HEAD, "api/other.yaml").output).contains("api/other.yaml is not approved");

        write(ApprovalStatement.Result.PASSED, Ed25519Keys.generate(), Instant.now());
        assertThat(run(ApprovalTest.HEAD).output).contains("the signature does not verify");

        write(ApprovalStatement.Result.FAILED, keys, Instant.now());
        assertThat(run(ApprovalTest.HEAD).output).contains("verificationResult is not PASSED");

        write(ApprovalStatement.Result.PASSED, keys, Instant.now().minusSeconds(90_000));
        Result stale = run(ApprovalTest.HEAD);
        assertThat(stale.exit).isEqualTo(1);
        assertThat(stale.output).contains("older than 86400 seconds");
    }

    private void write(ApprovalStatement.Result result, KeyPair signer, Instant at) throws IOException {
        ApprovalInput base = ApprovalTest.input();
        ApprovalInput in = new ApprovalInput(base.headCommit(), base.repository(), base.configPath(), base.configBytes(),
                base.files(), base.checks(), base.toolVersion(), at);
        Files.writeString(dir.resolve("approval.json"), Approvals.sign(in, result, signer.getPrivate(), signer.getPublic()));
    }

    private record Result(int exit, String output) {
    }

    private Result run(String commit, String... files) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", "verify.sh"));
        cmd.addAll(List.of(files));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("COMMIT", commit);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    static Path root() {
        String prop = System.getProperty("mergegate.root");
        Path p = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/approval.md"))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root with docs/approval.md").isNotNull();
        return p;
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
