package io.mergegate.core.spi;

/** The facts shared between the built-in checkers. */
public final class KnownFacts {

    /** Change levels detected by the API checkers (OpenAPI, Avro); consumed by the DoR/DoD checker. */
    public static final FactKey<ApiChange> API_CHANGES = FactKey.of("api-changes", ApiChange.class);

    /** Artifacts at head that the approval manifest lists. */
    public static final FactKey<Artifact> ARTIFACTS = FactKey.of("artifacts", Artifact.class);

    /** {@code TEAM-TICKET} parsed from the branch name, consumed by the PR checker. */
    public static final FactKey<String> BRANCH_TICKET = FactKey.of("branch-ticket", String.class);

    private KnownFacts() {
    }
}
