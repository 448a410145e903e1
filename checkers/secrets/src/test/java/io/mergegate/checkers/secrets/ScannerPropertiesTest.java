package io.mergegate.checkers.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Fuzzing the scanner: random input never breaks it, planted tokens are found, corrupted ones are not. */
class ScannerPropertiesTest {

    private static final SecretScanner SCANNER = SecretScanner.defaults();

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("abcXYZ019 =:\"'\n\t{}$<>-_./+@#;,()[]").ofMaxLength(2000);
    }

    @Property(tries = 300)
    void random_text_never_throws_and_redaction_never_shows_the_value(@ForAll("text") String text) {
        List<SecretMatch> matches = SCANNER.scan("f.txt", text.getBytes(StandardCharsets.UTF_8), null);
        for (SecretMatch m : matches) {
            assertThat(m.line()).isPositive();
            if (m.length() >= 8) {
                assertThat(m.redacted()).doesNotContain(m.value());
            }
        }
    }

    @Property(tries = 200)
    void a_planted_github_token_is_found_wherever_it_stands(@ForAll @StringLength(max = 300) String before,
            @ForAll @StringLength(max = 300) String after, @ForAll @IntRange(max = 10_000) int seed) {
        String token = FakeSecrets.value("github-classic", "p" + seed);
        String text = sanitize(before) + " " + token + "\n" + sanitize(after);
        List<SecretMatch> matches = SCANNER.scan("f.txt", text.getBytes(StandardCharsets.UTF_8), null);
        assertThat(matches).anySatisfy(m -> {
            assertThat(m.ruleId()).isEqualTo("secrets/github-token");
            assertThat(m.value()).isEqualTo(token);
        });
    }

    @Property(tries = 200)
    void a_token_with_one_character_changed_fails_its_checksum(@ForAll @IntRange(max = 10_000) int seed,
            @ForAll @IntRange(min = 4, max = 39) int position, @ForAll @IntRange(min = 1, max = 61) int shift) {
        String token = FakeSecrets.value("github-classic", "m" + seed);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        char replaced = alphabet.charAt((alphabet.indexOf(token.charAt(position)) + shift) % 62);
        String broken = token.substring(0, position) + replaced + token.substring(position + 1);
        List<SecretMatch> matches = SCANNER.scan("f.txt", ("token " + broken + "\n").getBytes(StandardCharsets.UTF_8), null);
        assertThat(matches).noneMatch(m -> m.ruleId().equals("secrets/github-token"));
    }

    @Property(tries = 100)
    void arbitrary_unicode_does_not_break_line_and_column_bookkeeping(@ForAll @StringLength(max = 500) String prefix) {
        String clean = prefix.replace("\r", "").replace("\n", " ");
        String token = FakeSecrets.value("github-classic", "u");
        String text = "line one\n" + clean + " " + token + "\n";
        List<SecretMatch> matches = SCANNER.scan("f.txt", text.getBytes(StandardCharsets.UTF_8), null);
        assertThat(matches).filteredOn(m -> m.value().equals(token)).singleElement()
                .satisfies(m -> assertThat(m.line()).isEqualTo(2));
    }

    /** Keeps random text from gluing onto the token (which would rightly make it a different word). */
    private static String sanitize(String s) {
        return s.replace('\r', ' ').replace('\u0000', ' ');
    }
}
