package io.mergegate.reports.approval;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a gate run that nothing blocked hands to {@link ApprovalStatement}.
 *
 * @param headCommit  full id of the commit that was judged
 * @param repository  where the commit lives (e.g. {@code https://github.com/acme/shop}); may be null
 * @param configPath  the policy file as named to the user (e.g. {@code .mergegate.yml}); may be null when defaults applied
 * @param configBytes the policy file's bytes (empty when defaults applied); its sha256 is the policy digest
 * @param files       every approved artifact at head
 * @param checks      ids of the checkers that ran
 * @param toolVersion mergegate version
 * @param verifiedAt  when the gate decided
 */
public record ApprovalInput(
        String headCommit,
        String repository,
        String configPath,
        byte[] configBytes,
        List<ApprovedFile> files,
        List<String> checks,
        String toolVersion,
        Instant verifiedAt) {

    public ApprovalInput {
        Objects.requireNonNull(headCommit, "headCommit");
        if (!headCommit.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            throw new IllegalArgumentException("head commit must be a full lower-case hex object id: " + headCommit);
        }
        configBytes = configBytes == null ? new byte[0] : configBytes.clone();
        files = files.stream().sorted(Comparator.comparing(ApprovedFile::path)).toList();
        checks = checks.stream().sorted().distinct().toList();
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        for (int i = 1; i < files.size(); i++) {
            if (files.get(i).path().equals(files.get(i - 1).path())) {
                throw new IllegalArgumentException("artifact listed twice: " + files.get(i).path());
            }
        }
    }

    @Override
    public byte[] configBytes() {
        return configBytes.clone();
    }
}
