package io.mergegate.checkers.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shapes a password takes outside {@code key = "value"} (call arguments, command lines, env lists,
 * connection strings, .netrc, base64 PEM) and the filters that must not mistake a symbol-laden password
 * for a placeholder, a reference or code. Found on the labelled corpus; each case also has its negative.
 */
class PasswordShapesTest {

    /**
     * A password with the symbols that used to make it look like a placeholder, a reference or code; built from
     * its shape at test time ({@link FakeSecrets#shaped}), so no literal password sits in this file.
     */
    private static final String SYMBOLS = FakeSecrets.shaped("Aa9<}A9a>;A9${&,}a%(9", "symbols");

    private static List<SecretMatch> scan(String path, String text) {
        String expanded = new String(FakeSecrets.expand(path, text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        return SecretScanner.defaults().scan(path, expanded.getBytes(StandardCharsets.UTF_8), null);
    }

    private static void found(String path, String text, String rule, String value) {
        assertThat(scan(path, text)).as(text).anySatisfy(m -> {
            assertThat(m.ruleId()).isEqualTo(rule);
            assertThat(m.value()).isEqualTo(value);
        });
    }

    private static void nothing(String path, String text) {
        assertThat(scan(path, text)).as(text).isEmpty();
    }

    private static String pw(String label) {
        return FakeSecrets.value("symbol-password", label);
    }

    /** A value of the given shape (A upper, a lower, 9 digit, the rest as written). */
    private static String shaped(String shape) {
        return FakeSecrets.shaped(shape, "shapes");
    }

    @Test
    void passwords_in_call_arguments() {
        found("Db.java", "return DriverManager.getConnection(\"jdbc:mysql://db:3306/app\", \"app\", \"{{fake:symbol-password#c1}}\");",
                "secrets/generic-password", pw("c1"));
        found("main.go", "req.SetBasicAuth(\"svc\", \"{{fake:symbol-password#c2}}\")", "secrets/generic-password", pw("c2"));
        found("c.py", "requests.get(url, auth=('svc', '{{fake:symbol-password#c3}}'))", "secrets/generic-password", pw("c3"));
        found("Ds.java", "    .password(\"{{fake:symbol-password#c4}}\")", "secrets/generic-password", pw("c4"));
        nothing("Db.java", "return DriverManager.getConnection(url, user, System.getenv(\"DB_PASSWORD\"));");
        nothing("main.go", "req.SetBasicAuth(os.Getenv(\"USER\"), os.Getenv(\"PASSWORD\"))");
        nothing("c.py", "requests.get(url, auth=('svc', os.environ['PASSWORD']))");
    }

    @Test
    void passwords_on_command_lines() {
        String hash = shaped("Aa9#aA9!aA9a");
        String at = shaped("Aa9!aA9@aA9a");
        found("deploy.sh", "docker login -u ci -p '" + hash + "' registry.example.com", "secrets/generic-password", hash);
        found("deploy.sh", "mysql -h db -u admin -p'" + hash + "' app < schema.sql", "secrets/generic-password", hash);
        found("Jenkinsfile", "sh \"curl -fsS -u deployer:" + at + " https://nexus/upload\"", "secrets/generic-password", at);
        nothing("deploy.sh", "echo \"$REGISTRY_PASSWORD\" | docker login -u ci --password-stdin registry.example.com");
        nothing("deploy.sh", "mysql -h db -u admin -p\"$MYSQL_PASSWORD\" app");
        nothing("deploy.sh", "mysql -h db -u admin -p app");
        nothing("deploy.sh", "curl -fsS -u \"$NEXUS_USR:$NEXUS_PSW\" https://nexus/upload");
    }

    @Test
    void env_lists_name_then_value() {
        String k8s = "        env:\n          - name: PARTNER_API_KEY\n            value: \"{{fake:opaque-token#e1}}\"\n"
                + "          - name: REDIS_PASSWORD\n            value: '{{fake:symbol-password#e2}}'\n";
        found("deploy.yaml", k8s, "secrets/generic-password", FakeSecrets.value("opaque-token", "e1"));
        found("deploy.yaml", k8s, "secrets/generic-password", pw("e2"));
        found("task.json", "{\"name\": \"DB_PASSWORD\", \"value\": \"{{fake:symbol-password#e3}}\"}", "secrets/generic-password", pw("e3"));
        nothing("deploy.yaml", "          - name: PARTNER_API_KEY\n            value: \"$(PARTNER_API_KEY_FROM_VAULT)\"\n"
                + "          - name: DB_PASSWORD\n            valueFrom:\n              secretKeyRef: {name: db, key: password}\n"
                + "          - name: LOG_LEVEL\n            value: debug-verbose-2024\n");
    }

    @Test
    void connection_strings_netrc_and_base64_private_keys() {
        String comma = shaped("Aa9&aA9,aA9a");
        String brace = shaped("{Aa9&aA9[aA9a");
        found("appsettings.json", "\"Sql\": \"Server=tcp:db,1433;Database=app;User ID=app;Password=" + comma + ";Encrypt=True;\"",
                "secrets/generic-password", comma);
        found("Db.java", "\"jdbc:sqlserver://db:1433;databaseName=a;user=u;password=" + brace + ";encrypt=true\"",
                "secrets/database-url-password", brace);
        nothing("appsettings.json", "\"Sql\": \"Server=localhost;Database=app;User ID=sa;Password=<YourStrong@Passw0rd>;\"");
        found(".netrc", "machine nexus.internal login deployer password " + comma + "\n", "secrets/generic-password", comma);
        found(".netrc", "machine nexus.internal\n  login deployer\n  password " + comma + "\n", "secrets/generic-password", comma);
        nothing("README.md", "Use your login and password here.\n");
        String key = FakeSecrets.value("rsa-private-key", "b64");
        String b64 = java.util.Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        found("staging.kubeconfig", "    client-key-data: " + b64 + "\n", "secrets/private-key", b64);
        String cert = java.util.Base64.getEncoder().encodeToString(("-----BEGIN CERTIFICATE-----\n"
                + FakeSecrets.value("base64-64", "crt") + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.UTF_8));
        nothing("staging.kubeconfig", "    client-certificate-data: " + cert + "\n");
    }

    @Test
    void config_values_run_to_the_end_of_the_line() {
        String semicolons = shaped("9AAa;a.a/9aa,aAAA&9aaA");
        String leading = shaped(",(=Aaa9AaA9aA9aAaA9");
        String colons = shaped("aAa,A-A@a&?:*!9a");
        String base64 = FakeSecrets.value("base64-32", "jwt-secret");
        found("app.properties", "spring.datasource.password=" + semicolons + "\n", "secrets/generic-password", semicolons);
        found("staging.ini", "ansible_password=" + leading + "\n", "secrets/generic-password", leading);
        found(".env", "SMTP_PASSWORD=" + colons + " # rotated in May\n", "secrets/generic-password", colons);
        found("application.yml", "app:\n  jwt:\n    secret: " + base64 + "\n", "secrets/generic-password", base64);
        // in code an unquoted value is an expression and ends at the delimiter
        nothing("client.py", "    def __init__(self, address=None, authkey=None):\n");
        nothing("rfc.py", "# token          = 1*<any CHAR except CTLs or separators>\n");
        nothing("app.yml", "db: {password: ${DB_PASSWORD}, user: app}\n");
    }

    /** A config snippet inside a Java string literal: the escaped line break ends the value, it is not part of it. */
    @Test
    void config_snippets_in_string_literals_end_at_the_escaped_line_break() {
        String pw = FakeSecrets.value("password", "snippet");
        found("ConfigTest.java", "String props = \"db.password=" + pw + "\\nother=1\";", "secrets/generic-password", pw);
        nothing("ConfigTest.java", "String yaml = \"rules:\\n  secrets/generic-password: warning\\n\";");
        nothing("ParserTest.java", "parse(\"def f(address=None, authkey=None):\\n\");");
        nothing("NetrcTest.java", "parse(\"Use your login and password here.\\n\");");
    }

    @Test
    void symbols_are_not_placeholders_references_or_encryption() {
        found("config.json", "  \"password\": \"" + SYMBOLS + "\"", "secrets/generic-password", SYMBOLS);
        found("settings.py", "PASSWORD = '" + SYMBOLS + "'", "secrets/generic-password", SYMBOLS);
        String braces = shaped("a<Aaa>aA{{A9$(aa?A)");
        String encoded = shaped("Aa9%3E9~a%7DAA");
        String parens = shaped("A%5DaA(a9a%40)");
        found("values.yaml", "    password: '" + braces + "'", "secrets/generic-password", braces);
        found("docker-compose.yml", "      - DATABASE_URL=redis://:" + encoded + "@cache:6379/1", "secrets/database-url-password",
                encoded);
        found("alembic.ini", "sqlalchemy.url = postgresql+psycopg2://app:" + parens + "@db/app", "secrets/database-url-password",
                parens);
        found("main.tf", "  password       = \"" + SYMBOLS + "\"", "secrets/generic-password", SYMBOLS);
        // the placeholders, references and ciphertext those symbols resemble
        nothing("config.json", "  \"password\": \"<your-password>\",\n  \"token\": \"<API_KEY>\",\n  \"secret\": \"<Secret>\"");
        nothing("values.yaml", "password: \"{{ .Values.db.password }}\"\ntoken: ${{ secrets.TOKEN }}\nsecret: ${APP_SECRET:-}\n"
                + "api_key: \"#{ApiKey}#\"\nother_secret: \"$(cat /run/secrets/other)\"\n");
        nothing("settings.py", "PASSWORD = '%(db_password)s'\n");
        nothing("sealed.yaml", "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n"
                + "    API_TOKEN: AgC" + FakeSecrets.value("base64-64", "s1").replace("=", "") + "\n");
        nothing("redis.py", "CACHES = {'LOCATION': 'redis://:password@localhost:6379/1'}");
    }
}
