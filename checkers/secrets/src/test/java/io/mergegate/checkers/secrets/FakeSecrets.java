package io.mergegate.checkers.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates fake credentials from parts at test time, so that no real-looking secret is stored in the
 * repository. Fixture files write {@code {{fake:KIND}}}, {@code {{fake:KIND#label}}} for a second value of
 * the same kind, {@code {{fake:KIND|base64}}} for its base64 form and {@code {{fake:KIND|cutN}}} for the value
 * with N characters taken out of its middle (a wrong length, for negative cases). Values are deterministic
 * per placeholder (the same text always gives the same value, in base and in head).
 */
public final class FakeSecrets {

    static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{fake:([a-z0-9\\-]+)(?:#([A-Za-z0-9_\\-]+))?(\\|base64|\\|cut(\\d{1,2}))?\\}\\}");

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = UPPER + LOWER + DIGITS;
    private static final String HEX = "0123456789abcdef";
    private static final String URLSAFE = ALNUM + "_-";
    private static final String B64 = ALNUM + "+/";
    /** Symbols people put in passwords (no quotes, backslash or backtick: they would need escaping). */
    private static final String SYMBOLS = "!@#$%^&*()-_=+[]{}:;,.?~/|<>";
    /** The symbols an unquoted {@code .env} value can hold ({@code #} starts a comment, {@code $} interpolates). */
    private static final String ENV_SYMBOLS = "!@%^&*()-_=+[]{}:,.?~/";
    private static final String[] WORDS = {"Falcon", "Harbor", "Quartz", "Ember", "Nimbus", "Juniper", "Cobalt",
        "Saffron", "Tundra", "Velvet", "Orchid", "Granite", "Monsoon", "Pelican", "Zephyr", "Walnut"};

    /** Every value generated so far: the redaction test checks that none of them reaches a report. */
    public static final Set<String> PLANTED = ConcurrentHashMap.newKeySet();

    private FakeSecrets() {
    }

    /** The content transform for fixture files. */
    public static byte[] expand(String path, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.contains("{{fake:")) {
            return bytes;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = value(m.group(1), m.group(2) == null ? "" : m.group(2));
            if (m.group(4) != null) {
                value = cut(value, Integer.parseInt(m.group(4)));
            } else if (m.group(3) != null) {
                value = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
            }
            PLANTED.add(value);
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String value(String kind, String label) {
        Gen g = new Gen(kind + "#" + label);
        String v = switch (kind) {
            case "aws-key-id" -> "AKIA" + g.of(UPPER + "234567", 16);
            case "aws-temp-key-id" -> "AS" + "IA" + g.of(UPPER + "234567", 16);
            case "aws-key-id-example" -> "AKIA" + "IOSFODNN7" + "EXAMPLE";
            case "aws-secret" -> g.awsSecret();
            case "aws-secret-example" -> "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY";
            case "github-classic" -> g.crcToken("gh" + "p_");
            case "github-oauth" -> g.crcToken("gh" + "o_");
            case "github-app" -> g.crcToken("gh" + "s_");
            case "github-user" -> g.crcToken("gh" + "u_");
            case "github-refresh" -> g.crcToken("gh" + "r_");
            case "github-bad-checksum" -> {
                String t = g.crcToken("gh" + "p_");
                yield t.substring(0, t.length() - 6) + (t.endsWith("000000") ? "000001" : "000000");
            }
            case "github-fine-grained" -> "github" + "_pat_" + g.of(ALNUM, 22) + "_" + g.of(ALNUM, 59);
            case "gitlab-pat" -> "gl" + "pat-" + g.of(URLSAFE, 20);
            case "gitlab-runner" -> "gl" + "rt-" + g.of(URLSAFE, 20);
            case "gitlab-deploy" -> "gl" + "dt-" + g.of(URLSAFE, 20);
            case "gitlab-feed" -> "gl" + "ft-" + g.of(URLSAFE, 20);
            case "gitlab-job" -> "gl" + "cbt-" + g.of(HEX, 2) + "_" + g.of(URLSAFE, 20);
            case "gitlab-agent" -> "gl" + "agent-" + g.of(URLSAFE, 50);
            case "gitlab-oauth-secret" -> "gl" + "oas-" + g.of(HEX, 64);
            case "gitlab-trigger" -> "gl" + "ptt-" + g.of(HEX, 40);
            case "gitlab-scim" -> "gl" + "soat-" + g.of(URLSAFE, 20);
            case "gitlab-incoming-mail" -> "gl" + "imt-" + g.of(URLSAFE, 20);
            case "gitlab-workspace" -> "gl" + "wt-" + g.of(URLSAFE, 20);
            case "gitlab-feature-flag" -> "gl" + "ffct-" + g.of(URLSAFE, 20);
            case "gitlab-runner-registration" -> "GR13" + "48941" + g.of(URLSAFE, 20);
            case "slack-bot" -> "xo" + "xb-" + g.of(DIGITS, 11) + "-" + g.of(DIGITS, 12) + "-" + g.of(ALNUM, 24);
            case "slack-user" -> "xo" + "xp-" + g.of(DIGITS, 11) + "-" + g.of(DIGITS, 12) + "-" + g.of(DIGITS, 13) + "-"
                    + g.of(HEX, 32);
            case "slack-app" -> "xa" + "pp-1-A" + g.of(UPPER + DIGITS, 10) + "-" + g.of(DIGITS, 13) + "-" + g.of(HEX, 64);
            case "slack-webhook" -> "https://hooks.slack.com/services/T" + g.of(UPPER + DIGITS, 8) + "/B"
                    + g.of(UPPER + DIGITS, 10) + "/" + g.of(ALNUM, 24);
            case "stripe-live" -> "sk" + "_live_" + g.of(ALNUM, 24);
            case "stripe-restricted" -> "rk" + "_live_" + g.of(ALNUM, 99);
            case "stripe-test" -> "sk" + "_test_" + g.of(ALNUM, 24);
            case "google-api-key" -> "AI" + "za" + g.of(URLSAFE, 35);
            case "rsa-private-key" -> g.pem("RSA PRIVATE KEY", "\n");
            case "ec-private-key" -> g.pem("EC PRIVATE KEY", "\n");
            case "pkcs8-private-key" -> g.pem("PRIVATE KEY", "\n");
            case "openssh-private-key" -> g.pem("OPENSSH PRIVATE KEY", "\n");
            case "pkcs8-private-key-escaped" -> g.pem("PRIVATE KEY", "\\n") + "\\n";
            case "pgp-private-key" -> "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + g.body(12, "\n") + "\n=" + g.of(B64, 4)
                    + "\n-----END PGP PRIVATE KEY BLOCK-----";
            case "age-key" -> "AGE-SECRET" + "-KEY-1" + g.of("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58);
            case "age-recipient" -> "age" + "1" + g.of("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58);
            case "jwt" -> g.jwt("{\"sub\":\"" + g.of(DIGITS, 8) + "\",\"name\":\"" + g.of(LOWER, 8) + "\",\"iat\":"
                    + (1_700_000_000 + g.r.nextInt(10_000_000)) + "}");
            case "jwt-sample" -> g.jwt("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}");
            case "npm" -> g.crcToken("np" + "m_");
            case "npm-bad-checksum" -> {
                String t = g.crcToken("np" + "m_");
                yield t.substring(0, t.length() - 6) + (t.endsWith("zzzzzz") ? "zzzzzy" : "zzzzzz");
            }
            case "pypi" -> "py" + "pi-AgEIcHlwaS5vcmc" + g.of(URLSAFE, 70);
            case "azure-storage-key" -> Base64.getEncoder().encodeToString(g.bytes(64));
            case "azure-client-secret" -> g.of(ALNUM, 3) + g.of(DIGITS, 1) + "Q~" + g.of(ALNUM + "_~.-", 34);
            case "twilio" -> "S" + "K" + g.of(HEX, 32);
            case "sendgrid" -> "S" + "G." + g.of(URLSAFE, 22) + "." + g.of(URLSAFE, 43);
            case "mailgun" -> "ke" + "y-" + g.of(HEX, 32);
            case "mailchimp" -> g.of(HEX, 32) + "-us" + g.of(DIGITS, 2);
            case "openai-legacy" -> "s" + "k-" + g.of(ALNUM, 20) + "T3Blbk" + "FJ" + g.of(ALNUM, 20);
            case "openai" -> "sk" + "-proj-" + g.of(URLSAFE, 24) + "T3Blbk" + "FJ" + g.of(URLSAFE, 24);
            case "anthropic" -> "sk" + "-ant-api03-" + g.of(URLSAFE, 93) + "AA";
            case "huggingface" -> "h" + "f_" + g.of(UPPER + LOWER, 34);
            case "vault" -> "hv" + "s." + g.of(URLSAFE, 95);
            case "terraform-cloud" -> g.of(ALNUM, 14) + ".atlas" + "v1." + g.of(URLSAFE, 67);
            case "digitalocean" -> "do" + "p_v1_" + g.of(HEX, 64);
            case "shopify" -> "shp" + "at_" + g.of(HEX, 32);
            case "databricks" -> "da" + "pi" + g.of(HEX, 32);
            case "hex32" -> g.of(HEX, 32);
            case "hex40" -> g.of(HEX, 40);
            case "hex64" -> g.of(HEX, 64);
            case "uuid" -> g.of(HEX, 8) + "-" + g.of(HEX, 4) + "-4" + g.of(HEX, 3) + "-a" + g.of(HEX, 3) + "-" + g.of(HEX, 12);
            case "base64-64" -> Base64.getEncoder().encodeToString(g.bytes(64));
            case "base64-32" -> Base64.getEncoder().encodeToString(g.bytes(32));
            case "bcrypt-hash" -> "$2" + "a$10$" + g.of(ALNUM + "./", 53);
            case "heroku" -> "HR" + "KU-AA" + g.of(URLSAFE, 58);
            case "atlassian" -> "ATAT" + "T3" + g.of(URLSAFE, 186);
            case "grafana" -> "gl" + "sa_" + g.of(ALNUM, 32) + "_" + g.of(HEX, 8);
            case "newrelic" -> "NR" + "AK-" + g.of(UPPER + DIGITS, 27);
            case "sentry" -> "sntr" + "yu_" + g.of(HEX, 64);
            case "postman" -> "PM" + "AK-" + g.of(HEX, 24) + "-" + g.of(HEX, 34);
            case "doppler" -> "dp" + ".pt." + g.of(ALNUM, 43);
            case "linear" -> "lin" + "_api_" + g.of(ALNUM, 40);
            case "square" -> "EA" + "AA" + g.of(URLSAFE, 60);
            case "telegram" -> g.of("123456789", 1) + g.of(DIGITS, 9) + ":A" + "A" + g.of(URLSAFE, 33);
            case "onepassword" -> "op" + "s_eyJ" + g.of(ALNUM + "+/", 260);
            case "artifactory" -> "AK" + "Cp" + g.of(ALNUM, 69);
            case "alibaba" -> "LT" + "AI" + g.of(ALNUM, 20);
            case "clojars" -> "CLOJARS" + "_" + g.of(LOWER + DIGITS, 60);
            case "cloudflare-origin" -> "v1" + ".0-" + g.of(HEX, 24) + "-" + g.of(HEX, 146);
            case "duffel" -> "duf" + "fel_live_" + g.of(URLSAFE, 43);
            case "dynatrace" -> "dt0" + "c01." + g.of(UPPER + DIGITS, 24) + "." + g.of(UPPER + DIGITS, 64);
            case "easypost" -> "EZ" + "AK" + g.of(ALNUM, 54);
            case "flutterwave" -> "FLW" + "SECK-" + g.of("abcdefgh0123456789", 32) + "-X";
            case "flyio" -> "fo" + "1_" + g.of(URLSAFE, 43);
            case "frameio" -> "fio" + "-u-" + g.of(URLSAFE, 64);
            case "infracost" -> "ic" + "o-" + g.of(ALNUM, 32);
            case "notion" -> "nt" + "n_" + g.of(DIGITS, 11) + g.of(ALNUM, 35);
            case "octopus" -> "AP" + "I-" + g.of(UPPER + DIGITS, 26);
            case "openshift" -> "sha" + "256~" + g.of(URLSAFE, 43);
            case "perplexity" -> "pp" + "lx-" + g.of(ALNUM, 48);
            case "planetscale" -> "pscale" + "_tkn_" + g.of(ALNUM, 43);
            case "prefect" -> "pn" + "u_" + g.of(ALNUM, 36);
            case "pulumi" -> "pu" + "l-" + g.of(HEX, 40);
            case "readme" -> "rd" + "me_" + g.of(LOWER + DIGITS, 70);
            case "rubygems" -> "ruby" + "gems_" + g.of(HEX, 48);
            case "scalingo" -> "tk" + "-us-" + g.of(URLSAFE, 48);
            case "settlemint" -> "sm" + "_pat_" + g.of(ALNUM, 16);
            case "shippo" -> "ship" + "po_live_" + g.of(HEX, 40);
            case "sourcegraph" -> "sg" + "p_" + g.of(HEX, 16) + "_" + g.of(HEX, 40);
            case "airtable" -> "pa" + "t" + g.of(ALNUM, 14) + "." + g.of(HEX, 64);
            case "password" -> g.password(16);
            case "short-password" -> g.password(10);
            case "symbol-password" -> g.symbolPassword(14 + g.r.nextInt(8), SYMBOLS);
            case "env-password" -> g.symbolPassword(14 + g.r.nextInt(8), ENV_SYMBOLS);
            case "url-password" -> percentEncoded(g.symbolPassword(14 + g.r.nextInt(8), SYMBOLS));
            case "human-password" -> g.humanPassword();
            case "basic-credentials" -> "svc-deploy:" + g.password(16);
            case "opaque-token" -> g.of(ALNUM, 40);
            case "django-key" -> "django-" + g.of(LOWER + DIGITS + "!@%^&*(-_=+)", 50);
            case "high-entropy" -> g.of(ALNUM, 32);
            case "noise" -> g.of(LOWER + " ", 200);
            default -> throw new IllegalArgumentException("unknown fake secret kind: " + kind);
        };
        return v;
    }

    /** The value less {@code n} characters from its middle: prefix and suffix kept, the length wrong. */
    static String cut(String value, int n) {
        int from = (value.length() - n) / 2;
        return value.substring(0, from) + value.substring(from + n);
    }

    /**
     * A value of a given shape, for tests about where symbols sit: in {@code shape} every {@code A} becomes a
     * random upper-case letter, {@code a} a lower-case one and {@code 9} a digit; every other character stays.
     * So a test names the shape ({@code "Aa9#aA9!aA9a"}) and never holds a literal password.
     */
    public static String shaped(String shape, String label) {
        Gen g = new Gen("shaped#" + shape + "#" + label);
        StringBuilder sb = new StringBuilder(shape.length());
        for (char c : shape.toCharArray()) {
            sb.append(switch (c) {
                case 'A' -> g.of(UPPER, 1);
                case 'a' -> g.of(LOWER, 1);
                case '9' -> g.of(DIGITS, 1);
                default -> String.valueOf(c);
            });
        }
        String v = sb.toString();
        PLANTED.add(v);
        return v;
    }

    /** The form a password takes in the user-info part of a URL: reserved characters percent-encoded. */
    static String percentEncoded(String password) {
        StringBuilder sb = new StringBuilder();
        for (char c : password.toCharArray()) {
            if ("@:/?#[]%<>|{}^ ".indexOf(c) >= 0) {
                sb.append('%').append(String.format("%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A seeded generator, one per placeholder. */
    private static final class Gen {
        final SplittableRandom r;

        Gen(String seed) {
            try {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
                long s = 0;
                for (int i = 0; i < 8; i++) {
                    s = s << 8 | (h[i] & 0xff);
                }
                r = new SplittableRandom(s);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String of(String alphabet, int n) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            return sb.toString();
        }

        byte[] bytes(int n) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) r.nextInt(256);
            }
            return b;
        }

        String crcToken(String prefix) {
            String random = of(ALNUM, 30);
            return prefix + random + Checksums.crc32Base62(random);
        }

        String awsSecret() {
            while (true) {
                String s = of(B64, 40);
                if (SecretScanner.looksLikeAwsSecret(s)) {
                    return s;
                }
            }
        }

        String body(int lines, String newline) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines; i++) {
                if (i > 0) {
                    sb.append(newline);
                }
                sb.append(of(B64, 64));
            }
            return sb.toString();
        }

        String pem(String type, String newline) {
            return "-----BEGIN " + type + "-----" + newline + body(12, newline) + newline + "-----END " + type + "-----";
        }

        String jwt(String payload) {
            Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
            return e.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + e.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + of(URLSAFE, 43);
        }

        /** Letters, digits and at least three symbols anywhere (also first and last). */
        String symbolPassword(int n, String symbols) {
            while (true) {
                StringBuilder sb = new StringBuilder(n);
                int sym = 0;
                for (int i = 0; i < n; i++) {
                    boolean s = r.nextInt(10) < 3;
                    sb.append(s ? symbols.charAt(r.nextInt(symbols.length())) : ALNUM.charAt(r.nextInt(ALNUM.length())));
                    sym += s ? 1 : 0;
                }
                String p = sb.toString();
                if (sym >= 3 && p.chars().anyMatch(Character::isDigit) && p.chars().anyMatch(Character::isUpperCase)
                        && p.chars().anyMatch(Character::isLowerCase)) {
                    return p;
                }
            }
        }

        /** What people pick: two words, a symbol and digits, e.g. {@code Harbor!2291Ember}. */
        String humanPassword() {
            return WORDS[r.nextInt(WORDS.length)] + "!#$%&*?".charAt(r.nextInt(7)) + of(DIGITS, 2 + r.nextInt(3))
                    + WORDS[r.nextInt(WORDS.length)];
        }

        String password(int n) {
            return of(UPPER + LOWER, 1) + of(ALNUM + "!*+-=?^_~.", n - 2) + of(DIGITS, 1);
        }
    }
}
