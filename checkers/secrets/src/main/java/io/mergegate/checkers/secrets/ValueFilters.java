package io.mergegate.checkers.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The false-positive filters: placeholders and stopwords, references to variables, encrypted or
 * hashed values, masked values, documented examples, UUIDs and low entropy.
 */
public final class ValueFilters {

    private static final Set<String> PLACEHOLDER_VALUES = Set.of("password", "passwd", "pass", "secret", "token",
            "apikey", "api_key", "changeme", "changeit", "change_me", "admin", "root", "user", "username", "test",
            "testing", "example", "sample", "dummy", "placeholder", "redacted", "hidden", "none", "null", "nil",
            "undefined", "true", "false", "empty", "default", "todo", "tbd", "fixme", "foobar", "foo", "bar", "value",
            "string", "str", "required", "optional", "password123", "password1", "123456", "12345678", "123456789",
            "qwerty", "letmein", "secret123", "mysecret", "mypassword", "s3cr3t", "p@ssw0rd", "passw0rd", "guest",
            "postgres", "mysql", "sa", "bearer", "basic", "token123", "abc123", "abcdef", "notsecret", "not-a-secret",
            "supersecret", "topsecret", "xyz", "pw", "pwd", "keep-secret", "secretkey", "secret_key", "mytoken", "invalid");

    private static final List<String> PLACEHOLDER_PARTS = List.of("your_", "your-", "yourpass", "yoursecret",
            "yourtoken", "yourkey", "****", "\u2022\u2022", "changeme", "change_me", "change-me", "changeit",
            "example", "placeholder", "dummy", "redacted", "replace_me", "replace-me", "replaceme", "insert_",
            "insert-", "fixme", "todo_", "sample", "fake", "notreal", "not_real", "not-real", "lorem", "ipsum",
            "...", "\u2026", "___", "000000", "123456", "abcdef", "secret_here", "key_here", "token_here",
            "password_here", "here_", "dont_use", "do_not_use", "mock");

    private static final List<String> REFERENCE_PARTS = List.of("process.env", "os.environ",
            "os.getenv", "system.getenv", "getenv(", "env(", "env[", "env.", "environ[", "secrets.", "vault:",
            "secretkeyref", "valuefrom", "!ref", "!sub", "!getatt", "{{resolve:", "ssm:", "arn:aws:", "keyvault",
            "lookup(", "config(", "settings.", "@microsoft.keyvault", "op://", "ref+", "sm://", "gcp:", "azure:",
            "aws:", "file:", "classpath:", "!env", "%env(", "args.", "params.", "props.", "this.", "self.",
            "request.", "req.", "options.", "opts.", "conf.", "cfg.", "input(", "getpass", "prompt(");

    private static final List<String> ENCRYPTED_PREFIXES = List.of("{cipher}", "enc[", "enc(", "$ansible_vault",
            "!vault", "vault:v", "$2a$", "$2b$", "$2y$", "$argon2", "$6$", "$5$", "$1$", "{bcrypt}", "{ssha}",
            "{sha}", "{pbkdf2}", "{scrypt}", "{md5}", "-----begin pgp message", "aqica", "sha256:", "sha512:",
            "sha1:", "pbkdf2:", "pbkdf2_sha256$", "{sha256}", "{crypt}", "*enc*");

