package io.mergegate.integrations;

import static io.mergegate.integrations.Cli.git;
import static io.mergegate.integrations.Cli.mergegate;
import static io.mergegate.integrations.Cli.ok;
import static io.mergegate.integrations.Cli.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mergegate registry register} against the real schema registry of {@code ../shared/services}
 * (the URL in {@code MERGEGATE_SCHEMA_REGISTRY_URL}, else one started here and stopped afterwards).
 */
class RegistryRegisterTest {

    @TempDir
    static Path tmp;

    static String url;
    static Path started;
    static Path repo;
    static Path approval;
    static Path publicKey;
    static String head;
    static final String SUFFIX = "-" + Long.toHexString(System.nanoTime());

    @BeforeAll
    static void setUp() throws Exception {
        url = registry();
        repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        ok(git(repo, "init", "-q", "-b", "main"));
        write(repo.resolve(".github/CODEOWNERS"), "* @acme/core\n");
        write(repo.resolve("README.md"), "orders\n");
        ok(git(repo, "add", "-A"));
        ok(git(repo, "commit", "-q", "-m", "base"));
        ok(git(repo, "checkout", "-q", "-b", "feature/CORE-8-order-schema"));
        write(repo.resolve("kafka/schemas/order.avsc"), ApprovalEndToEndTest.SCHEMA_V2);
        ok(git(repo, "add", "-A"));
        ok(git(repo, "commit", "-q", "-m", "order schema"));
        head = ok(git(repo, "rev-parse", "HEAD")).out().trim();
        Path key = tmp.resolve("mergegate.key");
        ok(mergegate(tmp, Map.of(), "keygen", "--out", key.toString()));
        publicKey = tmp.resolve("mergegate.key.pub");
        approval = tmp.resolve("approval.json");
        ok(mergegate(repo, Map.of(), "check", "--base", "main", "--approval", approval.toString(), "--signing-key", key.toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (started != null) {
            new ProcessBuilder(script().toString(), "stop", "--pid-file", started.resolve("pid").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void registers_the_approved_schema_once_and_again_is_harmless() throws Exception {
        String subject = "{fullName}" + SUFFIX;
        Cli.Result first = mergegate(repo, Map.of("MERGEGATE_SCHEMA_REGISTRY_URL", url), "registry", "register",
                "--approval", approval.toString(), "--subject", subject, "--public-key", publicKey.toString(), "--commit", head);
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(first.out()).contains("kafka/schemas/order.avsc -> subject com.acme.Order" + SUFFIX + ": registered (id ");

        Cli.Result again = mergegate(repo, Map.of(), "registry", "register", "--url", url, "--approval", approval.toString(),
                "--subject", subject);
        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.out()).contains("already registered");

        HttpResponse<String> versions = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url + "/subjects/com.acme.Order" + SUFFIX + "/versions")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(versions.body().replace(" ", "")).isEqualTo("[1]");
    }

    @Test
    void refuses_a_changed_file_a_wrong_commit_and_reports_an_incompatible_schema() throws Exception {
        write(repo.resolve("kafka/schemas/order.avsc"), ApprovalEndToEndTest.SCHEMA_V1);
        Cli.Result changed = mergegate(repo, Map.of(), "registry", "register", "--url", url, "--approval", approval.toString());
        ok(git(repo, "checkout", "-q", "--", "kafka"));
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.err()).contains("kafka/schemas/order.avsc differs from what was approved");

        Cli.Result wrongCommit = mergegate(repo, Map.of(), "registry", "register", "--url", url, "--approval", approval.toString(),
                "--public-key", publicKey.toString(), "--commit", ok(git(repo, "rev-parse", "main")).out().trim());
        assertThat(wrongCommit.exit()).isEqualTo(1);
        assertThat(wrongCommit.err()).contains("approval refused: the approval is for commit " + head);

        String conflict = "conflict" + SUFFIX;
        HttpResponse<String> pre = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url + "/subjects/" + conflict + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\": \"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"Order\\\", "
                        + "\\\"namespace\\\": \\\"com.acme\\\", \\\"fields\\\": [{\\\"name\\\": \\\"id\\\", \\\"type\\\": \\\"int\\\"}]}\"}",
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pre.statusCode()).as(pre.body()).isEqualTo(200);
        Cli.Result incompatible = mergegate(repo, Map.of(), "registry", "register", "--url", url, "--approval", approval.toString(),
                "--subject", conflict);
        assertThat(incompatible.exit()).as(incompatible.all()).isEqualTo(1);
        assertThat(incompatible.err()).contains("rejected as incompatible").contains("HTTP 409");

        Cli.Result noUrl = mergegate(repo, Map.of(), "registry", "register", "--approval", approval.toString());
        assertThat(noUrl.exit()).isEqualTo(2);
        assertThat(noUrl.err()).contains("MERGEGATE_SCHEMA_REGISTRY_URL");
    }

    static Path script() {
        return Repo.shared().resolve("services/schema-registry.sh");
    }

    static String registry() throws Exception {
        String given = System.getenv("MERGEGATE_SCHEMA_REGISTRY_URL");
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        assumeTrue(Files.isExecutable(script()) || Repo.inCi(), "no schema registry script and no MERGEGATE_SCHEMA_REGISTRY_URL");
        started = tmp.resolve("registry");
        Files.createDirectories(started);
        Cli.Result r = Cli.run(tmp, Map.of(), List.of(script().toString(), "start", "--pid-file", started.resolve("pid").toString(),
                "--log-file", started.resolve("log").toString(), "--url-file", started.resolve("url").toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    }
}
