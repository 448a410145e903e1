package io.mergegate.reports.approval;

import io.mergegate.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dead Simple Signing Envelope v1 with Ed25519: the signature covers the pre-authentication
 * encoding {@code PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, where
 * {@code LEN} is the decimal byte length, so the payload type cannot be swapped.
 *
 * @see <a href="https://github.com/secure-systems-lab/dsse/blob/master/protocol.md">DSSE protocol</a>
 */
public final class Dsse {

    /** The payload type of an in-toto statement. */
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    /**
     * A parsed envelope.
     *
     * @param payloadType the declared type
     * @param payload     the decoded payload bytes
     * @param signatures  keyid (may be empty) and decoded signature bytes
     */
    public record Envelope(String payloadType, byte[] payload, List<Sig> signatures) {
        public Envelope {
            signatures = List.copyOf(signatures);
        }
    }

    /** One signature of an envelope. */
    public record Sig(String keyid, byte[] sig) {
    }

    private Dsse() {
    }

    /** The bytes that are signed. */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Signs {@code payload} and returns the envelope as JSON text (pretty, final newline). */
    public static String sign(String payloadType, byte[] payload, PrivateKey key, String keyid) {
        byte[] sig;
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(pae(payloadType, payload));
            sig = s.sign();
        } catch (GeneralSecurityException e) {
            throw new ApprovalException("cannot sign with this key (an Ed25519 private key is needed): " + e.getMessage(), e);
        }
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("keyid", keyid);
        signature.put("sig", Base64.getEncoder().encodeToString(sig));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("payloadType", payloadType);
        env.put("payload", Base64.getEncoder().encodeToString(payload));
        env.put("signatures", List.of(signature));
        return Json.write(env);
    }

    /** Parses an envelope; throws {@link ApprovalException} saying what is wrong with its shape. */
    public static Envelope parse(String json) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (Json.JsonException e) {
            throw new ApprovalException("not a DSSE envelope: the file is not JSON (" + e.getMessage() + ")");
        }
        if (!(root instanceof Map<?, ?> env) || !(env.get("payloadType") instanceof String type)
                || !(env.get("payload") instanceof String payload)) {
            throw new ApprovalException("not a DSSE envelope: payloadType and payload are required");
        }
        List<Sig> sigs = new ArrayList<>();
        if (env.get("signatures") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> s && s.get("sig") instanceof String sig && !sig.isEmpty()) {
                    sigs.add(new Sig(s.get("keyid") instanceof String k ? k : "", decode(sig, "a signature")));
                }
            }
        }
        return new Envelope(type, decode(payload, "the payload"), sigs);
    }

    /** True when {@code sig} is a valid Ed25519 signature by {@code key} over the PAE of the envelope. */
    public static boolean verifies(Envelope env, Sig sig, PublicKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(pae(env.payloadType(), env.payload()));
            return s.verify(sig.sig());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] decode(String b64, String what) {
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(b64);
            } catch (IllegalArgumentException e2) {
                throw new ApprovalException("not a DSSE envelope: " + what + " is not base64");
            }
        }
    }
}