    private static final Pattern MAVEN_ENCRYPTED = Pattern.compile("\\{[A-Za-z0-9+/]{16,}={0,2}\\}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$[A-Za-z_][A-Za-z0-9_]*|\\$\\d+|%[A-Za-z_][A-Za-z0-9_]*%|@[A-Za-z_][A-Za-z0-9_]*@|\\{\\d{0,2}\\}|%[-+# 0]?[sdvqxX]");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*(?:\\(\\))?;?");
    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}");
    private static final Pattern FILE_PATH = Pattern.compile("(?:~|\\.{1,2})?/[\\w.\\-/ ]+|[A-Za-z]:\\\\[\\w.\\-\\\\ ]+");
    private static final Pattern SURROUNDING = Pattern.compile("^[\\s\"'`\\[(]+|[\\s\"'`\\])]+$");
    private static final Pattern WORDS = Pattern.compile("[a-z]+(?:[_\\-.][a-z]+)*");
    static final Pattern LETTERS = Pattern.compile("[\\p{L}_.\\-]+");
    private static final Pattern NATURAL_LANGUAGE = Pattern.compile("[\\p{L}'’,.!?:\\-]+(?: [\\p{L}0-9'’,.!?:\\-]+)+");
    private static final Pattern INDEXING = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*\\[.*");
    private static final Pattern CHECKSUMMED = Pattern.compile("(?:gh[pousr]|npm)_[A-Za-z0-9]{36}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /**
     * Interpolation that a format would resolve: {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${{ secrets.X }}},
     * {@code {{ .Values.x }}}, {@code #{Name}}, {@code $(command)}. An opening {@code ${} or {@code {{} without its
     * close is just two symbols of a generated password.
     */
    private static final Pattern INTERPOLATION = Pattern.compile(
            "\\$\\{\\{?[ \\t]*[A-Za-z_][\\w.\\-]*[ \\t]*(?:[:?\\-=+|,][^}\\r\\n]{0,200})?\\}"
            + "|\\{\\{[^{}\\r\\n]{1,200}\\}\\}|#\\{[A-Za-z_][^{}\\r\\n]{0,100}\\}|\\$\\([A-Za-z_][\\w .\\-/'\"|=:,@]{0,200}\\)");
    /** A placeholder cut short where the scanner's value ended: {@code ${POSTGRES_PASSWORD:?set} (of "... it in .env}"). */
    private static final Pattern REFERENCE_START = Pattern.compile("\\$\\{\\{?[ \\t]*[A-Za-z_][\\w.\\-]*(?:[:?|}]|$)");
    /** Python %-interpolation ({@code %(db_password)s}, also configparser); a bare "%(" is a password symbol. */
    private static final Pattern PERCENT_NAMED = Pattern.compile("%\\([A-Za-z_][A-Za-z0-9_.\\-]*\\)[sdr]?");
    private static final Pattern KEYISH = Pattern.compile("[?&;,\\s]*[A-Za-z_.\\-\\[\\]]*");
    private static final Pattern BASE64_PADDED = Pattern.compile("[A-Za-z0-9+/_\\-]{14,}={1,2}");
    /** An angle-bracketed name such as {@code <password>}, {@code <API_KEY>} or {@code <Token>}: a template slot. */
    private static final Pattern ANGLE_SLOT = Pattern.compile(
            "<(?:[a-z][a-z0-9]{2,}(?:[\\-_ .][a-z0-9]+)*|[A-Z][A-Z0-9]{2,}(?:[\\-_ .][A-Z0-9]+)*|[A-Z][a-z]{3,}(?:[A-Z][a-z]+){0,5})>");
    /**
     * Constructs of a regular expression that a password practically never holds: a group modifier, an escaped
     * character class, a negated class or a bounded quantifier. Two of them before or in a value make it regex source.
     */
    private static final Pattern REGEX_SYNTAX = Pattern.compile("\\(\\?[:=!<>i]|\\\\[sSdDwWbB.]|\\[\\^|\\{\\d{1,3},\\d{0,3}\\}");
    /** A Bitnami SealedSecret ciphertext: base64 of a 2-byte length (0x02..) and the RSA-wrapped session key. */
    private static final Pattern SEALED = Pattern.compile("Ag[A-D][A-Za-z0-9+/]{40,}={0,2}");

    private ValueFilters() {
    }

    /** Shannon entropy in bits per character. */
    public static double entropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int[] counts = new int[128];
        java.util.Map<Character, Integer> other = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                if (other == null) {
                    other = new java.util.HashMap<>();
                }
                other.merge(c, 1, Integer::sum);
            }
        }
        double h = 0;
        double n = s.length();
        for (int c : counts) {
            if (c > 0) {
                double p = c / n;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other != null) {
            for (int c : other.values()) {
                double p = c / n;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    /** A value that stands for a secret instead of being one: a stopword, a sample or a masked value. */
    public static boolean isPlaceholder(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        String bare = SURROUNDING.matcher(v).replaceAll("");
        if (PLACEHOLDER_VALUES.contains(bare)) {
            return true;
        }
        for (String p : PLACEHOLDER_PARTS) {
            if (v.contains(p)) {
                return true;
            }
        }
        if (value.contains("xxxx") || value.contains("XXXX")) {
            return true; // a mask; "XxxX" in one random token is not
        }
        // "<", ">" alone are symbols of a real password; "<name>" is a slot to fill in
        return isMasked(bare) || isRepeated(bare) || ANGLE_SLOT.matcher(value).find() || bare.startsWith("<") && bare.endsWith(">");
    }

    /** Regular-expression source (of a value, or of a line up to a value): two constructs of {@link #REGEX_SYNTAX}. */
    static boolean looksLikeRegex(String v) {
        java.util.regex.Matcher m = REGEX_SYNTAX.matcher(v);
        return m.find() && m.find();
    }

    /** Only mask characters, e.g. {@code ********} or {@code xxxxxx}. */
    static boolean isMasked(String v) {
        if (v.isEmpty()) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            if ("*x#.-_\u2022?".indexOf(v.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** One character repeated, or a run of one character over half the value. */
    static boolean isRepeated(String v) {
        int run = 1;
        int best = 1;
        for (int i = 1; i < v.length(); i++) {
            run = v.charAt(i) == v.charAt(i - 1) ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return v.length() > 0 && (best * 2 > v.length() || best >= 8);
    }

    /** A reference to a variable, a secret store or code, not a literal. */
    public static boolean isReference(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (String p : REFERENCE_PARTS) {
            if (v.contains(p)) {
                return true;
            }
        }
        return VARIABLE.matcher(value).matches() || INTERPOLATION.matcher(value).find() || REFERENCE_START.matcher(value).lookingAt() || PERCENT_NAMED.matcher(value).find() || (v.startsWith("$") && v.length() > 1
                && Character.isLetter(v.charAt(1)) && value.substring(1).chars().allMatch(c -> c == '_'
                        || Character.isLetterOrDigit(c)));
    }

    /** An encrypted or hashed value (Spring Cloud Config, sops, Ansible Vault, Maven, bcrypt, ...). */
    public static boolean isEncrypted(String value) {
        String v = value.toLowerCase(Locale.ROOT).strip();
        for (String p : ENCRYPTED_PREFIXES) {
            if (v.startsWith(p)) {
                return true;
            }
        }
        return MAVEN_ENCRYPTED.matcher(value).matches() || SEALED.matcher(value.strip()).matches();
    }

    public static boolean isUuid(String value) {
        return UUID.matcher(value).matches();
    }

    /** An identifier that reads like code (a member access, a call, a word) rather than a random token. */
    private static boolean looksLikeCode(String v) {
        if (randomToken(v)) {
            return false;
        }
        return v.contains(".") || v.endsWith(";") || v.endsWith(")") || entropy(v) < 3.5 || v.chars().noneMatch(Character::isDigit);
    }

    /**
     * A long run of letters and digits that no one would name a variable: many digits (a hex key) or
     * letter case changing at random ({@code UrwTgeVoXKMR...}: "aBC" and "AbC" turns), not once per camel-case word.
     */
    static boolean randomToken(String v) {
        if (v.length() < 20 || !v.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
            return false;
        }
        int digits = 0;
        int turns = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            digits += Character.isDigit(c) ? 1 : 0;
            if (i >= 2 && Character.isUpperCase(c)) {
                char a = v.charAt(i - 2);
                char b = v.charAt(i - 1);
                // "aBC" (an acronym starts) and "AbC" (a one-letter word): both rare in names
                if (Character.isLowerCase(a) && Character.isUpperCase(b) || Character.isUpperCase(a) && Character.isLowerCase(b)) {
                    turns++;
                }
            }
        }
        return digits >= 6 || turns * 8 >= v.length();
    }

    private static final List<String> DOCUMENTED = loadDocumented();

    private static List<String> loadDocumented() {
        try (java.io.InputStream in = ValueFilters.class.getResourceAsStream("/mergegate-secrets/documented-examples.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource mergegate-secrets/documented-examples.txt");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A sample value from a specification or vendor documentation (AWS, OAuth RFCs, jwt.io). */
    public static boolean isDocumentedExample(String value) {
        for (String sample : DOCUMENTED) {
            if (value.contains(sample)) {
                return true;
            }
        }
        return false;
    }

    /** The filters every detected value goes through. */
    static boolean rejectCommon(String value) {
        return isPlaceholder(value) || isReference(value) || isEncrypted(value) || isDocumentedExample(value);
    }

    /**
     * The extra filters for a value assigned to a secret-sounding name: code and type names, file
     * paths, URLs, UUIDs, hex digests, short or low-entropy values.
     *
     * @param quoted whether the value was a string literal (unquoted values are often code)
     */
    static boolean rejectGeneric(String key, String value, boolean quoted) {
        return rejectGeneric(key, value, quoted, ConfigSyntax.CODE);
    }

    /**
     * @param syntax how the file writes unquoted values: in code they are often expressions, in
     *               properties, .env and INI files they are literal text, in YAML some first characters are syntax
     */
    static boolean rejectGeneric(String key, String value, boolean quoted, ConfigSyntax syntax) {
        String v = value.strip();
        if (v.length() < 6 || rejectCommon(v)) {
            return true;
        }
        if (!value.isEmpty() && Character.isWhitespace(value.charAt(0))) {
            return true; // "    <property name=\"": a fragment of a string built in code, not a password
        }
        String lowerKey = key.toLowerCase(Locale.ROOT);
        // a label, a key or code ("Password:", "?token=", "None):") rather than a value; base64 padding is a
        // value, and so is a quoted password that happens to end in ':' or '='
        boolean code = !quoted && syntax == ConfigSyntax.CODE;
        if ((v.endsWith(":") || v.endsWith("=")) && !BASE64_PADDED.matcher(v).matches()
                && (code || KEYISH.matcher(v.replaceAll("[:=]+$", "")).matches()) || v.contains(": ")) {
            return true;
        }
        if (!quoted && IDENTIFIER.matcher(v).matches() && looksLikeCode(v)) {
            return true;
        }
        if (!quoted && syntax == ConfigSyntax.YAML && "&*!|>[{@%`".indexOf(v.charAt(0)) >= 0) {
            return true; // YAML anchors, aliases, tags, block and flow starts
        }
        if (code) {
            // unquoted in code or shell, < > are comparisons or redirections and * a product or a glob
            if (INDEXING.matcher(v).matches() || v.contains("<") || v.contains(">") || v.contains("*") || v.contains("(") || v.endsWith(")") || v.startsWith("&")
                    || v.startsWith(";") || v.startsWith(",")
                    || v.startsWith("*") || v.startsWith("!") || v.startsWith("[") || v.startsWith("{")
                    || v.startsWith("@") || v.startsWith("=") || v.startsWith("|") || v.startsWith(">")
                    || v.startsWith("+") || v.startsWith("\\") || v.endsWith(",") || v.endsWith("{")) {
                return true;
            }
        }
        if (v.contains("://") || FILE_PATH.matcher(v).matches() || isUuid(v)) {
            return true;
        }
        if (WORDS.matcher(v).matches()) {
            return true;
        }
        if (v.startsWith("eyJ") && !Validators.jwt(v)) {
            return true;
        }
        if (CHECKSUMMED.matcher(v).matches() && !Checksums.validPrefixedCrc32(v)) {
            return true;
        }
        if (HEX_HASH.matcher(v).matches() && (lowerKey.contains("hash") || lowerKey.contains("sha")
                || lowerKey.contains("checksum") || lowerKey.contains("digest"))) {
            return true;
        }
        if (LETTERS.matcher(v).matches() && !(v.length() >= 20 && entropy(v) >= 4.0)) {
            return true;
        }
        if (NATURAL_LANGUAGE.matcher(v).matches() || v.startsWith("-----BEGIN")) {
            return true;
        }
        if (v.length() < 10 && DIGITS.matcher(v).matches()) {
            return true;
        }
        if (v.toLowerCase(Locale.ROOT).contains("test") || v.contains(" ") && v.chars().filter(c -> c == ' ').count() >= 2) {
            return true;
        }
        return entropy(v) < 2.2;
    }
}
