package io.mergegate.checkers.codeowners;

import io.mergegate.testkit.FixtureHarness;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class CodeownersFixturesTest {

    @TestFactory
    Stream<DynamicNode> fixtures() {
        return FixtureHarness.dynamicTests(List.of("codeowners"), CodeownersChecker::new);
    }
}
