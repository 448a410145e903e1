package io.mergegate.checkers.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.mergegate.core.Finding;
import io.mergegate.core.Severity;
import io.mergegate.core.spi.Facts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live registry check against a real Apicurio Registry (Confluent-compatible API). */
class RegistryIntegrationTest {

    static final String PATH = "kafka/schemas/order.avsc";
    static final String V1 = """
            {"type": "record", "name": "Order", "namespace": "com.acme", "doc": "d",
             "fields": [{"name": "id", "type": "string"}]}
            """;
    static final String ADDED_REQUIRED = """
            {"type": "record", "name": "Order", "namespace": "com.acme", "doc": "d",
             "fields": [{"name": "id", "type": "string"}, {"name": "qty", "type": "int"}]}
            """;
    static final String ADDED_OPTIONAL = """
            {"type": "record", "name": "Order", "namespace": "com.acme", "doc": "d",
             "fields": [{"name": "id", "type": "string"}, {"name": "qty", "type": "int", "default": 1}]}
            """;

    static LocalRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        registry = LocalRegistry.obtain();
    }

    /** A fresh topic whose value subject holds V1 under the given level. */
    private static String topicWithV1(String level) throws Exception {
        String topic = "it.orders." + UUID.randomUUID();
        RegistryClient client = new RegistryClient(registry.url, Duration.ofSeconds(20), null);
        client.setLevel(topic + "-value", level);
        client.register(topic + "-value", V1);
        return topic;
    }

    private static List<Finding> check(String topic, String head, Map<String, Object> registryConfig) {
        Map<String, Object> config = Map.of("compatibility", "NONE", "topic-mapping", Map.of(PATH, topic),
                "registry", registryConfig);
        var ctx = TestContexts.of(Map.of(), Map.of(PATH, TestContexts.utf8(head)), null, config, new Facts());
        return new AvroChecker().check(ctx).stream().filter(f -> f.ruleId().startsWith("avro/registry")).toList();
    }

    @Test
    void registryRejectsAnIncompatibleVersion() throws Exception {
        String topic = topicWithV1("BACKWARD");
        List<Finding> findings = check(topic, ADDED_REQUIRED, Map.of("url", registry.url));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(AvroRuleIds.REGISTRY_INCOMPATIBLE);
            assertThat(f.message()).contains(topic + "-value");
            assertThat(f.location().path()).isEqualTo(PATH);
        });
    }

    @Test
    void registryAcceptsACompatibleVersion() throws Exception {
        String topic = topicWithV1("BACKWARD");
        assertThat(check(topic, ADDED_OPTIONAL, Map.of("url", registry.url))).isEmpty();
    }

    @Test
    void levelIsTheSubjects() throws Exception {
        String topic = topicWithV1("NONE");
        assertThat(check(topic, ADDED_REQUIRED, Map.of("url", registry.url))).isEmpty();
    }

    @Test
    void unknownSubjectIsNew() {
        assertThat(check("it.unknown." + UUID.randomUUID(), ADDED_REQUIRED, Map.of("url", registry.url))).isEmpty();
    }

    @Test
    void httpErrorNamesUrlAndStatusAndFailsUnlessWarn() {
        String wrong = registry.url + "/no-such-api";
        List<Finding> failing = check("it.x", V1, Map.of("url", wrong));
        assertThat(failing).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(AvroRuleIds.REGISTRY_ERROR);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("/no-such-api", "HTTP 404");
        });
        List<Finding> warning = check("it.x", V1, Map.of("url", wrong, "on-registry-error", "warn"));
        assertThat(warning).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void credentialsComeFromTheEnvironmentAndAreNeverPrinted() {
        String secret = "s3cr3t-" + UUID.randomUUID();
        Map<String, Object> config = Map.of("compatibility", "NONE", "registry",
                Map.of("url", registry.url + "/no-such-api", "username-env", "SR_USER", "password-env", "SR_PASS"));
        var base = TestContexts.of(Map.of(), Map.of(PATH, TestContexts.utf8(V1)), null, config, new Facts());
        var ctx = new io.mergegate.core.spi.SimpleGateContext(base.mode(), base.base(), base.head(), null, null, null,
                Map.of("avro", new io.mergegate.core.spi.CheckerConfig(config)), "avro", new Facts(), base.rules(),
                null, Map.of("SR_USER", "ci", "SR_PASS", secret));
        List<Finding> findings = new AvroChecker().check(ctx);
        assertThat(findings).isNotEmpty();
        assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotContain(secret));
    }
}
