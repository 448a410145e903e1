package io.mergegate.core.source;

import static org.assertj.core.api.Assertions.assertThat;

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
}
