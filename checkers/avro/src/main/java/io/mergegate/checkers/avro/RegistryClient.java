package io.mergegate.checkers.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A client for the compatibility endpoint of the Confluent Schema Registry REST API (also served by
 * Apicurio's ccompat API): {@code POST /compatibility/subjects/{subject}/versions?verbose=true}.
 * Credentials go into the Authorization header only; they never appear in messages.
 */
final class RegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final Duration timeout;
    private final String authorization;
    private final HttpClient http;

    /** The registry's verdict; {@code newSubject} when the registry does not know the subject yet. */
    record Verdict(boolean compatible, List<String> messages, boolean newSubject) {
    }

    /** Timeout, connection failure or unexpected HTTP status; the message names the URL, never credentials. */
    static final class RegistryException extends Exception {
        private static final long serialVersionUID = 1L;

        RegistryException(String message) {
            super(message);
        }
    }

    RegistryClient(String baseUrl, Duration timeout, String authorization) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A Basic or Bearer header value, or null. */
    static String authorization(String user, String password, String token) {
        if (token != null && !token.isEmpty()) {
            return "Bearer " + token;
        }
        if (user != null && !user.isEmpty()) {
            String pair = user + ":" + (password == null ? "" : password);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** The base URL without user information, for messages. */
    String safeUrl() {
        return redact(baseUrl);
    }

    static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//");
    }

    /** Asks whether a schema is compatible with the subject's versions under the subject's level. */
    Verdict check(String subject, String schema) throws RegistryException {
        String url = baseUrl + "/compatibility/subjects/" + encode(subject) + "/versions?verbose=true";
        ObjectNode body = MAPPER.createObjectNode();
        body.put("schema", schema);
        body.put("schemaType", "AVRO");
        HttpResponse<String> response = send(url, "POST", body.toString());
        JsonNode json = parse(response.body());
        int status = response.statusCode();
        int code = json.path("error_code").asInt(0);
        if (status == 404 && (code == 40401 || code == 40402)) {
            return new Verdict(true, List.of(), true);
        }
        if (status != 200) {
            throw new RegistryException(describe("POST", url, status, json));
        }
        List<String> messages = new ArrayList<>();
        json.path("messages").forEach(m -> messages.add(m.asText()));
        if (!json.has("is_compatible")) {
            throw new RegistryException("POST " + redact(url) + " answered 200 without `is_compatible`");
        }
        return new Verdict(json.path("is_compatible").asBoolean(false), messages, false);
    }

    /** Sets the compatibility level of a subject (used by tests and tooling). */
    void setLevel(String subject, String level) throws RegistryException {
        String url = baseUrl + "/config/" + encode(subject);
        HttpResponse<String> r = send(url, "PUT", "{\"compatibility\":\"" + level + "\"}");
        if (r.statusCode() / 100 != 2) {
            throw new RegistryException(describe("PUT", url, r.statusCode(), parse(r.body())));
        }
    }

    /** Registers a schema version under a subject and returns its id (used by tests and tooling). */
    int register(String subject, String schema) throws RegistryException {
        String url = baseUrl + "/subjects/" + encode(subject) + "/versions";
        ObjectNode body = MAPPER.createObjectNode();
        body.put("schema", schema);
        body.put("schemaType", "AVRO");
        HttpResponse<String> r = send(url, "POST", body.toString());
        JsonNode json = parse(r.body());
        if (r.statusCode() / 100 != 2) {
            throw new RegistryException(describe("POST", url, r.statusCode(), json));
        }
        return json.path("id").asInt();
    }

    private HttpResponse<String> send(String url, String method, String body) throws RegistryException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", CONTENT_TYPE).header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new RegistryException(method + " " + redact(url) + " timed out after " + timeout.toSeconds() + "s");
        } catch (IOException e) {
            throw new RegistryException(method + " " + redact(url) + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(method + " " + redact(url) + " was interrupted");
        } catch (IllegalArgumentException e) {
            throw new RegistryException("invalid registry URL " + redact(url) + ": " + e.getMessage());
        }
    }

    private static String describe(String method, String url, int status, JsonNode json) {
        String detail = json.path("message").asText("");
        return method + " " + redact(url) + " answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
