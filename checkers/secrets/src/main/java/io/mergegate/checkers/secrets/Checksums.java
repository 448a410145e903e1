package io.mergegate.checkers.secrets;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Token checksums. GitHub (and npm, which adopted the same scheme) tokens end in six base62 digits of
 * the CRC32 of the random part, so a typo, a truncated copy or a {@code ghp_xxxx…} placeholder fails.
 */
public final class Checksums {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Checksums() {
    }

    /** Base62 of an unsigned 32-bit value, left-padded with {@code 0} to the given width. */
    public static String base62(long value, int width) {
        StringBuilder sb = new StringBuilder();
        long v = value & 0xffffffffL;
        do {
            sb.append(BASE62.charAt((int) (v % 62)));
            v /= 62;
        } while (v > 0);
        while (sb.length() < width) {
            sb.append('0');
        }
        return sb.reverse().toString();
    }

    /** The six-character checksum of a token's random part. */
    public static String crc32Base62(String randomPart) {
        CRC32 crc = new CRC32();
        crc.update(randomPart.getBytes(StandardCharsets.US_ASCII));
        return base62(crc.getValue(), 6);
    }

    /**
     * True when a {@code prefix_} + 30 random + 6 checksum token carries a valid checksum.
     * Tokens of another length (older formats) are not judged here and pass.
     */
    public static boolean validPrefixedCrc32(String token) {
        int underscore = token.indexOf('_');
        String body = token.substring(underscore + 1);
        if (body.length() != 36) {
            return true;
        }
        return crc32Base62(body.substring(0, 30)).equals(body.substring(30));
    }
}
