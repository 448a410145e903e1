package io.mergegate.checkers.branch;

import io.mergegate.testkit.FixtureHarness;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class BranchFixturesTest {

    @TestFactory
    Stream<DynamicNode> fixtures() {
        return FixtureHarness.dynamicTests(List.of("branch"), BranchChecker::new);
    }
}
