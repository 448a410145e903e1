package io.mergegate.checkers.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationNameTest {

    @Test
    void flywayVersionsCompareNumericallyIgnoringTrailingZeros() {
        MigrationName v5 = MigrationName.parse("V5__a.sql").orElseThrow();
        MigrationName v50 = MigrationName.parse("V5.0__b.sql").orElseThrow();
        MigrationName v5u0 = MigrationName.parse("V5_0__c.sql").orElseThrow();
        MigrationName v10 = MigrationName.parse("V10__d.sql").orElseThrow();
        assertThat(MigrationName.compareVersions(v5.version(), v50.version())).isZero();
        assertThat(MigrationName.compareVersions(v5.version(), v5u0.version())).isZero();
        assertThat(MigrationName.compareVersions(v10.version(), v5.version())).isPositive();
    }

    @Test
    void namesFlywaySkipsAreRejected() {
        assertThat(MigrationName.parse("V5_add.sql")).isEmpty();
        assertThat(MigrationName.parse("v5__add.sql")).isEmpty();
        assertThat(MigrationName.parse("V__add.sql")).isEmpty();
        assertThat(MigrationName.parse("R1__views.sql")).isEmpty();
        assertThat(MigrationName.parse("R__views.sql")).map(MigrationName::kind).contains(MigrationName.Kind.REPEATABLE);
        assertThat(MigrationName.parse("2026050101_add_x.sql")).map(MigrationName::kind)
                .contains(MigrationName.Kind.TIMESTAMPED);
    }

    @Test
    void phaseComesFromTheDescriptionPrefix() {
        assertThat(MigrationName.parse("V7__contract_drop_x.sql").orElseThrow().phasePrefix()).contains(Phase.CONTRACT);
        assertThat(MigrationName.parse("V7__add_x.sql").orElseThrow().phasePrefix()).isEmpty();
    }

    @Test
    void wideningIsRecognised() {
        assertThat(StatementRules.widening("VARCHAR(100)", "VARCHAR(200)")).isTrue();
        assertThat(StatementRules.widening("VARCHAR(100)", "TEXT")).isTrue();
        assertThat(StatementRules.widening("NUMERIC(10,2)", "NUMERIC(12,2)")).isTrue();
        assertThat(StatementRules.widening("VARCHAR(100)", "VARCHAR(50)")).isFalse();
        assertThat(StatementRules.widening("NUMERIC(10,2)", "NUMERIC(12,3)")).isFalse();
        assertThat(StatementRules.widening("INT", "BIGINT")).isFalse();
        assertThat(StatementRules.widening(null, "TEXT")).isFalse();
    }
}
