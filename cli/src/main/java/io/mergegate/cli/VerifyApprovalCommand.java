package io.mergegate.cli;

import io.mergegate.engine.UsageException;
import io.mergegate.reports.approval.ApprovalException;
import io.mergegate.reports.approval.ApprovalStatement;
import io.mergegate.reports.approval.ApprovalVerifier;
import io.mergegate.reports.approval.Ed25519Keys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mergegate verify-approval}: what a deploy stage runs before it deploys specs, schemas or migrations. */
@Command(name = "verify-approval", mixinStandardHelpOptions = true,
        description = "Verify a signed approval before deploying: the Ed25519 signature with the pinned public key, "
                + "verificationResult PASSED, the commit, its age, and that each PATH is an approved subject with "
                + "the same sha256.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the approval holds for the commit and every PATH", "1:refused (the reason is printed)",
            "2:usage error (missing file, unreadable key)"})
final class VerifyApprovalCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--approval", paramLabel = "FILE", required = true, description = "The DSSE envelope written by check --approval.")
    Path approval;

    @Option(names = "--public-key", paramLabel = "KEY", required = true, description = "The pinned Ed25519 public key (X.509 PEM).")
    Path publicKey;

    @Option(names = "--commit", paramLabel = "SHA", required = true, description = "The full id of the commit being deployed.")
    String commit;

    @Option(names = "--max-age", paramLabel = "DURATION", description = "Refuse approvals older than this (90s, 30m, 24h, 7d).")
    String maxAge;

    @Option(names = "--policy-digest", paramLabel = "SHA256", description = "Refuse approvals made under another config (hex sha256 of its bytes).")
    String policyDigest;

    @Option(names = "--root", paramLabel = "DIR", description = "Folder the PATHs are relative to (default: current folder).")
    Path root = Path.of(".");

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Artifacts about to be deployed, repository-relative.")
    List<String> paths = new ArrayList<>();

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        String envelope = read(approval, "--approval");
        PublicKey key;
        try {
            key = Ed25519Keys.readPublic(read(publicKey, "--public-key"), publicKey.toString());
        } catch (ApprovalException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, byte[]> artifacts = new LinkedHashMap<>();
        for (String p : paths) {
            String name = p.replace('\\', '/');
            while (name.startsWith("./")) {
                name = name.substring(2);
            }
            Path file = root.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("artifact to deploy not found: " + file);
            }
            artifacts.put(name, Files.readAllBytes(file));
        }
        ApprovalVerifier verifier = new ApprovalVerifier(key, clock).policyDigest(policyDigest);
        if (maxAge != null) {
            verifier.maxAge(Durations.parse(maxAge, "--max-age"));
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            ApprovalStatement.Parsed st = verifier.verify(envelope, commit, artifacts);
            out.println("approval OK: commit " + st.commit() + ", verified " + st.timeVerified() + ", "
                    + artifacts.size() + " of " + st.subjects().size() + " approved artifact(s) checked");
            return 0;
        } catch (ApprovalException e) {
            spec.commandLine().getErr().println("mergegate: approval refused: " + e.getMessage());
            return 1;
        }
    }

    private static String read(Path file, String option) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(option + ": file not found: " + file);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
