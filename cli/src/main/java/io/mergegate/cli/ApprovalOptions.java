package io.mergegate.cli;

import io.mergegate.core.RunReport;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.spi.Artifact;
import io.mergegate.core.spi.KnownFacts;
import io.mergegate.engine.GateOutcome;
import io.mergegate.engine.UsageException;
import io.mergegate.reports.approval.ApprovalException;
import io.mergegate.reports.approval.ApprovalInput;
import io.mergegate.reports.approval.Approvals;
import io.mergegate.reports.approval.ApprovedFile;
import io.mergegate.reports.approval.Ed25519Keys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code check --approval FILE [--signing-key FILE]}: after a run that nothing blocks, the signed
 * approval listing every approved artifact at head. Added to {@code check} as a mixin.
 */
final class ApprovalOptions {

    static final String KEY_ENV = "MERGEGATE_SIGNING_KEY";

    @Option(names = "--approval", paramLabel = "FILE",
            description = "When nothing blocks, write a signed approval (DSSE envelope of an in-toto SLSA verification "
                    + "summary) of the approved specs, schemas and migrations at head; when something blocks, remove FILE.")
    Path approval;

    @Option(names = "--signing-key", paramLabel = "FILE",
            description = "Ed25519 private key (PKCS#8 PEM) for --approval; default: the PEM text in $" + KEY_ENV + ".")
    Path signingKey;

    /** Checks the options before the gate runs, so a missing key is a usage error and not a late surprise. */
    void validate(Map<String, String> env) throws IOException {
        if (approval == null) {
            if (signingKey != null) {
                throw new UsageException("--signing-key needs --approval FILE");
            }
            return;
        }
        privateKey(env);
    }

    /** Writes (or removes) the approval after the run; returns the outcome's exit code unchanged. */
    int write(GateOutcome outcome, Map<String, String> env, Clock clock, PrintWriter err) throws IOException {
        if (approval == null) {
            return outcome.exitCode();
        }
        RunReport report = outcome.report();
        if (!report.passed()) {
            if (Files.deleteIfExists(approval)) {
                err.println("mergegate: removed " + approval + ": the gate did not pass, so nothing is approved");
            } else {
                err.println("mergegate: no approval written: the gate did not pass");
            }
            return outcome.exitCode();
        }
        if (report.headCommit() == null) {
            throw new UsageException("--approval needs a commit to approve; it cannot be used with --staged or --working-tree");
        }
        PrivateKey key = privateKey(env);
        List<ApprovedFile> files = new ArrayList<>();
        Map<String, Artifact> seen = new LinkedHashMap<>();
        for (Artifact a : outcome.facts().all(KnownFacts.ARTIFACTS)) {
            seen.putIfAbsent(a.path(), a);
        }
        for (Artifact a : seen.values()) {
            SourceFile f = outcome.head().file(a.path()).orElseThrow(() ->
                    new IllegalStateException("artifact " + a.path() + " is not in the head tree"));
            byte[] bytes = f.bytes();
            String blob = f.contentId();
            files.add(new ApprovedFile(a.path(), a.kind(), bytes,
                    blob != null && blob.matches("[0-9a-f]{40}") ? blob : null));
        }
        List<String> checks = report.checkers().stream().map(RunReport.CheckerRun::id).toList();
        ApprovalInput in = new ApprovalInput(report.headCommit(), repository(env), outcome.config().source(),
                outcome.config().bytes(), files, checks, report.toolVersion(), clock.instant());
        PublicKey pub = Ed25519Keys.publicKeyOf(key);
        Path parent = approval.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(approval, Approvals.sign(in, key, pub), StandardCharsets.UTF_8);
        err.println("mergegate: approval for " + report.headCommit() + " with " + files.size() + " artifact(s) written to "
                + approval + " (key " + Ed25519Keys.keyId(pub) + ")");
        return outcome.exitCode();
    }

    private PrivateKey privateKey(Map<String, String> env) throws IOException {
        String pem;
        String source;
        if (signingKey != null) {
            if (!Files.isRegularFile(signingKey)) {
                throw new UsageException("--signing-key: file not found: " + signingKey);
            }
            pem = Files.readString(signingKey, StandardCharsets.US_ASCII);
            source = "--signing-key " + signingKey;
        } else if (env.get(KEY_ENV) != null && !env.get(KEY_ENV).isBlank()) {
            pem = env.get(KEY_ENV);
            source = "$" + KEY_ENV;
        } else {
            throw new UsageException("--approval needs a signing key: --signing-key FILE or $" + KEY_ENV
                    + " (create one with 'mergegate keygen --out PREFIX')");
        }
        try {
            return Ed25519Keys.readPrivate(pem, source);
        } catch (ApprovalException e) {
            // The message names the source, never the key material.
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code https://github.com/o/r}, the GitLab project URL, or Buildkite's repository; null when unknown. */
    static String repository(Map<String, String> env) {
        if (env.get("GITHUB_REPOSITORY") != null) {
            return env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/" + env.get("GITHUB_REPOSITORY");
        }
        if (env.get("CI_PROJECT_URL") != null) {
            return env.get("CI_PROJECT_URL");
        }
        return env.get("BUILDKITE_REPO");
    }
}
