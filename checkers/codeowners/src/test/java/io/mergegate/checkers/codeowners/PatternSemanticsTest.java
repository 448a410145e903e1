package io.mergegate.checkers.codeowners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatternSemanticsTest {

    static Stream<Arguments> github() {
        return Stream.of(
                // a single segment matches at any depth, files and folders
                Arguments.of("*.js", "app.js", true),
                Arguments.of("*.js", "src/deep/app.js", true),
                Arguments.of("*.js", "src/app.jsx", false),
                Arguments.of("Makefile", "tools/Makefile", true),
                Arguments.of("apps/", "apps/x.txt", true),
                Arguments.of("apps/", "src/apps/deep/x.txt", true),
                Arguments.of("apps/", "apps", false),
                // leading or middle slash anchors at the root
                Arguments.of("/build/logs/", "build/logs/a.log", true),
                Arguments.of("/build/logs/", "x/build/logs/a.log", false),
                Arguments.of("build/logs", "x/build/logs/a.log", false),
                Arguments.of("build/logs", "build/logs/a/b.log", true),
                Arguments.of("build/logs", "build/logs", true),
                // a final literal segment owns itself and its subtree
                Arguments.of("/docs", "docs/a/b.md", true),
                Arguments.of("/docs", "docsx/a.md", false),
                // a final lone * owns exactly one level
                Arguments.of("docs/*", "docs/getting-started.md", true),
                Arguments.of("docs/*", "docs/build-app/troubleshooting.md", false),
                Arguments.of("docs/*", "x/docs/a.md", false),
                Arguments.of("/*", "README.md", true),
                Arguments.of("/*", "src/a.c", false),
                Arguments.of("*", "any/thing/at/all.txt", true),
                // * and ? never cross /
                Arguments.of("/src/*.c", "src/a.c", true),
                Arguments.of("/src/*.c", "src/x/a.c", false),
                Arguments.of("/src/?.c", "src/a.c", true),
                Arguments.of("/src/?.c", "src/ab.c", false),
                // ** spans folders
                Arguments.of("**/logs", "logs/a.log", true),
                Arguments.of("**/logs", "deep/er/logs/a.log", true),
                Arguments.of("/docs/**", "docs/a/b/c.md", true),
                Arguments.of("/docs/**", "docs", false),
                Arguments.of("a/**/b.txt", "a/b.txt", true),
                Arguments.of("a/**/b.txt", "a/x/y/b.txt", true),
                // case-sensitive
                Arguments.of("/Docs/", "docs/a.md", false),
                // escaped space
                Arguments.of("/my\\ dir/", "my dir/a.txt", true),
                // the root alone matches nothing
                Arguments.of("/", "a.txt", false));
    }

    @ParameterizedTest(name = "GitHub {0} ~ {1} = {2}")
    @MethodSource("github")
    void githubPatterns(String pattern, String path, boolean expected) {
        PatternTranslator.Result r = PatternTranslator.github(pattern);
        assertThat(r.ok()).isTrue();
        assertThat(r.compile(false).matcher(path).matches()).isEqualTo(expected);
        assertIndexAgrees(Platform.GITHUB, pattern, path, expected);
    }

    static Stream<Arguments> gitlab() {
        return Stream.of(
                Arguments.of("*", "README.md", true),
                Arguments.of("*", "a/b/.hidden", true),
                Arguments.of("*.rb", "lib/x.rb", true),
                Arguments.of("a/b.md", "x/a/b.md", true),
                Arguments.of("a/b.md", "a/b.md", true),
                Arguments.of("/a/b.md", "x/a/b.md", false),
                Arguments.of("/docs/", "docs/a/b.md", true),
                Arguments.of("/docs/*", "docs/a.md", true),
                Arguments.of("/docs/*", "docs/a/b.md", false),
                Arguments.of("/docs/**/*.md", "docs/a.md", true),
                Arguments.of("/docs/**/*.md", "docs/x/y/a.md", true),
                Arguments.of("lib/", "x/lib/a.rb", true),
                // fnmatch: a path without trailing slash does not own a folder
                Arguments.of("/docs", "docs/a.md", false),
                Arguments.of("/docs", "docs", true),
                Arguments.of("/src/[ab].c", "src/a.c", true),
                Arguments.of("/src/[!ab].c", "src/a.c", false),
                Arguments.of("/src/[!ab].c", "src/c.c", true),
                Arguments.of("\\#file.rb", "#file.rb", true),
                Arguments.of("/.config/*", ".config/x", true),
                Arguments.of("/Docs/", "docs/a.md", false),
                // found by the fuzz test: an escaped separator is a separator
                Arguments.of("*\\/", "a/a", true),
                Arguments.of("*\\/", "a", false));
    }

    @ParameterizedTest(name = "GitLab {0} ~ {1} = {2}")
    @MethodSource("gitlab")
    void gitlabPatterns(String pattern, String path, boolean expected) {
        PatternTranslator.Result r = PatternTranslator.gitlab(pattern);
        assertThat(r.compile(false).matcher(path).matches()).isEqualTo(expected);
        assertIndexAgrees(Platform.GITLAB, pattern, path, expected);
    }

    /** The lookup index must never hide a matching rule. */
    private static void assertIndexAgrees(Platform platform, String pattern, String path, boolean expected) {
        CodeownersFile f = CodeownersParser.parse("CODEOWNERS", pattern + " @owner\n", platform);
        OwnershipIndex index = new OwnershipIndex(f);
        assertThat(index.resolve(path).isOwned()).as("index lookup of %s", path).isEqualTo(expected);
    }

    @ParameterizedTest(name = "GitHub rejects {0}")
    @MethodSource("unsupported")
    void githubRejectsUnsupportedSyntax(String pattern) {
        assertThat(PatternTranslator.github(pattern).ok()).isFalse();
    }

    static List<String> unsupported() {
        return List.of("!foo.txt", "/src/[ab]/", "\\#file");
    }
}
