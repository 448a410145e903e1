package io.mergegate.reports.approval;

import io.mergegate.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-toto Statement v1 whose predicate is a SLSA Verification Summary v1 (VSA): "mergegate
 * verified commit X of repository R against policy P; the result was PASSED; these are the
 * artifacts it approved". Subjects are the approved files with the sha256 of their committed
 * bytes and their {@code gitBlob} id.
 *
 * @see <a href="https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md">in-toto Statement v1</a>
 * @see <a href="https://slsa.dev/spec/v1.0/verification_summary">SLSA Verification Summary v1</a>
 */
public final class ApprovalStatement {

    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://slsa.dev/verification_summary/v1";
    public static final String VERIFIER_ID = "https://github.com/mergegate/mergegate";
    /** The level a passing gate vouches for; custom VSA levels must not start with {@code SLSA_}. */
    public static final String VERIFIED_LEVEL = "MERGEGATE_POLICY_PASSED";

    /** The VSA {@code verificationResult}. */
    public enum Result { PASSED, FAILED }

    /**
     * A statement read back from JSON, with just what a deploy stage checks.
     *
     * @param resourceUri   {@code git+<repository>@<commit>}
     * @param commit        the part of {@code resourceUri} after the last {@code @}
     * @param result        {@code PASSED} or {@code FAILED} (or whatever the producer wrote)
     * @param timeVerified  when the gate decided
     * @param policyDigest  sha256 of the config
     * @param subjects      subject name → digest map ({@code sha256}, {@code gitBlob})
     * @param checks        checker ids that ran
     * @param kinds         subject name → {@code mergegate.kind} annotation, where present
     */
    public record Parsed(String resourceUri, String commit, String result, Instant timeVerified, String policyDigest,
                         Map<String, Map<String, String>> subjects, List<String> checks, Map<String, String> kinds) {
    }

    private ApprovalStatement() {
    }

    /** The resource URI for a commit: {@code git+<repository>@<commit>} ({@code git+file:.} when unknown). */
    public static String resourceUri(String repository, String commit) {
        String repo = repository == null || repository.isBlank() ? "file:." : repository;
        return "git+" + repo + "@" + commit;
    }

    /** The statement as an ordered JSON tree. */
    public static Map<String, Object> tree(ApprovalInput in, Result result) {
        List<Object> subjects = new ArrayList<>();
        for (ApprovedFile f : in.files()) {
            Map<String, Object> digest = new LinkedHashMap<>();
            digest.put("sha256", f.sha256());
            digest.put("gitBlob", f.gitBlob());
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", f.path());
            s.put("digest", digest);
            if (f.kind() != null) {
                s.put("annotations", Map.of("mergegate.kind", f.kind()));
            }
            subjects.add(s);
        }
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("uri", in.configPath() == null ? "mergegate:defaults" : in.configPath());
        policy.put("digest", Map.of("sha256", Digests.sha256Hex(in.configBytes())));

        Map<String, Object> predicate = new LinkedHashMap<>();
        Map<String, Object> verifier = new LinkedHashMap<>();
        verifier.put("id", VERIFIER_ID);
        verifier.put("version", Map.of("mergegate", in.toolVersion()));
        predicate.put("verifier", verifier);
        predicate.put("timeVerified", in.verifiedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        predicate.put("resourceUri", resourceUri(in.repository(), in.headCommit()));
        predicate.put("policy", policy);
        predicate.put("verificationResult", result.name());
        predicate.put("verifiedLevels", List.of(VERIFIED_LEVEL));
        predicate.put("slsaVersion", "1.0");
        // Not a VSA field: the VSA has no place for "which checks ran"; consumers ignore unknown fields.
        predicate.put("mergegateChecks", in.checks());

        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("_type", STATEMENT_TYPE);
        statement.put("subject", subjects);
        statement.put("predicateType", PREDICATE_TYPE);
        statement.put("predicate", predicate);
        return statement;
    }

    /** The statement as UTF-8 JSON bytes (the DSSE payload). */
    public static byte[] toJson(ApprovalInput in, Result result) {
        return Json.write(tree(in, result)).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a payload back; throws {@link ApprovalException} naming what is missing or malformed. */
    public static Parsed parse(byte[] payload) {
        Object root;
        try {
            root = Json.parse(new String(payload, StandardCharsets.UTF_8));
        } catch (Json.JsonException e) {
            throw new ApprovalException("the signed payload is not JSON: " + e.getMessage());
        }
        Map<?, ?> st = object(root, "statement");
        if (!STATEMENT_TYPE.equals(st.get("_type"))) {
            throw new ApprovalException("the payload is not an in-toto Statement v1 (_type " + st.get("_type") + ")");
        }
        if (!PREDICATE_TYPE.equals(st.get("predicateType"))) {
            throw new ApprovalException("the predicate is not a SLSA Verification Summary v1 (predicateType "
                    + st.get("predicateType") + ")");
        }
        Map<?, ?> pred = object(st.get("predicate"), "predicate");
        String uri = string(pred, "resourceUri");
        int at = uri.lastIndexOf('@');
        String commit = at < 0 ? "" : uri.substring(at + 1);
        Instant time;
        try {
            time = Instant.parse(string(pred, "timeVerified"));
        } catch (DateTimeParseException e) {
            throw new ApprovalException("predicate.timeVerified is not an RFC 3339 UTC time: " + pred.get("timeVerified"));
        }
        Map<?, ?> policy = object(pred.get("policy"), "predicate.policy");
        Object pd = policy.get("digest") instanceof Map<?, ?> d ? d.get("sha256") : null;

        Map<String, Map<String, String>> subjects = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        if (!(st.get("subject") instanceof List<?> list)) {
            throw new ApprovalException("the statement has no subject list");
        }
        for (Object o : list) {
            Map<?, ?> s = object(o, "subject");
            Map<?, ?> d = object(s.get("digest"), "subject.digest");
            Map<String, String> digest = new LinkedHashMap<>();
            d.forEach((k, v) -> digest.put(String.valueOf(k), String.valueOf(v)));
            subjects.put(string(s, "name"), digest);
            if (s.get("annotations") instanceof Map<?, ?> a && a.get("mergegate.kind") instanceof String kind) {
                kinds.put(string(s, "name"), kind);
            }
        }
        List<String> checks = new ArrayList<>();
        if (pred.get("mergegateChecks") instanceof List<?> cs) {
            cs.forEach(c -> checks.add(String.valueOf(c)));
        }
        return new Parsed(uri, commit, string(pred, "verificationResult"), time, pd == null ? null : pd.toString(),
                subjects, checks, kinds);
    }

    private static Map<?, ?> object(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new ApprovalException("the statement's " + what + " is missing or not an object");
    }

    private static String string(Map<?, ?> m, String key) {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw new ApprovalException("the statement has no string '" + key + "'");
    }
}
