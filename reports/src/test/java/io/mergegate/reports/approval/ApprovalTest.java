package io.mergegate.reports.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mergegate.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApprovalTest {

    static final String HEAD = "0123456789abcdef0123456789abcdef01234567";
    static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");
    static final byte[] SPEC = "openapi: 3.0.3\ninfo: {title: shop, version: '1'}\npaths: {}\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] SCHEMA = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[]}\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] CONFIG = "fail-on: [error]\n".getBytes(StandardCharsets.UTF_8);

    final KeyPair keys = Ed25519Keys.generate();

    static ApprovalInput input() {
        return new ApprovalInput(HEAD, "https://github.com/acme/shop", ".mergegate.yml", CONFIG,
                List.of(new ApprovedFile("schemas/order.avsc", "avro", SCHEMA, null),
                        new ApprovedFile("api/shop.yaml", "openapi", SPEC, null)),
                List.of("openapi", "avro", "branch"), "0.1.0", T0);
    }

    ApprovalVerifier verifier(Instant now) {
        return new ApprovalVerifier(keys.getPublic(), Clock.fixed(now, ZoneOffset.UTC));
    }

    String signed() {
        return Approvals.sign(input(), keys.getPrivate(), keys.getPublic());
    }

    @Test
    void a_signed_approval_verifies_with_the_pinned_key() {
        ApprovalStatement.Parsed st = verifier(T0.plusSeconds(60)).maxAge(Duration.ofHours(1))
                .policyDigest(Digests.sha256Hex(CONFIG))
                .verify(signed(), HEAD, Map.of("api/shop.yaml", SPEC, "schemas/order.avsc", SCHEMA));
        assertThat(st.commit()).isEqualTo(HEAD);
        assertThat(st.resourceUri()).isEqualTo("git+https://github.com/acme/shop@" + HEAD);
        assertThat(st.subjects()).containsOnlyKeys("api/shop.yaml", "schemas/order.avsc");
        assertThat(st.checks()).containsExactly("avro", "branch", "openapi");
        assertThat(st.kinds()).containsEntry("schemas/order.avsc", "avro").containsEntry("api/shop.yaml", "openapi");
    }

    @Test
    void the_statement_is_an_in_toto_v1_slsa_vsa_with_sha256_and_git_blob_subjects() {
        Map<?, ?> env = (Map<?, ?>) Json.parse(signed());
        assertThat(env.get("payloadType")).isEqualTo("application/vnd.in-toto+json");
        Map<?, ?> st = (Map<?, ?>) Json.parse(new String(Base64.getDecoder().decode((String) env.get("payload")),
                StandardCharsets.UTF_8));
        assertThat(st.get("_type")).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(st.get("predicateType")).isEqualTo("https://slsa.dev/verification_summary/v1");
        List<?> subjects = (List<?>) st.get("subject");
        Map<?, ?> first = (Map<?, ?>) subjects.get(0);
        assertThat(first.get("name")).isEqualTo("api/shop.yaml");
        assertThat(strings(first.get("digest"))).containsEntry("sha256", Digests.sha256Hex(SPEC))
                .containsEntry("gitBlob", ApprovedFile.gitBlobId(SPEC));
        Map<?, ?> pred = (Map<?, ?>) st.get("predicate");
        assertThat(pred.get("verificationResult")).isEqualTo("PASSED");
        assertThat(pred.get("timeVerified")).isEqualTo("2026-11-23T18:00:00Z");
        assertThat(pred.get("verifiedLevels")).isEqualTo(List.of("MERGEGATE_POLICY_PASSED"));
        assertThat(((Map<?, ?>) pred.get("policy")).get("uri")).isEqualTo(".mergegate.yml");
        assertThat(((Map<?, ?>) pred.get("policy")).get("digest")).isEqualTo(Map.of("sha256", Digests.sha256Hex(CONFIG)));
        assertThat(((Map<?, ?>) pred.get("verifier")).get("id")).isEqualTo(ApprovalStatement.VERIFIER_ID);
    }

    @Test
    void signing_is_deterministic_for_the_same_input() {
        assertThat(signed()).isEqualTo(signed());
    }

    @Test
    void git_blob_ids_match_git() {
        // git hash-object of "hello\n"
        assertThat(ApprovedFile.gitBlobId("hello\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
        assertThat(ApprovedFile.gitBlobId(new byte[0])).isEqualTo("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    }

    @Test
    void a_tampered_payload_is_refused() {
        Map<String, Object> env = mutable(signed());
        String payload = new String(Base64.getDecoder().decode((String) env.get("payload")), StandardCharsets.UTF_8);
        String evil = payload.replace(Digests.sha256Hex(SPEC), Digests.sha256Hex("evil".getBytes(StandardCharsets.UTF_8)));
        env.put("payload", Base64.getEncoder().encodeToString(evil.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> verifier(T0).verify(Json.write(env), HEAD, Map.of()))
                .isInstanceOf(ApprovalException.class)
                .hasMessage("the signature does not verify with the pinned public key: the payload or the signature was altered");
    }

    @Test
    void a_swapped_payload_type_is_refused_because_the_pae_covers_it() {
        Map<String, Object> env = mutable(signed());
        env.put("payloadType", "application/json");
        assertThatThrownBy(() -> verifier(T0).verify(Json.write(env), HEAD, Map.of()))
                .hasMessageContaining("payload or the signature was altered");
    }

    @Test
    void a_signature_by_another_key_is_refused() {
        KeyPair other = Ed25519Keys.generate();
        String env = Approvals.sign(input(), other.getPrivate(), other.getPublic());
        assertThatThrownBy(() -> verifier(T0).verify(env, HEAD, Map.of()))
                .isInstanceOf(ApprovalException.class)
                .hasMessageStartingWith("the approval was not signed by the pinned public key (" + Ed25519Keys.keyId(keys.getPublic()))
                .hasMessageContaining(Ed25519Keys.keyId(other.getPublic()));
    }

    @Test
    void an_unsigned_envelope_is_refused() {
        Map<String, Object> env = mutable(signed());
        env.put("signatures", List.of());
        assertThatThrownBy(() -> verifier(T0).verify(Json.write(env), HEAD, Map.of()))
                .hasMessage("the approval is unsigned: the envelope has no signature");
    }

    @Test
    void garbage_is_refused_as_not_an_envelope() {
        assertThatThrownBy(() -> verifier(T0).verify("{\"hello\": 1}", HEAD, Map.of()))
                .hasMessageStartingWith("not a DSSE envelope");
        assertThatThrownBy(() -> verifier(T0).verify("not json", HEAD, Map.of()))
                .hasMessageStartingWith("not a DSSE envelope: the file is not JSON");
    }

    @Test
    void an_approval_for_another_commit_is_refused() {
        String other = "fedcba9876543210fedcba9876543210fedcba98";
        assertThatThrownBy(() -> verifier(T0).verify(signed(), other, Map.of()))
                .hasMessage("the approval is for commit " + HEAD + ", not for " + other);
    }

    @Test
    void a_stale_approval_is_refused() {
        assertThatThrownBy(() -> verifier(T0.plus(Duration.ofHours(25))).maxAge(Duration.ofHours(24))
                .verify(signed(), HEAD, Map.of()))
                .hasMessageStartingWith("the approval is stale: made at 2026-11-23T18:00:00Z, older than the max age 24h");
        verifier(T0.plus(Duration.ofHours(23))).maxAge(Duration.ofHours(24)).verify(signed(), HEAD, Map.of());
    }

    @Test
    void an_approval_from_the_future_is_refused() {
        assertThatThrownBy(() -> verifier(T0.minus(Duration.ofHours(1))).verify(signed(), HEAD, Map.of()))
                .hasMessageContaining("is in the future");
    }

    @Test
    void a_failed_summary_is_refused_even_when_signed_by_the_pinned_key() {
        String env = Approvals.sign(input(), ApprovalStatement.Result.FAILED, keys.getPrivate(), keys.getPublic());
        assertThatThrownBy(() -> verifier(T0).verify(env, HEAD, Map.of()))
                .hasMessage("the gate did not pass: verificationResult is FAILED");
    }

    @Test
    void an_artifact_whose_bytes_differ_from_the_approved_digest_is_refused() {
        byte[] changed = "openapi: 3.0.3\npaths: {/admin: {}}\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier(T0).verify(signed(), HEAD, Map.of("api/shop.yaml", changed)))
                .hasMessage("api/shop.yaml differs from what was approved: approved sha256 " + Digests.sha256Hex(SPEC)
                        + ", the file has sha256 " + Digests.sha256Hex(changed));
    }

    @Test
    void an_artifact_that_is_not_a_subject_is_refused() {
        assertThatThrownBy(() -> verifier(T0).verify(signed(), HEAD, Map.of("api/admin.yaml", SPEC)))
                .hasMessage("api/admin.yaml is not approved: the approval has no subject with that name");
    }

    @Test
    void an_approval_under_another_policy_is_refused_when_the_policy_is_pinned() {
        assertThatThrownBy(() -> verifier(T0).policyDigest(Digests.sha256Hex("other".getBytes(StandardCharsets.UTF_8)))
                .verify(signed(), HEAD, Map.of()))
                .hasMessageStartingWith("the approval was made under policy sha256:" + Digests.sha256Hex(CONFIG));
    }

    @Test
    void abbreviated_or_upper_case_commits_are_not_accepted_as_input() {
        assertThatThrownBy(() -> new ApprovalInput("0123abc", null, null, null, List.of(), List.of(), "0", T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> strings(Object o) {
        return (Map<String, String>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mutable(String json) {
        return (Map<String, Object>) Json.parse(json);
    }
}
