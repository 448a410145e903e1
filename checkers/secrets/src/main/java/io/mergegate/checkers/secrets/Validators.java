package io.mergegate.checkers.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;

/** The per-detector checks named in the table's {@code validator} column. */
final class Validators {

    private static final java.util.regex.Pattern PORT = java.util.regex.Pattern.compile("\\d{1,5}");
    private static final java.util.regex.Pattern SLOT = java.util.regex.Pattern.compile("%?[{\\[][A-Za-z_][\\w.\\-]*[}\\]]");

    private Validators() {
    }

    static boolean accept(Detector det, Matcher m, String value, CharSequence text, ConfigSyntax syntax) {
        return switch (det.validator()) {
            case NONE -> !ValueFilters.rejectCommon(value);
            case GITHUB_CRC32, NPM_CRC32 -> Checksums.validPrefixedCrc32(value) && !ValueFilters.rejectCommon(value);
            case JWT -> jwt(value);
            case PEM_BODY -> pemBody(value);
            case PEM_BASE64 -> pemBase64(value);
            case SERVICE_ACCOUNT -> pemBody(value.replace("\\n", "\n"));
            case PASSWORD -> password(m, value);
            case AUTHORIZATION -> authorization(m.group(1), value);
            case GENERIC -> generic(det, m, value, text, syntax);
        };
    }

    /** Both parts decode to JSON objects, the header names an algorithm, and it is not the jwt.io sample. */
    static boolean jwt(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        String header = base64Url(parts[0]);
        String payload = base64Url(parts[1]);
        if (header == null || payload == null || !header.strip().startsWith("{") || !payload.strip().startsWith("{")
                || !header.contains("\"alg\"")) {
            return false;
        }
        boolean jwtIoSample = payload.contains("\"John Doe\"") && payload.contains("1234567890");
        return !jwtIoSample && !ValueFilters.isDocumentedExample(token);
    }

    /** A private key with at least 64 base64 characters of key material that is not a placeholder. */
    static boolean pemBody(String pem) {
        StringBuilder body = new StringBuilder();
        for (String line : pem.split("\r?\n")) {
            String l = line.strip();
            if (l.startsWith("-----") || l.contains(":") || l.isEmpty()) {
                continue;
            }
            body.append(l);
        }
        String b = body.toString();
        String lower = b.toLowerCase(Locale.ROOT);
        if (b.length() < 64 || lower.contains("...") || lower.contains("xxxx") || lower.contains("redacted")
                || lower.contains("example") || lower.contains("placeholder") || lower.contains("your")) {
            return false;
        }
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=')) {
                return false;
            }
        }
        return ValueFilters.entropy(b) > 4.5;
    }

    /** Base64 that decodes to a PEM private key with a real body. */
    static boolean pemBase64(String b64) {
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String pem = new String(raw, StandardCharsets.ISO_8859_1);
        int eol = pem.indexOf('\n');
        return eol > 0 && pem.substring(0, eol).contains("PRIVATE KEY") && pemBody(pem);
    }

    /** A password in a URL: not a reference, placeholder, the user name again, or a port number. */
    static boolean password(Matcher m, String value) {
        if (ValueFilters.rejectCommon(value) || PORT.matcher(value).matches()) {
            return false;
        }
        boolean url = m.pattern().pattern().contains("://(");
        if (url && m.group(1) != null && m.group(1).equalsIgnoreCase(value)) {
            return false;
        }
        // {password}, [password], %{password}: a template slot; a leading { [ % is otherwise a symbol of the password
        return !SLOT.matcher(value).matches();
    }

    /** Basic must decode to user:password with a real password; Bearer must be a literal token. */
    static boolean authorization(String scheme, String value) {
        if (ValueFilters.rejectCommon(value)) {
            return false;
        }
        if (scheme.equalsIgnoreCase("basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0 || colon == decoded.length() - 1 || decoded.chars().anyMatch(c -> c < 0x20)) {
                return false;
            }
            String password = decoded.substring(colon + 1);
            return !ValueFilters.rejectCommon(password) && !password.equals(decoded.substring(0, colon));
        }
        return value.length() >= 16 && ValueFilters.entropy(value) >= 3.0 && !ValueFilters.LETTERS.matcher(value).matches();
    }

    private static boolean generic(Detector det, Matcher m, String value, CharSequence text, ConfigSyntax syntax) {
        boolean assignment = det.id().equals("generic-assignment");
        boolean quoted = !assignment || m.start(5) < 0;
        if (quoted && concatenated(text, m.end())) {
            return false;
        }
        String key = assignment ? keyBefore(text, m.start(1)) + m.group(1)
                : det.id().equals("xml-element") ? m.group(1) : m.group();
        if (ValueFilters.looksLikeRegex(lineBefore(text, m.start()) + value)) {
            return false; // a regular expression that mentions a secret word (a detector table, a validation rule)
        }
        return !ValueFilters.rejectGeneric(key, value, quoted, syntax);
    }

    /** The text from the start of the line (at most 300 characters back) up to {@code end}. */
    private static String lineBefore(CharSequence text, int end) {
        int start = end;
        while (start > 0 && end - start < 300 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
            start--;
        }
        return text.subSequence(start, end).toString();
    }

    /** A string literal followed by {@code +} or {@code .}: only a part of the value is literal. */
    private static boolean concatenated(CharSequence text, int end) {
        int i = end;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '.' && i + 1 < text.length()
                && Character.isLetter(text.charAt(i + 1)));
    }

    /** The rest of a key name before its secret word: {@code spring.datasource.} of {@code spring.datasource.password}. */
    private static String keyBefore(CharSequence text, int end) {
        int start = end;
        while (start > 0 && end - start < 80) {
            char c = text.charAt(start - 1);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                break;
            }
            start--;
        }
        return text.subSequence(start, end).toString();
    }

    static String base64Url(String part) {
        try {
            return new String(Base64.getUrlDecoder().decode(part.replace("=", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
