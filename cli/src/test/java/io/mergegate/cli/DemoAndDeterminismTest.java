package io.mergegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.testkit.FixturePaths;
import io.mergegate.testkit.SharedValidators;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAndDeterminismTest {

    @TempDir
    Path tmp;

    @Test
    void demoBlocksItsChangeAndWritesValidReports() throws Exception {
        Cli c = Cli.run("demo", "--dir", tmp.toString(), "--no-color");
        assertThat(c.exit()).as(c.out() + c.err()).isZero();
        assertThat(c.out()).contains("The demo change is blocked, as intended (exit code 1)", "branch/invalid-name",
                "SARIF: " + tmp.resolve("reports/mergegate.sarif"));
        SharedValidators.sarif(tmp.resolve("reports/mergegate.sarif"));
        SharedValidators.junit(tmp.resolve("reports/mergegate-junit.xml"));
    }

    @Test
    void sameChangeGivesByteIdenticalSarif() throws Exception {
        ScenarioRepo scenario = ScenarioRepo.load(FixturePaths.fixtures().resolve("demo"));
        Path repo = scenario.build(tmp.resolve("repo"));
        Path first = tmp.resolve("first.sarif");
        Path second = tmp.resolve("second.sarif");
        for (Path out : new Path[] {first, second}) {
            Cli c = Cli.run("check", "--repo", repo.toString(), "--base", "main", "--branch", scenario.branch(),
                    "--sarif", out.toString(), "--format", "json", "--today", "2026-06-01");
            assertThat(c.exit()).as(c.err()).isIn(0, 1);
        }
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }
}
