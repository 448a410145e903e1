package io.mergegate.checkers.openapi;

import io.mergegate.testkit.FixtureHarness;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every case under {@code fixtures/openapi/}: positive cases report their rule, negative ones do not. */
class OpenApiFixturesTest {

    @TestFactory
    Stream<DynamicNode> fixtures() {
        return FixtureHarness.dynamicTests(List.of("openapi"), OpenApiChecker::new);
    }
}
