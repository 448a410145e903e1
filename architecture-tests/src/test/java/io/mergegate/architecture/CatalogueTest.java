package io.mergegate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.spi.Checker;
import io.mergegate.engine.Gate;
import io.mergegate.rules.RuleCatalog;
import io.mergegate.rules.RuleDocs;
import io.mergegate.testkit.FixturePaths;
import io.mergegate.testkit.TestRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Meta-tests over the rule catalogue, the checkers and the fixtures (Checkstyle's AllChecksTest idea). */
class CatalogueTest {

    /** Rules whose positive case cannot be a fixture folder, each with the test that covers it instead. */
    private static final Map<String, String> NO_POSITIVE_FIXTURE = Map.of(
            "avro/registry-incompatible", "needs a live registry holding an earlier version: RegistryIntegrationTest",
            "openapi/spec-too-complex", "needs two million schema comparisons: BadInputTest runs it with a small budget");

    /** Folders under fixtures/ that are not rule families. */
    private static final Set<String> NOT_FAMILIES = Set.of("e2e", "demo");

    private final RuleCatalog catalog = TestRules.catalog();

    private static List<Checker> checkers() {
        List<Checker> out = new ArrayList<>();
        ServiceLoader.load(Checker.class).forEach(out::add);
        return out;
    }

    @Test
    void everyDeclaredRuleIsInTheCatalogueAndEveryCatalogueRuleIsDeclared() {
        Set<String> declared = new TreeSet<>(Gate.ENGINE_RULES);
        for (Checker c : checkers()) {
            if (c.id().equals("crash-test")) {
                continue;
            }
            for (String id : c.ruleIds()) {
                assertThat(declared.add(id)).as("rule %s declared by two checkers", id).isTrue();
            }
        }
        Set<String> inCatalogue = new TreeSet<>();
        catalog.all().forEach(r -> inCatalogue.add(r.id()));
        Set<String> undocumented = new TreeSet<>(declared);
        undocumented.removeAll(inCatalogue);
        Set<String> unowned = new TreeSet<>(inCatalogue);
        unowned.removeAll(declared);
        assertThat(undocumented).as("rule ids checkers declare but the catalogue lacks").isEmpty();
        assertThat(unowned).as("catalogue rules no checker declares").isEmpty();
    }

    @Test
    void everyRuleIsDocumented() {
        for (RuleDescriptor r : catalog.all()) {
            assertThat(r.shortDescription()).as("%s summary", r.id()).isNotBlank();
            assertThat(r.messageTemplate()).as("%s message", r.id()).isNotBlank();
            String body = catalog.body(r.id());
            assertThat(body).as("%s body", r.id()).contains("## Why", "## How to fix", "## Example");
            if (r.status() == io.mergegate.core.RuleStatus.DEPRECATED) {
                assertThat(r.replacedBy()).as("%s names its replacement", r.id()).isNotBlank();
            }
        }
    }

    @Test
    void everyRuleHasAPositiveAndANegativeFixture() throws IOException {
        List<String> missing = new ArrayList<>();
        for (RuleDescriptor r : catalog.all()) {
            Path dir = FixturePaths.fixtures().resolve(r.family()).resolve(r.name());
            List<String> cases = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(Files::isDirectory).forEach(p -> cases.add(p.getFileName().toString()));
                }
            }
            if (cases.stream().noneMatch(c -> c.startsWith("positive")) && !NO_POSITIVE_FIXTURE.containsKey(r.id())) {
                missing.add(r.id() + " (positive)");
            }
            if (cases.stream().noneMatch(c -> c.startsWith("negative"))) {
                missing.add(r.id() + " (negative)");
            }
        }
        assertThat(missing).as("rules without fixture cases in fixtures/<family>/<rule>/").isEmpty();
    }

    @Test
    void everyFixtureFolderNamesARule() throws IOException {
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> families = Files.list(FixturePaths.fixtures())) {
            for (Path family : families.filter(Files::isDirectory).toList()) {
                String f = family.getFileName().toString();
                if (NOT_FAMILIES.contains(f)) {
                    continue;
                }
                try (Stream<Path> rules = Files.list(family)) {
                    rules.filter(Files::isDirectory).forEach(rule -> {
                        String id = f + "/" + rule.getFileName();
                        if (catalog.find(id).isEmpty()) {
                            orphans.add(id);
                        }
                    });
                }
            }
        }
        assertThat(orphans).as("fixture folders whose rule is not in the catalogue").isEmpty();
    }

    @Test
    void ruleDocsAreGeneratedFromTheCatalogue() throws IOException {
        Path docs = FixturePaths.repoRoot().resolve("docs/rules");
        Map<String, String> expected = RuleDocs.render(catalog);
        if (FixturePaths.updateGoldens()) {
            if (Files.isDirectory(docs)) {
                try (Stream<Path> s = Files.walk(docs)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            for (Map.Entry<String, String> e : expected.entrySet()) {
                Path file = docs.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
        }
        Map<String, String> actual = new TreeMap<>();
        if (Files.isDirectory(docs)) {
            try (Stream<Path> s = Files.walk(docs)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    actual.put(docs.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(actual.keySet()).as("docs/rules files (regenerate with -Dmergegate.updateGoldens=true)")
                .isEqualTo(expected.keySet());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(actual.get(e.getKey())).as("docs/rules/%s is stale (regenerate with -Dmergegate.updateGoldens=true)",
                    e.getKey()).isEqualTo(e.getValue());
        }
    }
}
