package io.mergegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.testkit.FixturePaths;
import io.mergegate.testkit.SharedValidators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code fixtures/e2e/<scenario>/} and {@code fixtures/mergegate/<rule>/<case>/} folder becomes a
 * real git repository (base commit on the target branch, head commit on the PR branch) judged through
 * the CLI entry point; exit code, findings and, where present, report goldens are compared, and every
 * SARIF and JUnit file is validated with the shared validators.
 */
class EndToEndTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(FixturePaths.fixtures().resolve("e2e"))) {
            s.filter(Files::isDirectory).sorted().forEach(dirs::add);
        }
        try (Stream<Path> s = Files.walk(FixturePaths.fixtures().resolve("mergegate"), 2)) {
            s.filter(p -> Files.isRegularFile(p.resolve("scenario.yaml"))).sorted().forEach(dirs::add);
        }
        assertThat(dirs).isNotEmpty();
        return dirs.stream().map(d -> DynamicTest.dynamicTest(FixturePaths.fixtures().relativize(d).toString(),
                () -> run(d)));
    }

    private void run(Path dir) throws IOException {
        ScenarioRepo scenario = ScenarioRepo.load(dir);
        Path work = Files.createTempDirectory(tmp, dir.getFileName().toString());
        Path repo = scenario.build(work.resolve("repo"));
        Path sarif = work.resolve("out.sarif");
        Path junit = work.resolve("out-junit.xml");
        Map<String, Object> s = scenario.scenario();
        List<String> args = new ArrayList<>(List.of("check", "--repo", repo.toString(), "--base", scenario.target(),
                "--branch", scenario.branch(), "--target", scenario.target(), "--sarif", sarif.toString(),
                "--junit", junit.toString(), "--format", "json", "--today", "2026-06-01"));
        if (s.get("args") instanceof List<?> extra) {
            extra.forEach(a -> args.add(String.valueOf(a).replace("${repo}", repo.toString())));
        }
        Map<String, String> env = new HashMap<>();
        if (s.get("env") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        }
        Cli cli = Cli.run(env, args.toArray(String[]::new));
        int expectedExit = s.get("exit-code") instanceof Number n ? n.intValue() : 0;
        assertThat(cli.exit()).as("exit code\nstdout:\n%s\nstderr:\n%s", cli.out(), cli.err()).isEqualTo(expectedExit);
        if (expectedExit == 2) {
            if (s.get("error") != null) {
                assertThat(cli.err().strip()).contains(String.valueOf(s.get("error")));
            }
            return;
        }
        String sarifText = Files.readString(sarif, StandardCharsets.UTF_8);
        if (s.get("findings") instanceof List<?> expected) {
            for (Object o : expected) {
                Map<?, ?> e = (Map<?, ?>) o;
                String rule = String.valueOf(e.get("rule"));
                assertThat(sarifText).as("SARIF has a result for %s", rule).contains("\"ruleId\": \"" + rule + "\"");
                if (e.get("message") != null) {
                    assertThat(cli.out()).as("json output").contains(String.valueOf(e.get("message")));
                }
            }
        }
        if (s.get("absent") instanceof List<?> absent) {
            for (Object rule : absent) {
                assertThat(sarifText).as("no result for %s", rule).doesNotContain("\"ruleId\": \"" + rule + "\"");
            }
        }
        if (Boolean.TRUE.equals(s.get("goldens"))) {
            compareGolden(dir.resolve("expected.sarif"), normalise(sarifText, repo));
            compareGolden(dir.resolve("expected-junit.xml"), normalise(Files.readString(junit), repo));
        }
        if (Boolean.TRUE.equals(s.get("validate"))) {
            SharedValidators.sarif(sarif);
            SharedValidators.junit(junit);
        }
    }

    /** Removes what differs between runs and machines: the tool version, temporary paths, timings. */
    static String normalise(String text, Path repo) {
        return text.replace(repo.toString(), "<repo>")
                .replace("\"" + Main.version() + "\"", "\"<version>\"")
                .replaceAll("time=\"[0-9.]+\"", "time=\"0\"")
                .replace("\r\n", "\n");
    }

    private static void compareGolden(Path golden, String actual) throws IOException {
        if (FixturePaths.updateGoldens()) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("golden file (create it with -Dmergegate.updateGoldens=true and review it)").exists();
        assertThat(actual).as("golden %s (rewrite with -Dmergegate.updateGoldens=true and review)", golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
