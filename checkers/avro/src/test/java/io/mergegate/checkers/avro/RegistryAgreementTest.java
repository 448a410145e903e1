package io.mergegate.checkers.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.source.DirectorySourceTree;
import io.mergegate.testkit.FixtureCase;
import io.mergegate.testkit.FixtureHarness;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our verdict equals the real registry's: every fixture pair of one base and one head schema is
 * registered and checked under BACKWARD, FORWARD and FULL, and both verdicts must agree.
 */
class RegistryAgreementTest {

    static LocalRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        registry = LocalRegistry.obtain();
    }

    record Pair(String name, String base, String head) {
    }

    static List<Pair> pairs() throws Exception {
        List<Pair> out = new ArrayList<>();
        for (FixtureCase c : FixtureHarness.cases(List.of("avro"))) {
            if (!Files.isDirectory(c.base()) || !Files.isDirectory(c.head())) {
                continue;
            }
            var base = new DirectorySourceTree(c.base(), "base");
            var head = new DirectorySourceTree(c.head(), "head");
            if (base.paths().size() != 1 || !base.paths().equals(head.paths())) {
                continue;
            }
            String path = base.paths().get(0);
            SchemaReader rb = new SchemaReader(base, p -> true, 1 << 20);
            SchemaReader rh = new SchemaReader(head, p -> true, 1 << 20);
            if (rb.read(path, false).ok() && rh.read(path, true).ok()) {
                out.add(new Pair(c.displayName(), Files.readString(c.base().resolve(path)),
                        Files.readString(c.head().resolve(path))));
            }
        }
        return out;
    }

    @Test
    void verdictsAgreeWithTheRegistry() throws Exception {
        RegistryClient client = new RegistryClient(registry.url, Duration.ofSeconds(20), null);
        List<Pair> pairs = pairs();
        assertThat(pairs).hasSizeGreaterThan(20);
        List<String> disagreements = new ArrayList<>();
        int incompatible = 0;
        for (Pair p : pairs) {
            SchemaReader.Parsed base = new SchemaReader(io.mergegate.core.source.SourceTree.empty("b"), x -> true,
                    1 << 20).parseText("b.avsc", p.base(), false);
            SchemaReader.Parsed head = new SchemaReader(io.mergegate.core.source.SourceTree.empty("h"), x -> true,
                    1 << 20).parseText("h.avsc", p.head(), true);
            for (String mode : List.of("BACKWARD", "FORWARD", "FULL")) {
                String subject = "agree-" + UUID.randomUUID();
                client.setLevel(subject, mode);
                client.register(subject, p.base());
                boolean theirs = client.check(subject, p.head()).compatible();
                boolean ours = Compatibility.check(CompatibilityMode.valueOf(mode),
                        new Compatibility.Version("h", head.schema(), head.json()),
                        List.of(new Compatibility.Version("b", base.schema(), base.json()))).isEmpty();
                if (!ours) {
                    incompatible++;
                }
                if (ours != theirs) {
                    disagreements.add(p.name() + " " + mode + ": ours=" + ours + " registry=" + theirs);
                }
            }
        }
        System.out.printf("registry agreement: %d pairs x 3 modes, %d incompatible verdicts, %d disagreements%n",
                pairs.size(), incompatible, disagreements.size());
        assertThat(incompatible).isGreaterThan(10);
        assertThat(disagreements).isEmpty();
    }
}
