package io.mergegate.checkers.avro;

import io.mergegate.core.Severity;
import io.mergegate.core.source.Glob;
import io.mergegate.core.spi.CheckerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code avro} section of {@code .mergegate.yml}, with its defaults. */
final class AvroSettings {

    static final List<String> DEFAULT_SCHEMAS = List.of("**/*.avsc");
    static final List<String> DEFAULT_TOPICS = List.of("kafka/topics/**/*.{yml,yaml,json}");
    static final String DEFAULT_TOPIC_PATTERN =
            "[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*(\\.v[0-9]+)?(\\.dlq)?";
    static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;

    /** Subject naming strategies of the Confluent serializers. */
    enum Strategy { TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy }

    final List<Glob> schemas;
    final List<Glob> topics;
    final Pattern topicPattern;
    final CompatibilityMode defaultMode;
    final Map<String, CompatibilityMode> modeOverrides = new LinkedHashMap<>();
    final Strategy strategy;
    final Map<String, String> topicMapping;
    final SchemaLints.Naming naming;
    final Map<String, String> lints = new LinkedHashMap<>();
    final long maxFileSize;
    final String registryUrl;
    final String usernameEnv;
    final String passwordEnv;
    final String tokenEnv;
    final Duration registryTimeout;
    final boolean registryErrorIsWarning;

    AvroSettings(CheckerConfig c) {
        schemas = Glob.all(c.strings("schemas", DEFAULT_SCHEMAS));
        topics = Glob.all(c.strings("topics", DEFAULT_TOPICS));
        topicPattern = pattern(c.string("topic-pattern", DEFAULT_TOPIC_PATTERN), DEFAULT_TOPIC_PATTERN);
        Object compat = c.get("compatibility").orElse(null);
        CompatibilityMode fallback = CompatibilityMode.BACKWARD;
        if (compat instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Optional<CompatibilityMode> mode = CompatibilityMode.parse(String.valueOf(e.getValue()));
                if (mode.isPresent()) {
                    if (String.valueOf(e.getKey()).equals("default")) {
                        fallback = mode.get();
                    } else {
                        modeOverrides.put(String.valueOf(e.getKey()), mode.get());
                    }
                }
            }
        } else if (compat != null) {
            fallback = CompatibilityMode.parse(String.valueOf(compat)).orElse(CompatibilityMode.BACKWARD);
        }
        defaultMode = fallback;
        Strategy s = Strategy.TopicNameStrategy;
        for (Strategy x : Strategy.values()) {
            if (x.name().equalsIgnoreCase(c.string("subject-strategy", "TopicNameStrategy"))) {
                s = x;
            }
        }
        strategy = s;
        Map<String, String> mapping = new LinkedHashMap<>();
        c.map("topic-mapping").forEach((k, v) -> mapping.put(k, String.valueOf(v)));
        topicMapping = mapping;
        CheckerConfig n = c.section("naming");
        SchemaLints.Naming d = SchemaLints.Naming.DEFAULT;
        naming = new SchemaLints.Naming(optionalPattern(n, "types", d.types()), optionalPattern(n, "fields", d.fields()),
                optionalPattern(n, "symbols", d.symbols()), n.bool("namespace-matches-folder", false));
        c.map("lints").forEach((k, v) -> lints.put(k.startsWith("avro/") ? k : "avro/" + k, String.valueOf(v)));
        maxFileSize = (long) c.number("max-file-size", DEFAULT_MAX_FILE_SIZE);
        CheckerConfig r = c.section("registry");
        registryUrl = r.string("url", null);
        usernameEnv = r.string("username-env", null);
        passwordEnv = r.string("password-env", null);
        tokenEnv = r.string("token-env", null);
        registryTimeout = Duration.ofSeconds(Math.max(1, r.integer("timeout-seconds", 10)));
        registryErrorIsWarning = "warn".equals(r.string("on-registry-error", c.string("on-registry-error", "fail")));
    }

    boolean isSchema(String path) {
        return Glob.anyMatch(schemas, path);
    }

    boolean isTopicDeclaration(String path) {
        return Glob.anyMatch(topics, path);
    }

    /** The mode for a schema file and its subjects: subject override, then file glob, then the default. */
    CompatibilityMode mode(String path, List<String> subjects) {
        for (String subject : subjects) {
            CompatibilityMode m = modeOverrides.get(subject);
            if (m != null) {
                return m;
            }
        }
        for (Map.Entry<String, CompatibilityMode> e : modeOverrides.entrySet()) {
            if ((e.getKey().contains("/") || e.getKey().contains("*")) && Glob.of(e.getKey()).matches(path)) {
                return e.getValue();
            }
        }
        return defaultMode;
    }

    /** Lint severity: absent means the rule's default, empty means off. */
    Optional<Optional<Severity>> lintSeverity(String ruleId) {
        String v = lints.get(ruleId);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(v.toLowerCase(Locale.ROOT).equals("off") ? Optional.empty() : Severity.parse(v));
    }

    private static Pattern pattern(String regex, String fallback) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(fallback);
        }
    }

    private static Pattern optionalPattern(CheckerConfig c, String key, Pattern fallback) {
        if (!c.has(key)) {
            return fallback;
        }
        Object v = c.get(key).orElse(null);
        if (Boolean.FALSE.equals(v) || "off".equals(v)) {
            return null;
        }
        return pattern(String.valueOf(v), fallback.pattern());
    }
}
