package io.mergegate.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "**/openapi/**/*.{yaml,yml,json} | docs/openapi/v1/api.yaml | true",
        "**/openapi/**/*.{yaml,yml,json} | openapi/api.json | true",
        "**/openapi/**/*.{yaml,yml,json} | docs/openapi.yaml | false",
        "**/*openapi*.{yaml,yml,json} | svc/my-openapi.yml | true",
        "*.sql | a/b/V1__x.sql | true",
        "db/*.sql | db/V1.sql | true",
        "db/*.sql | db/sub/V1.sql | false",
        "**/db/migration/** | svc/src/main/resources/db/migration/V1__a.sql | true",
        "hotfix/* | hotfix/CORE-1-x | true",
        "hotfix/* | feature/hotfix/x | false",
        "[ab]?.txt | a1.txt | true",
        "/root.txt | root.txt | true",
    })
    void matches(String glob, String path, boolean expected) {
        assertThat(Glob.of(glob).matches(path)).isEqualTo(expected);
    }

    /** The literal fast paths (a name anywhere, a folder prefix, a folder anywhere, a suffix) answer as the regex. */
    @Property(tries = 3000)
    void fastPathsAgreeWithTheRegex(@ForAll("globs") String glob, @ForAll("paths") String path) {
        Glob g = Glob.of(glob);
        assertThat(g.matches(path)).as("%s ~ %s", glob, path).isEqualTo(g.matchesByRegex(path));
    }

    private static final String[] SEGMENTS = {"a", "b", "gen", "generated", "x.lock", "yarn.lock", "a.sql", "b.min.js",
        "min.js", "src", "test", "resources", ".env", "sql"};

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(SEGMENTS).list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("/", l));
    }

    @Provide
    Arbitrary<String> globs() {
        Arbitrary<String> seg = Arbitraries.of(SEGMENTS);
        return Arbitraries.oneOf(seg, seg.map(s -> "**/" + s), seg.map(s -> s + "/**"), seg.map(s -> "**/" + s + "/**"),
                seg.list().ofMinSize(2).ofMaxSize(3).map(l -> "**/" + String.join("/", l) + "/**"),
                seg.list().ofMinSize(2).ofMaxSize(3).map(l -> String.join("/", l) + "/**"),
                seg.map(s -> "*." + s), seg.map(s -> "**/*" + s), seg.map(s -> "*" + s), seg.map(s -> "/" + s + "/**"),
                Arbitraries.of("**", "**/*", "*", "src/**/*.sql", "{a,b}/**", "[ab]/**"));
    }
}
