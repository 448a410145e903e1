package io.mergegate.checkers.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every rule name the schema comparison can put together (direction, object, attribute, action) is in the
 * catalogue: a change without a rule would otherwise stop the checker (it fails closed). The names that
 * cannot occur are listed with the reason.
 */
class RuleNamespaceTest {

    private static final Map<String, List<String>> OBJECTS = Map.of(
            "request", List.of("body", "property", "parameter", "parameter-property"),
            "response", List.of("body", "property", "header"));

    private static List<String> attributeActions(String direction) {
        List<String> out = new ArrayList<>(List.of("type-changed", "type-generalized", "type-specialized",
                "type-compatible", "list-of-types-widened", "list-of-types-narrowed", "became-nullable",
                "became-not-nullable", "enum-value-removed", "enum-value-added", "content-media-type-changed",
                "content-encoding-changed", "one-of-added", "one-of-removed", "any-of-added", "any-of-removed"));
        if (direction.equals("request")) {
            out.addAll(List.of("became-enum", "x-extensible-enum-value-removed"));
        }
        for (SchemaDiff.Bound b : SchemaDiff.BOUNDS) {
            out.addAll(List.of(b.attr() + "-increased", b.attr() + "-decreased"));
            if (!b.zeroWhenAbsent()) {
                out.addAll(List.of(b.attr() + "-set", b.attr() + "-unset"));
            }
        }
        for (String k : SchemaDiff.NARROWING_PRESENCE.values()) {
            out.addAll(List.of(k + "-added", k + "-removed"));
        }
        for (String k : List.of("prefix-items", "pattern-property", "dependent-schema")) {
            out.addAll(List.of(k + "-added", k + "-removed"));
        }
        for (String k : List.of("const", "pattern", "default-value", "dependent-required")) {
            out.addAll(List.of(k + "-added", k + "-removed", k + "-changed"));
        }
        for (String a : List.of("added", "removed", "property-name-changed", "mapping-added", "mapping-changed",
                "mapping-deleted")) {
            out.add("discriminator-" + a);
        }
        return out;
    }

    /** Names the comparison builds but never emits, and why. */
    private static final Map<String, String> UNREACHABLE = Map.of(
            "request-parameter-type-compatible", "parameters are judged like text: generalized or specialized",
            "request-parameter-property-type-compatible", "the same for properties of object parameters",
            "response-body-enum-value-removed", "named response-mediatype-enum-value-removed, as in oasdiff");

    @Test
    void everyNameTheSchemaComparisonBuildsIsACatalogueRule() {
        Set<String> missing = new TreeSet<>();
        int names = 0;
        for (Map.Entry<String, List<String>> e : OBJECTS.entrySet()) {
            for (String object : e.getValue()) {
                for (String suffix : attributeActions(e.getKey())) {
                    String name = e.getKey() + "-" + object + "-" + suffix;
                    names++;
                    if (!Rules.has(name) && !UNREACHABLE.containsKey(name)) {
                        missing.add(name);
                    }
                }
            }
        }
        assertThat(names).isGreaterThan(600);
        assertThat(missing).as("rule names the comparison can emit without a catalogue rule").isEmpty();
        assertThat(Rules.has("response-mediatype-enum-value-removed")).isTrue();
        assertThat(UNREACHABLE.keySet()).as("listed as unreachable but in the catalogue").noneMatch(Rules::has);
    }

    @Test
    void everyRemovalNamesWhereTheNodeWasInTheBase() {
        List<String> removals = Rules.names().stream().filter(OpenApiDiff::removal).toList();
        assertThat(removals).hasSizeGreaterThan(100);
        for (String name : removals) {
            assertThat(io.mergegate.testkit.TestRules.catalog().find("openapi/" + name).orElseThrow().messageTemplate())
                    .as(name).contains("{base}");
        }
    }

    @Test
    void anUnknownRuleFailsTheCheckerInsteadOfPassingSilently() {
        var tree = io.mergegate.core.source.MemorySourceTree.ofText("t",
                Map.of("a.yaml", "openapi: 3.0.3\ninfo: {title: A, version: 1.0.0}\npaths: {}\n"));
        OpenApiDiff diff = new OpenApiDiff(new Workspace(tree::file), "a.yaml", new Workspace(tree::file), "a.yaml",
                new Policy(java.time.LocalDate.of(2026, 6, 1), Policy.DEFAULT_DAYS), false);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> diff.emit("request-body-no-such-change", "POST", "/x", "/p", null, Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("request-body-no-such-change");
    }
}
