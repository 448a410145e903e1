package io.mergegate.reports.approval;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a deploy stage runs before it trusts an approval: the DSSE signature over the PAE with the
 * pinned public key, the statement's type, {@code verificationResult: PASSED}, the commit,
 * freshness, and that each artifact about to be deployed is a subject with the same name and
 * sha256. Every refusal is an {@link ApprovalException} whose message is the reason.
 */
public final class ApprovalVerifier {

    /** Clock skew tolerated for a {@code timeVerified} in the future. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final PublicKey key;
    private final Clock clock;
    private Duration maxAge;
    private String policyDigest;

    public ApprovalVerifier(PublicKey key, Clock clock) {
        this.key = Objects.requireNonNull(key);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Refuse approvals older than this; null means no limit. */
    public ApprovalVerifier maxAge(Duration maxAge) {
        this.maxAge = maxAge;
        return this;
    }

    /** Refuse approvals made under another policy (hex sha256 of the config); null means any. */
    public ApprovalVerifier policyDigest(String sha256) {
        this.policyDigest = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        return this;
    }

    /**
     * Verifies an approval.
     *
     * @param envelopeJson the DSSE envelope as written by {@link Approvals#sign}
     * @param commit       the full commit id being deployed
     * @param artifacts    repository-relative path → bytes of each file about to be deployed
     * @return the verified statement
     * @throws ApprovalException with the reason, when anything does not hold
     */
    public ApprovalStatement.Parsed verify(String envelopeJson, String commit, Map<String, byte[]> artifacts) {
        Dsse.Envelope env = Dsse.parse(envelopeJson);
        if (env.signatures().isEmpty()) {
            throw new ApprovalException("the approval is unsigned: the envelope has no signature");
        }
        String pinned = Ed25519Keys.keyId(key);
        if (env.signatures().stream().noneMatch(s -> Dsse.verifies(env, s, key))) {
            boolean sameKey = env.signatures().stream().anyMatch(s -> s.keyid().equals(pinned));
            throw new ApprovalException(sameKey
                    ? "the signature does not verify with the pinned public key: the payload or the signature was altered"
                    : "the approval was not signed by the pinned public key (" + pinned + "); it names "
                            + env.signatures().stream().map(s -> s.keyid().isEmpty() ? "no key id" : s.keyid()).toList());
        }
        if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(env.payloadType())) {
            throw new ApprovalException("the envelope's payloadType is " + env.payloadType() + ", not "
                    + Dsse.IN_TOTO_PAYLOAD_TYPE);
        }
        ApprovalStatement.Parsed st = ApprovalStatement.parse(env.payload());
        if (!"PASSED".equals(st.result())) {
            throw new ApprovalException("the gate did not pass: verificationResult is " + st.result());
        }
        if (commit == null || !st.commit().equalsIgnoreCase(commit.trim())) {
            throw new ApprovalException("the approval is for commit " + st.commit() + ", not for " + commit);
        }
        Instant now = clock.instant();
        if (st.timeVerified().isAfter(now.plus(SKEW))) {
            throw new ApprovalException("the approval's timeVerified " + st.timeVerified() + " is in the future (now " + now + ")");
        }
        if (maxAge != null && st.timeVerified().plus(maxAge).isBefore(now)) {
            throw new ApprovalException("the approval is stale: made at " + st.timeVerified() + ", older than the max age "
                    + maxAge.toString().substring(2).toLowerCase(Locale.ROOT) + " (now " + now + ")");
        }
        if (policyDigest != null && !policyDigest.equals(st.policyDigest())) {
            throw new ApprovalException("the approval was made under policy sha256:" + st.policyDigest()
                    + ", not the expected sha256:" + policyDigest);
        }
        for (Map.Entry<String, byte[]> a : artifacts.entrySet()) {
            Map<String, String> digest = st.subjects().get(a.getKey());
            if (digest == null) {
                throw new ApprovalException(a.getKey() + " is not approved: the approval has no subject with that name");
            }
            String actual = Digests.sha256Hex(a.getValue());
            if (!actual.equalsIgnoreCase(digest.getOrDefault("sha256", ""))) {
                throw new ApprovalException(a.getKey() + " differs from what was approved: approved sha256 "
                        + digest.get("sha256") + ", the file has sha256 " + actual);
            }
        }
        return st;
    }
}
