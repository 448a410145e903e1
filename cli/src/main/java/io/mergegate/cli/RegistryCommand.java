package io.mergegate.cli;

import io.mergegate.core.json.Json;
import io.mergegate.engine.UsageException;
import io.mergegate.reports.approval.ApprovalException;
import io.mergegate.reports.approval.ApprovalStatement;
import io.mergegate.reports.approval.ApprovalVerifier;
import io.mergegate.reports.approval.Dsse;
import io.mergegate.reports.approval.Ed25519Keys;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mergegate registry}: deploy-time actions against a Confluent-compatible schema registry. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Schema registry actions for deploy stages.",
        subcommands = RegistryCommand.Register.class)
final class RegistryCommand implements Runnable {

    static final String URL_ENV = "MERGEGATE_SCHEMA_REGISTRY_URL";
    static final String AUTH_ENV = "MERGEGATE_SCHEMA_REGISTRY_USER_INFO";
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code registry register --approval FILE}: registers each approved Avro schema; harmless to repeat. */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register the Avro schemas an approval lists in a Confluent-compatible registry (REST API "
                    + "v7). Each file must still have the approved sha256. A schema already registered under its "
                    + "subject is left alone, so re-running a deploy is harmless. With --public-key the approval's "
                    + "signature, result and commit are verified first.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every approved schema is registered", "1:refused or rejected (the reason is printed)",
                "2:usage error"})
    static final class Register extends EnvironmentCommand {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--approval", paramLabel = "FILE", required = true, description = "The approval (DSSE envelope).")
        Path approval;

        @Option(names = "--url", paramLabel = "URL", description = "Registry base URL, e.g. http://registry:8081 (default: $" + URL_ENV + ").")
        String url;

        @Option(names = "--root", paramLabel = "DIR", description = "Folder the approved paths are relative to (default: current folder).")
        Path root = Path.of(".");

        @Option(names = "--subject", paramLabel = "TEMPLATE", description = "Subject name: {fullName} (namespace.name, "
                + "the default: RecordNameStrategy), {name}, {file} (file name without extension), e.g. '{file}-value'.")
        String subjectTemplate = "{fullName}";

        @Option(names = "--public-key", paramLabel = "KEY", description = "Verify the approval with this pinned key first (needs --commit).")
        Path publicKey;

        @Option(names = "--commit", paramLabel = "SHA", description = "The commit being deployed (with --public-key).")
        String commit;

        @Option(names = "--max-age", paramLabel = "DURATION", description = "With --public-key: refuse older approvals.")
        String maxAge;


        @Override
        public Integer call() throws IOException, InterruptedException {
            String base = url != null ? url : env.get(URL_ENV);
            if (base == null || base.isBlank()) {
                throw new UsageException("no registry URL: pass --url or set " + URL_ENV);
            }
            base = base.strip().replaceAll("/+$", "");
            if (!Files.isRegularFile(approval)) {
                throw new UsageException("--approval: file not found: " + approval);
            }
            String envelope = Files.readString(approval, StandardCharsets.UTF_8);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ApprovalStatement.Parsed st;
            try {
                st = statement(envelope);
            } catch (ApprovalException e) {
                err.println("mergegate: approval refused: " + e.getMessage());
                return 1;
            }
            Map<String, String> schemas = new LinkedHashMap<>();
            for (var subject : st.subjects().entrySet()) {
                String name = subject.getKey();
                boolean avro = "avro".equals(st.kinds().get(name)) || (st.kinds().get(name) == null && name.endsWith(".avsc"));
                if (!avro) {
                    continue;
                }
                Path file = root.resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new UsageException("approved schema not found under --root: " + file);
                }
                byte[] bytes = Files.readAllBytes(file);
                if (!sha256(bytes).equalsIgnoreCase(subject.getValue().getOrDefault("sha256", ""))) {
                    err.println("mergegate: approval refused: " + name + " differs from what was approved");
                    return 1;
                }
                schemas.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
            if (schemas.isEmpty()) {
                out.println("mergegate: the approval lists no Avro schema; nothing to register");
                return 0;
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            int failures = 0;
            for (var e : schemas.entrySet()) {
                String subject = subject(e.getKey(), e.getValue());
                try {
                    out.println("mergegate: " + e.getKey() + " -> subject " + subject + ": " + register(http, base, subject, e.getValue()));
                } catch (RegistryException ex) {
                    err.println("mergegate: " + e.getKey() + " -> subject " + subject + ": " + ex.getMessage());
                    failures++;
                }
            }
            return failures == 0 ? 0 : 1;
        }

        private ApprovalStatement.Parsed statement(String envelope) throws IOException {
            if (publicKey == null) {
                return ApprovalStatement.parse(Dsse.parse(envelope).payload());
            }
            if (commit == null) {
                throw new UsageException("--public-key needs --commit SHA");
            }
            if (!Files.isRegularFile(publicKey)) {
                throw new UsageException("--public-key: file not found: " + publicKey);
            }
            ApprovalVerifier v = new ApprovalVerifier(Ed25519Keys.readPublic(Files.readString(publicKey), publicKey.toString()),
                    Clock.systemUTC());
            if (maxAge != null) {
                v.maxAge(Durations.parse(maxAge, "--max-age"));
            }
            return v.verify(envelope, commit, Map.of());
        }

        /** Looks the schema up under the subject; registers it only when it is not there yet. */
        private String register(HttpClient http, String base, String subject, String schema)
                throws IOException, InterruptedException {
            String body = Json.writeCompact(Map.of("schema", schema));
            String path = base + "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
            HttpResponse<String> found = send(http, path, body);
            if (found.statusCode() == 200) {
                Map<?, ?> m = object(found.body());
                return "already registered (id " + m.get("id") + ", version " + m.get("version") + ")";
            }
            if (found.statusCode() != 404) {
                throw new RegistryException("lookup failed: " + describe(found));
            }
            HttpResponse<String> created = send(http, path + "/versions", body);
            if (created.statusCode() == 200) {
                return "registered (id " + object(created.body()).get("id") + ")";
            }
            throw new RegistryException(created.statusCode() == 409
                    ? "rejected as incompatible with the registered versions: " + describe(created)
                    : "registration failed: " + describe(created));
        }

        private HttpResponse<String> send(HttpClient http, String uri, String body) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", CONTENT_TYPE).header("Accept", CONTENT_TYPE + ", application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            String auth = env.get(AUTH_ENV);
            if (auth != null && !auth.isBlank()) {
                b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
            }
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new RegistryException("cannot reach the registry at " + uri + ": " + e);
            }
        }

        String subject(String path, String schema) {
            String file = Path.of(path).getFileName().toString().replaceFirst("\\.[^.]*$", "");
            String name = file;
            String fullName = file;
            try {
                if (Json.parse(schema) instanceof Map<?, ?> m && m.get("name") instanceof String n) {
                    name = n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : n;
                    fullName = n.contains(".") || !(m.get("namespace") instanceof String ns) || ns.isEmpty() ? n : ns + "." + n;
                }
            } catch (RuntimeException e) {
                // Not a JSON record schema (e.g. a primitive): the file name stands in for the record name.
            }
            return subjectTemplate.replace("{fullName}", fullName).replace("{name}", name).replace("{file}", file);
        }

        private static Map<?, ?> object(String body) {
            try {
                return Json.parse(body) instanceof Map<?, ?> m ? m : Map.of();
            } catch (RuntimeException e) {
                return Map.of();
            }
        }

        private static String describe(HttpResponse<String> r) {
            Map<?, ?> m = object(r.body());
            Object msg = m.get("message");
            return "HTTP " + r.statusCode() + (msg != null ? " " + msg
                    : r.body().isBlank() ? "" : " " + r.body().lines().findFirst().orElse(""));
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A registry that answered no, or could not be reached. */
    static final class RegistryException extends IOException {
        private static final long serialVersionUID = 1L;

        RegistryException(String message) {
            super(message);
        }
    }
}
