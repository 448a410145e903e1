package io.mergegate.checkers.avro;

import io.mergegate.testkit.FixtureHarness;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class AvroFixtureTest {

    @TestFactory
    Stream<DynamicNode> fixtures() {
        return FixtureHarness.dynamicTests(List.of("avro", "kafka"), AvroChecker::new);
    }
}
