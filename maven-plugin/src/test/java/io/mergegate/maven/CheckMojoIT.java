package io.mergegate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code mvn -o verify} of a two-module sample project in a temporary git repository, with the
 * plugin just packaged. The Maven local repository of the run is the user's one (symlinked, so no
 * download and no install) plus this build's mergegate artifacts.
 */
class CheckMojoIT {

    @TempDir
    static Path tmp;

    static Path localRepo;
    static Path project;

    @BeforeAll
    static void setUp() throws Exception {
        localRepo = tmp.resolve("m2");
        linkLocalRepository(Path.of(System.getProperty("mergegate.localRepository")), localRepo);
        publishReactorArtifacts(root(), localRepo.resolve("io/mergegate"));

        project = tmp.resolve("sample");
        Files.createDirectories(project.resolve("module-a"));
        Files.createDirectories(project.resolve("module-b"));
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>sample</groupId><artifactId>sample</artifactId><version>1</version><packaging>pom</packaging>
                  <modules><module>module-a</module><module>module-b</module></modules>
                  <build><plugins><plugin>
                    <groupId>io.mergegate</groupId><artifactId>mergegate-maven-plugin</artifactId><version>%s</version>
                    <executions><execution><goals><goal>check</goal></goals></execution></executions>
                    <configuration><mode>pull-request</mode><base>does-not-exist</base><only>branch</only></configuration>
                  </plugin></plugins></build>
                </project>
                """.formatted(System.getProperty("mergegate.version")));
        for (String m : List.of("module-a", "module-b")) {
            Files.writeString(project.resolve(m + "/pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <parent><groupId>sample</groupId><artifactId>sample</artifactId><version>1</version></parent>
                      <artifactId>%s</artifactId><packaging>pom</packaging>
                    </project>
                    """.formatted(m));
        }
        Files.writeString(project.resolve(".gitignore"), "target/\n");
        git("init", "-q", "-b", "main");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        git("checkout", "-q", "-b", "wip_stuff");
        Files.writeString(project.resolve("README.md"), "sample\n");
        git("add", "-A");
        git("commit", "-q", "-m", "change");
    }

    /** Removes the links first, so that the temporary folder's cleanup never walks into the real repository. */
    @AfterAll
    static void unlink() throws IOException {
        for (Path dir : List.of(localRepo, localRepo.resolve("io"))) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    if (Files.isSymbolicLink(p)) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    @Test
    void a_violation_fails_the_build_and_the_fix_passes_it_once_per_build() throws Exception {
        Run bad = mvn("-Dmergegate.base=main");
        assertThat(bad.exit).as(bad.out).isEqualTo(1);
        assertThat(bad.out).contains("branch/invalid-name").contains("BUILD FAILURE").contains("blocking finding(s)");
        assertThat(project.resolve("target/mergegate/mergegate.txt")).exists();
        assertThat(Files.readString(project.resolve("target/mergegate/mergegate.sarif"))).contains("branch/invalid-name");
        assertThat(Files.readString(project.resolve("target/mergegate/mergegate-junit.xml"))).contains("<testsuite");
        assertThat(project.resolve("target/mergegate/summary.md")).exists();

        Run relaxed = mvn("-Dmergegate.base=main", "-Dmergegate.failOn=none");
        assertThat(relaxed.exit).as(relaxed.out).isZero();

        git("branch", "-m", "feature/CORE-1-sample");
        Run good = mvn("-Dmergegate.base=main");
        assertThat(good.exit).as(good.out).isZero();
        assertThat(good.out).contains("BUILD SUCCESS");
        assertThat(count(good.out, "mergegate: nothing blocks")).as("runs once, at the execution root").isEqualTo(1);
        git("branch", "-m", "wip_stuff");
    }

    @Test
    void a_bad_base_is_a_tool_error_and_skip_skips() throws Exception {
        Run err = mvn();
        assertThat(err.exit).as(err.out).isEqualTo(1);
        assertThat(err.out).contains("does-not-exist").contains("MojoExecutionException");
        Run skipped = mvn("-Dmergegate.skip");
        assertThat(skipped.exit).as(skipped.out).isZero();
        assertThat(skipped.out).contains("mergegate: skipped");
    }

    record Run(int exit, String out) {
    }

    static Run mvn(String... args) throws Exception {
        String home = System.getProperty("mergegate.mavenHome");
        String mvn = home != null && Files.isExecutable(Path.of(home, "bin/mvn")) ? Path.of(home, "bin/mvn").toString() : "mvn";
        List<String> cmd = new ArrayList<>(List.of(mvn, "-o", "-B", "-e", "-Dmaven.repo.local=" + localRepo, "verify"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("CI_") || k.startsWith("BUILDKITE")
                || k.equals("MAVEN_ARGS"));
        pb.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -Xshare:auto");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    static void git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", args) + ": " + out).isZero();
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** A local repository that is the user's one except for {@code io/mergegate}. */
    static void linkLocalRepository(Path real, Path dest) throws IOException {
        Files.createDirectories(dest.resolve("io"));
        try (Stream<Path> top = Files.list(real)) {
            for (Path p : top.toList()) {
                if (!p.getFileName().toString().equals("io")) {
                    Files.createSymbolicLink(dest.resolve(p.getFileName().toString()), p);
                }
            }
        }
        if (Files.isDirectory(real.resolve("io"))) {
            try (Stream<Path> io = Files.list(real.resolve("io"))) {
                for (Path p : io.toList()) {
                    if (!p.getFileName().toString().equals("mergegate")) {
                        Files.createSymbolicLink(dest.resolve("io").resolve(p.getFileName().toString()), p);
                    }
                }
            }
        }
    }

    /** Copies each reactor module's pom and packaged jar into {@code io/mergegate/<artifactId>/<version>/}. */
    static void publishReactorArtifacts(Path root, Path dest) throws IOException {
        String version = System.getProperty("mergegate.version");
        List<Path> poms;
        try (Stream<Path> s = Files.walk(root, 3)) {
            poms = s.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/fixtures/")).toList();
        }
        Pattern parent = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
        Pattern artifactId = Pattern.compile("<artifactId>(.*?)</artifactId>");
        for (Path pom : poms) {
            String text = parent.matcher(Files.readString(pom)).replaceFirst("");
            Matcher m = artifactId.matcher(text);
            if (!m.find() || !text.contains("<groupId>io.mergegate</groupId>") && !m.group(1).startsWith("mergegate")) {
                continue;
            }
            String id = m.group(1);
            Path dir = Files.createDirectories(dest.resolve(id).resolve(version));
            Files.copy(pom, dir.resolve(id + "-" + version + ".pom"));
            Path jar = id.equals("mergegate-maven-plugin") ? Path.of(System.getProperty("mergegate.pluginJar"))
                    : pom.resolveSibling("target/" + id + "-" + version + ".jar");
            if (Files.exists(jar)) {
                Files.copy(jar, dir.resolve(id + "-" + version + ".jar"));
            }
        }
    }

    /** The reactor root: the parent of this module (failsafe runs in the module's folder). */
    static Path root() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();
    }
}
