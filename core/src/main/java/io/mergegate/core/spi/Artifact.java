package io.mergegate.core.spi;

/**
 * Fact: a deployable artifact at head that the gate judged (spec, schema, migration), listed in the
 * approval for the deploy stages.
 *
 * @param kind e.g. {@code openapi}, {@code avro}, {@code migration}
 * @param path repository-relative path at head
 */
public record Artifact(String kind, String path) {
}
