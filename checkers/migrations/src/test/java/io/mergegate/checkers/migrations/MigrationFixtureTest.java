package io.mergegate.checkers.migrations;

import io.mergegate.testkit.FixtureHarness;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class MigrationFixtureTest {

    /** Cases with {@code dry-run: true} need a real PostgreSQL; its URL reaches the checker as a system property. */
    @BeforeAll
    static void postgres() {
        TestPostgres.url().ifPresent(url -> System.setProperty(MigrationSettings.URL_PROPERTY, url));
    }

    @TestFactory
    Stream<DynamicNode> fixtures() {
        return FixtureHarness.dynamicTests(List.of("migration"), MigrationChecker::new);
    }
}
