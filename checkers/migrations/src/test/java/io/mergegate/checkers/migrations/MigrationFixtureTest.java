package io.mergegate.checkers.migrations;

import io.mergegate.testkit.FixtureHarness;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class MigrationFixtureTest {

    @TestFactory
    Stream<DynamicNode> fixtures() {
        return FixtureHarness.dynamicTests(List.of("migration"), MigrationChecker::new);
    }
}
