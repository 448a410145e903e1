package io.mergegate.reports.approval;

import java.security.PrivateKey;
import java.security.PublicKey;

/** Signs approvals: the statement of {@link ApprovalStatement} in a DSSE envelope of {@link Dsse}. */
public final class Approvals {

    private Approvals() {
    }

    /** The signed approval for a passing run, as DSSE envelope JSON. */
    public static String sign(ApprovalInput input, PrivateKey key, PublicKey publicKey) {
        return sign(input, ApprovalStatement.Result.PASSED, key, publicKey);
    }

    /**
     * A signed statement with the given result. The gate only ever writes {@code PASSED}; a
     * {@code FAILED} summary exists so that verifiers can be shown to refuse it.
     */
    public static String sign(ApprovalInput input, ApprovalStatement.Result result, PrivateKey key, PublicKey publicKey) {
        byte[] payload = ApprovalStatement.toJson(input, result);
        return Dsse.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, payload, key, Ed25519Keys.keyId(publicKey));
    }
}
