package io.mergegate.checkers.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {

    @Test
    void base62_pads_to_the_width_and_covers_the_unsigned_range() {
        assertThat(Checksums.base62(0, 6)).isEqualTo("000000");
        assertThat(Checksums.base62(61, 6)).isEqualTo("00000z");
        assertThat(Checksums.base62(62, 6)).isEqualTo("000010");
        assertThat(Checksums.base62(0xffffffffL, 6)).isEqualTo("4gfFC3");
    }

    @Test
    void crc32_base62_matches_reference_values() {
        // reference values computed independently with zlib.crc32 and a base62 encoder
        assertThat(Checksums.crc32Base62("abcdefghijklmnopqrstuvwxyz0123")).isEqualTo("2LolCm");
        assertThat(Checksums.crc32Base62("000000000000000000000000000000")).isEqualTo("2C8GjS");
        assertThat(Checksums.crc32Base62("mergegateMergegateMERGEGATE123")).isEqualTo("0xGyhy");
    }

    @Test
    void github_and_npm_tokens_are_checked_on_their_random_part() {
        String random = "mergegateMergegateMERGEGATE123";
        assertThat(Checksums.validPrefixedCrc32("gh" + "p_" + random + "0xGyhy")).isTrue();
        assertThat(Checksums.validPrefixedCrc32("np" + "m_" + random + "0xGyhy")).isTrue();
        assertThat(Checksums.validPrefixedCrc32("gh" + "p_" + random + "0xGyhz")).isFalse();
        assertThat(Checksums.validPrefixedCrc32("gh" + "p_" + "x".repeat(36))).isFalse();
    }

    @Test
    void tokens_of_other_lengths_are_not_judged() {
        assertThat(Checksums.validPrefixedCrc32("gh" + "r_" + "a".repeat(76))).isTrue();
    }
}
