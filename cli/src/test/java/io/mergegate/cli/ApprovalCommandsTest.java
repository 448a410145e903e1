package io.mergegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mergegate.engine.UsageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy-side commands in-process: keygen, verify-approval usage errors, durations, subject names, hook script. */
class ApprovalCommandsTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void durations_accept_short_and_iso_forms() {
        assertThat(Durations.parse("90s", "--max-age")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("30m", "--max-age")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("24h", "--max-age")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("7d", "--max-age")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT2H", "--max-age")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> Durations.parse("soon", "--max-age")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--max-age must be a duration");
    }

    @Test
    void keygen_writes_both_keys_and_verify_approval_reports_usage_errors_with_exit_2() throws Exception {
        Run kg = run("keygen", "--out", dir.resolve("k").toString());
        assertThat(kg.exit()).as(kg.err()).isZero();
        assertThat(dir.resolve("k")).exists();
        assertThat(dir.resolve("k.pub")).exists();

        Run missing = run("verify-approval", "--approval", dir.resolve("none.json").toString(), "--public-key",
                dir.resolve("k.pub").toString(), "--commit", "0123456789abcdef0123456789abcdef01234567");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--approval: file not found");

        Files.writeString(dir.resolve("a.json"), "{}");
        Run privateAsPublic = run("verify-approval", "--approval", dir.resolve("a.json").toString(), "--public-key",
                dir.resolve("k").toString(), "--commit", "0123456789abcdef0123456789abcdef01234567");
        assertThat(privateAsPublic.exit()).isEqualTo(2);
        assertThat(privateAsPublic.err()).contains("has no '-----BEGIN PUBLIC KEY-----' block");

        Run notEnvelope = run("verify-approval", "--approval", dir.resolve("a.json").toString(), "--public-key",
                dir.resolve("k.pub").toString(), "--commit", "0123456789abcdef0123456789abcdef01234567");
        assertThat(notEnvelope.exit()).isEqualTo(1);
        assertThat(notEnvelope.err()).contains("approval refused: not a DSSE envelope");
    }

    @Test
    void check_refuses_an_approval_without_a_signing_key_before_running_the_gate() {
        Run r = run("check", "--repo", dir.toString(), "--approval", dir.resolve("a.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--approval needs a signing key");
        Run keyOnly = run("check", "--repo", dir.toString(), "--signing-key", dir.resolve("k").toString());
        assertThat(keyOnly.exit()).isEqualTo(2);
        assertThat(keyOnly.err()).contains("--signing-key needs --approval FILE");
    }

    @Test
    void registry_subjects_follow_the_template() {
        RegistryCommand.Register r = new RegistryCommand.Register();
        String schema = "{\"type\": \"record\", \"name\": \"Order\", \"namespace\": \"com.acme\", \"fields\": []}";
        assertThat(r.subject("kafka/schemas/order-created.avsc", schema)).isEqualTo("com.acme.Order");
        r.subjectTemplate = "{file}-value";
        assertThat(r.subject("kafka/schemas/order-created.avsc", schema)).isEqualTo("order-created-value");
        r.subjectTemplate = "{name}";
        assertThat(r.subject("kafka/schemas/order-created.avsc", schema)).isEqualTo("Order");
        r.subjectTemplate = "{fullName}";
        assertThat(r.subject("x/money.avsc", "\"string\"")).isEqualTo("money");
    }

    @Test
    void the_hook_script_quotes_paths_and_falls_back_to_the_path() {
        String s = InstallHookCommand.script(Path.of("/opt/it's here/mergegate.jar"), Path.of("/usr/bin/java"));
        assertThat(s).startsWith("#!/bin/sh\n").contains(InstallHookCommand.MARKER)
                .contains("jar='/opt/it'\\''s here/mergegate.jar'").contains("exec mergegate check --staged");
        assertThat(InstallHookCommand.script(null, Path.of("/usr/bin/java"))).doesNotContain("jar=").contains("exec mergegate check --staged");
    }
}
