package io.mergegate.checkers.branch;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.spi.CheckerConfig;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BranchPolicyTest {

    private final BranchPolicy policy = new BranchPolicy(CheckerConfig.empty());

    @ParameterizedTest
    @ValueSource(strings = {
        "feature/CORE-1-login",
        "feature/CORE-123456-x",
        "bugfix/RETAIL-42-fix-null-pointer",
        "hotfix/AML-7-sanctions-list",
        "chore/REDESIGN-900-bump-deps",
        "feature/CORE-12-a1-b2-c3",
        "release/1.0.0",
        "release/10.20.30",
        "release/0.1.0",
        "main",
        "dev",
        "feature/AML-99-0",
    })
    void accepts(String name) {
        assertThat(policy.diagnose(name)).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Feature/CORE-1-login | type | feature/CORE-1-login",
        "feat/CORE-1-login | type | feature/CORE-1-login",
        "feature/core-1-login | team | feature/CORE-1-login",
        "feature/OPS-1-login | team | feature/CORE-1-login",
        "feature/CORE-0-login | ticket | feature/CORE-123-login",
        "feature/CORE-1234567-login | ticket | feature/CORE-123-login",
        "feature/CORE-abc-login | ticket | feature/CORE-123-abc-login",
        "feature/CORE-1-Login | slug | feature/CORE-1-login",
        "feature/CORE-1-add_login | slug | feature/CORE-1-add-login",
        "feature/CORE-1-add--login | slug | feature/CORE-1-add-login",
        "feature/CORE-1-login- | slug | feature/CORE-1-login",
        "feature/CORE-1- | slug | feature/CORE-1-short-description",
        "feature-CORE-1-login | separator | feature/CORE-1-login",
        "feature/CORE_1_login | separator | feature/CORE-1-login",
        "feature/CORE1-login | team | feature/CORE-1-login",
        "CORE-1-login | separator | feature/CORE-1-login",
        "release/1.2 | release | release/1.2.0",
        "release/v1.2.3 | release | release/1.2.3",
        "release/01.2.3 | release | release/1.2.3",
        "master | separator | feature/CORE-123-master",
        "fix/CORE-5-npe | type | bugfix/CORE-5-npe",
        "feature/CORE-1-this-slug-is-far-too-long-for-the-configured-limit | length | feature/CORE-1-this-slug-is-far-too-long-for-the-configured",
    })
    void rejectsAndExplains(String name, String kind, String example) {
        BranchPolicy.Diagnosis d = policy.diagnose(name).orElseThrow();
        assertThat(d.kind()).as(d.problem()).isEqualTo(kind);
        assertThat(d.example()).isEqualTo(example);
        assertThat(policy.diagnose(d.example())).as("the example for %s is itself valid", name).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"hotfix/CORE-1-x,main,true", "hotfix/CORE-1-x,dev,false", "feature/CORE-1-x,dev,true"})
    void targets(String branch, String target, boolean allowed) {
        boolean ok = policy.targetRule(branch).map(r -> r.getValue().contains(target)).orElse(true);
        assertThat(ok).isEqualTo(allowed);
    }

    @org.junit.jupiter.api.Test
    void teamsAreConfigurableAndExact() {
        BranchPolicy custom = new BranchPolicy(new CheckerConfig(Map.of("teams", java.util.List.of("Payments"))));
        assertThat(custom.diagnose("feature/Payments-1-x")).isEmpty();
        assertThat(custom.diagnose("feature/PAYMENTS-1-x")).get().extracting(BranchPolicy.Diagnosis::kind).isEqualTo("team");
        assertThat(custom.ticketOf("feature/Payments-12-x")).contains("Payments-12");
    }
}
