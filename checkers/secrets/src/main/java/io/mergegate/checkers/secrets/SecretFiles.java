package io.mergegate.checkers.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files whose presence in the repository is the leak: {@code .env} files, key stores, SSH private
 * keys, Terraform state, stored git credentials, kubeconfigs with client keys, and package-manager
 * or netrc files holding literal credentials.
 */
final class SecretFiles {

    static final String RULE = "secrets/committed-secret-file";

    private static final Pattern TEMPLATE_STAGE = Pattern.compile("example|sample|template|dist|defaults?|schema|tpl|tmpl|skel|in");
    private static final Pattern KEY_STORE = Pattern.compile(".+\\.(?:p12|pfx|jks|keystore|jceks|bks)");
    /** {@code id_rsa}, {@code id_ed25519_sk}, and named copies such as {@code id_rsa_deploy} or {@code id_ed25519.work}. */
    private static final Pattern SSH_KEY = Pattern.compile("id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?(?:[_.\\-]([A-Za-z0-9_.\\-]+))?");
    /** Code or documentation named after a key ({@code id_rsa_parser.py}), not a key. */
    private static final Pattern SOURCE_FILE = Pattern.compile(".+\\.(?:go|py|java|kt|js|ts|rb|rs|c|h|cc|cpp|cs|php|md|rst|html)");
    /** {@code .env}, {@code .env.production}, {@code .env.production.local}: every dot-separated stage is checked. */
    private static final Pattern ENV_NAME = Pattern.compile("\\.env(?:\\.([A-Za-z0-9_\\-]+(?:\\.[A-Za-z0-9_\\-]+)*))?");
    private static final Pattern ENV_ASSIGNMENT = Pattern.compile("(?m)^[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_.]*[ \t]*=[ \t]*[\"']?([^\"'\r\n#]+)");
    private static final Pattern NPMRC = Pattern.compile("(?m)(?:_authToken|_auth|_password)[ \t]*=[ \t]*[\"']?([^\"'\r\n \t]+)");
    private static final Pattern PYPIRC = Pattern.compile("(?m)^[ \t]*password[ \t]*[=:][ \t]*([^\r\n]+)");
    private static final Pattern NETRC = Pattern.compile("\\bpassword[ \t]+(\\S+)");
    private static final Pattern KUBE_CLIENT_KEY = Pattern.compile("(?m)^[ \t]*client-key-data:[ \t]*([A-Za-z0-9+/=]{20,})");
    private static final Pattern GIT_CREDENTIALS = Pattern.compile("(?m)^[a-z][a-z0-9+.\\-]*://[^:\\s/@]+:([^@\\s]+)@");

    private SecretFiles() {
    }

    /** What kind of secret file a path is, judged from the path and, for some kinds, the content. */
    static Optional<SecretMatch> check(String path, Supplier<byte[]> content) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        Matcher env = ENV_NAME.matcher(name);
        if (env.matches()) {
            if (template(env.group(1))) {
                return Optional.empty();
            }
            return literal(ENV_ASSIGNMENT, content).map(line -> match(path, "env-file", line, content));
        }
        if (KEY_STORE.matcher(lower).matches()) {
            return Optional.of(match(path, "key-store", 0, content));
        }
        Matcher ssh = SSH_KEY.matcher(lower);
        if (ssh.matches() && !lower.endsWith(".pub") && !template(ssh.group(1)) && !SOURCE_FILE.matcher(lower).matches()) {
            return Optional.of(match(path, "ssh-private-key-file", 0, content));
        }
        if (lower.endsWith(".tfstate") || lower.endsWith(".tfstate.backup")) {
            return Optional.of(match(path, "terraform-state", 0, content));
        }
        if (lower.equals(".git-credentials")) {
            return literal(GIT_CREDENTIALS, content).map(line -> match(path, "git-credentials", line, content));
        }
        if (lower.equals(".npmrc")) {
            return literal(NPMRC, content).map(line -> match(path, "npmrc-credentials", line, content));
        }
        if (lower.equals(".pypirc")) {
            return literal(PYPIRC, content).map(line -> match(path, "pypirc-credentials", line, content));
        }
        if (lower.equals(".netrc") || lower.equals("_netrc")) {
            return literal(NETRC, content).map(line -> match(path, "netrc-credentials", line, content));
        }
        if (lower.equals("config") && path.contains(".kube/") || lower.startsWith("kubeconfig")
                || lower.endsWith(".kubeconfig")) {
            return literal(KUBE_CLIENT_KEY, content).map(line -> match(path, "kubeconfig-client-key", line, content));
        }
        return Optional.empty();
    }

    /** A name suffix such as {@code local.example} with a part that marks a template ({@code .example}, {@code .dist}...). */
    private static boolean template(String suffix) {
        if (suffix == null) {
            return false;
        }
        for (String part : suffix.toLowerCase(Locale.ROOT).split("[._\\-]")) {
            if (TEMPLATE_STAGE.matcher(part).matches()) {
                return true;
            }
        }
        return false;
    }

    /** True for names worth reading even when binary (key stores). */
    static boolean binaryKind(String path) {
        String lower = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return KEY_STORE.matcher(lower).matches();
    }

    /** The first line holding a literal (not a reference or a placeholder) credential, or empty. */
    private static Optional<Integer> literal(Pattern p, Supplier<byte[]> content) {
        String text = new String(content.get(), StandardCharsets.UTF_8);
        Matcher m = p.matcher(text);
        while (m.find()) {
            String v = m.group(1).strip();
            if (!v.isEmpty() && !ValueFilters.rejectCommon(v)) {
                return Optional.of(lineOf(text, m.start(1)));
            }
        }
        return Optional.empty();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The "value" of a file finding is its path: the finding is about the file being in the repository,
     * so editing it keeps one identity (one baseline entry), while each secret inside has its own finding.
     */
    private static SecretMatch match(String path, String kind, int line, Supplier<byte[]> content) {
        return new SecretMatch(RULE, kind, null, path, line, 0, line, "file:" + path);
    }
}
