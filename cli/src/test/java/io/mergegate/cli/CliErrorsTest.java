package io.mergegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage in gives exit 2 and one clear line, never a stack trace. */
class CliErrorsTest {

    @TempDir
    Path tmp;

    private Path repo() {
        Path r = tmp.resolve("repo");
        return ScenarioRepo.load(tmp.resolve("none")).build(r);
    }

    private static void oneLine(Cli c, String expected) {
        assertThat(c.exit()).as(c.err()).isEqualTo(2);
        assertThat(c.err().strip()).isEqualTo(expected);
        assertThat(c.err()).doesNotContain("\tat ");
    }

    @Test
    void missingRepository() {
        Path missing = tmp.resolve("missing");
        oneLine(Cli.run("check", "--repo", missing.toString(), "--base", "main"),
                "mergegate: repository folder not found: " + missing);
    }

    @Test
    void notAGitRepository() {
        oneLine(Cli.run("check", "--repo", tmp.toString(), "--base", "main"),
                "mergegate: not a git repository: " + tmp + " (use --working-tree to check a plain folder)");
    }

    @Test
    void unknownRevision() {
        oneLine(Cli.run("check", "--repo", repo().toString(), "--base", "no-such-branch"),
                "mergegate: unknown revision 'no-such-branch'");
    }

    @Test
    void binaryConfig() throws Exception {
        Path cfg = Files.write(tmp.resolve("bin.yml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0});
        oneLine(Cli.run("check", "--repo", repo().toString(), "--base", "main", "--config", cfg.toString()),
                "mergegate: " + cfg + ": config file is binary, expected YAML text");
    }

    @Test
    void emptyConfig() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("empty.yml"), "");
        oneLine(Cli.run("check", "--repo", repo().toString(), "--base", "main", "--config", cfg.toString()),
                "mergegate: " + cfg + ": config file is empty; add settings (see README) or delete it to use the defaults");
    }

    @Test
    void missingConfig() {
        Path cfg = tmp.resolve("nope.yml");
        oneLine(Cli.run("check", "--repo", repo().toString(), "--base", "main", "--config", cfg.toString()),
                "mergegate: " + cfg + ": config file not found");
    }

    @Test
    void unknownOptionAndBadFormat() {
        Cli c = Cli.run("check", "--frobnicate");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).startsWith("mergegate: Unknown option: '--frobnicate'");
        oneLine(Cli.run("check", "--repo", repo().toString(), "--base", "main", "--format", "xml"),
                "mergegate: --format must be one of console, json, markdown, not 'xml'");
    }

    @Test
    void stagedAndWorkingTreeAreExclusive() {
        Cli c = Cli.run("check", "--staged", "--working-tree");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("mutually exclusive");
    }

    @Test
    void helpListsExitCodes() {
        Cli c = Cli.run("--help");
        assertThat(c.exit()).isZero();
        assertThat(c.out()).contains("Exit codes:", "0   nothing blocks the merge", "3   internal error");
        assertThat(Cli.run("check", "--help").out()).contains("--staged", "--sarif", "--junit", "--only");
        assertThat(Cli.run("--version").out()).startsWith("mergegate ");
    }

    @Test
    void aRunBuildsOnlyTheSubcommandItNamesAndEverythingElseSeesThemAll() {
        for (Class<?> sub : Main.SUBCOMMANDS) {
            String name = sub.getAnnotation(picocli.CommandLine.Command.class).name();
            Map<String, picocli.CommandLine> built = Main.commandLine(Map.of(), new String[] {name}).getSubcommands();
            if (sub == picocli.CommandLine.HelpCommand.class) {
                assertThat(built).as("'help NAME' needs the others").hasSize(Main.SUBCOMMANDS.size());
            } else {
                assertThat(built.keySet()).as(name).containsExactly(name);
            }
        }
        assertThat(Main.commandLine(Map.of(), new String[] {"--help"}).getSubcommands())
                .hasSize(Main.SUBCOMMANDS.size());
        assertThat(Cli.run("--help").out()).contains("check", "codeowners", "secrets", "verify-approval");
        assertThat(Cli.run("help", "check").out()).contains("--staged");
        Cli typo = Cli.run("chek");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched argument", "chek");
    }

    @Test
    void explainAndRules() {
        Cli e = Cli.run("explain", "branch/invalid-name");
        assertThat(e.exit()).isZero();
        assertThat(e.out()).contains("branch/invalid-name (error, stable)", "## How to fix");
        oneLine(Cli.run("explain", "invalid-target"), "mergegate: unknown rule 'invalid-target'; did you mean branch/invalid-target?");
        Cli r = Cli.run("rules");
        assertThat(r.out()).contains("branch/invalid-name", "mergegate/checker-failed");
    }
}
