package io.mergegate.core.spi;

import io.mergegate.core.Finding;
import java.util.List;
import java.util.Set;

/**
 * A checker: one family of rules (branch names, OpenAPI, Avro, ...). Implementations are listed in
 * {@code META-INF/services/io.mergegate.core.spi.Checker} and must have a public no-argument constructor.
 * A checker reads only what the {@link GateContext} gives it, never git or the file system.
 */
public interface Checker {

    /** Short id, also the config section and the rule-id prefix, e.g. {@code branch}. */
    String id();

    /** One line for {@code --help} and reports. */
    String description();

    /** Every rule id this checker may emit; emitting any other id is a bug caught by tests. */
    Set<String> ruleIds();

    /** Facts this checker reads; the engine runs their producers first. */
    default Set<FactKey<?>> consumes() {
        return Set.of();
    }

    /** Facts this checker publishes. */
    default Set<FactKey<?>> produces() {
        return Set.of();
    }

    /** Whether the checker has anything to do in the given mode. */
    default boolean supports(Mode mode) {
        return true;
    }

    /**
     * Whether a run in this mode reports every finding the head holds for this checker's rules, so that a
     * baseline entry for one of them that matched nothing is known to be unused. A checker that reads only
     * the lines a change adds cannot know that, and answers false.
     */
    default boolean seesWholeHead(Mode mode) {
        return true;
    }

    /**
     * Evaluates the change. Bad input is a finding, not an exception; an exception means a bug in
     * the checker and fails the gate closed.
     */
    List<Finding> check(GateContext context) throws Exception;
}
