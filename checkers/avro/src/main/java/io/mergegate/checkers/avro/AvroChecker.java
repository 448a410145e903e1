package io.mergegate.checkers.avro;

import io.mergegate.core.Finding;
import io.mergegate.core.Severity;
import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.spi.ApiChange;
import io.mergegate.core.spi.Artifact;
import io.mergegate.core.spi.ChangeLevel;
import io.mergegate.core.spi.Checker;
import io.mergegate.core.spi.FactKey;
import io.mergegate.core.spi.GateContext;
import io.mergegate.core.spi.History;
import io.mergegate.core.spi.KnownFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * The Avro checker: validity of changed schemas (strict parse), registry-grade compatibility with
 * their earlier versions (git history and {@code name-vN.avsc} files), semantic changes Avro lets
 * through, lints, Kafka topic declarations and, when configured, the live registry's verdict.
 */
public final class AvroChecker implements Checker {

    private static final Pattern VERSIONED = Pattern.compile("(.*)-v(\\d+)\\.avsc");

    @Override
    public String id() {
        return "avro";
    }

    @Override
    public String description() {
        return "Avro schemas and Kafka topics: validity, registry-grade compatibility, lints, live registry";
    }

    @Override
    public Set<String> ruleIds() {
        return AvroRuleIds.ALL;
    }

    @Override
    public Set<FactKey<?>> produces() {
        return Set.of(KnownFacts.API_CHANGES, KnownFacts.ARTIFACTS);
    }

    @Override
    public List<Finding> check(GateContext ctx) {
        AvroSettings settings = new AvroSettings(ctx.config());
        for (String path : ctx.head().paths()) {
            if (settings.isSchema(path)) {
                ctx.facts().publish(KnownFacts.ARTIFACTS, new Artifact("avro", path));
            }
        }
        // Every rule judges changed schemas or topic declarations: without one there is nothing to read.
        boolean relevant = ctx.changes().all().stream().anyMatch(c -> settings.isSchema(c.path())
                || settings.isTopicDeclaration(c.path())
                || c.oldPath() != null && (settings.isSchema(c.oldPath()) || settings.isTopicDeclaration(c.oldPath())));
        if (!relevant) {
            return List.of();
        }
        SchemaReader head = new SchemaReader(ctx.head(), settings::isSchema, settings.maxFileSize);
        SchemaReader base = new SchemaReader(ctx.base(), settings::isSchema, settings.maxFileSize);
        TopicDeclarations topics = TopicDeclarations.read(ctx.head(), settings::isTopicDeclaration,
                settings.maxFileSize);
        Subjects subjects = new Subjects(settings, topics);
        List<Finding> findings = new ArrayList<>();
        Registry registry = new Registry(ctx, settings);
        for (ChangedPath change : ctx.changes().all()) {
            if (!settings.isSchema(change.path())) {
                continue;
            }
            if (!change.existsAtHead()) {
                ctx.facts().publish(KnownFacts.API_CHANGES, new ApiChange("avro", change.path(), ChangeLevel.MAJOR,
                        null, null, "schema file deleted"));
                continue;
            }
            SchemaReader.Parsed parsed = head.read(change.path(), true);
            if (!parsed.ok()) {
                SchemaReader.Problem p = parsed.problem();
                findings.add(ctx.report(p.ruleId()).at(change.path(), p.pos().line(), p.pos().column())
                        .logical(p.pointer()).arg("file", change.path()).arg("problem", p.message()).build());
                continue;
            }
            List<String> subjectNames = subjects.of(change.path(), parsed.schema());
            String subjectText = subjects.describe(change.path(), parsed.schema());
            lint(ctx, settings, parsed, findings);
            List<Compatibility.Version> earlier = earlierVersions(ctx, change, head, base);
            CompatibilityMode mode = settings.mode(change.path(), subjectNames);
            Compatibility.Version newest = new Compatibility.Version(change.path(), parsed.schema(), parsed.json());
            List<Compatibility.Issue> issues = Compatibility.check(mode, newest, earlier);
            for (Compatibility.Issue issue : issues) {
                LocatedJson.Pos pos = position(parsed.json(), issue.pointer());
                findings.add(ctx.report(issue.ruleId()).at(change.path(), pos.line(), pos.column())
                        .logical(issue.pointer()).key(issue.pointer() + "|" + issue.name())
                        .arg("name", issue.name()).arg("version", issue.version()).arg("mode", mode.name())
                        .arg("subject", subjectText).arg("direction", issue.direction().text())
                        .arg("detail", issue.detail()).property("topics", subjects.topicsOf(change.path()))
                        .build());
            }
            if (!earlier.isEmpty()) {
                Compatibility.Version latest = earlier.get(earlier.size() - 1);
                boolean recordStrategy = settings.strategy != AvroSettings.Strategy.TopicNameStrategy;
                for (SchemaDiff.Change c : SchemaDiff.between(latest.schema(), parsed.schema(), parsed.json(),
                        recordStrategy)) {
                    String pointer = parsed.json().existing(c.pointer());
                    LocatedJson.Pos pos = position(parsed.json(), pointer);
                    findings.add(ctx.report(c.ruleId()).at(change.path(), pos.line(), pos.column()).logical(pointer)
                            .key(c.pointer()).arg("name", c.name()).arg("from", c.from()).arg("to", c.to())
                            .arg("version", latest.label()).arg("subject", subjectText).build());
                }
                CompatibilityMode levelMode = mode == CompatibilityMode.NONE ? CompatibilityMode.BACKWARD : mode;
                boolean compatible = mode == CompatibilityMode.NONE
                        ? Compatibility.check(levelMode, newest, earlier).isEmpty() : issues.isEmpty();
                ChangeLevel level = SchemaDiff.level(latest.schema(), parsed.schema(), compatible);
                // Avro schemas carry no version number of their own, so none is published for a bump check.
                ctx.facts().publish(KnownFacts.API_CHANGES, new ApiChange("avro", change.path(), level,
                        null, null, summary(level, issues)));
            } else {
                ctx.facts().publish(KnownFacts.API_CHANGES, new ApiChange("avro", change.path(), ChangeLevel.MINOR,
                        null, null, "new schema"));
            }
            registry.check(change.path(), parsed, subjectNames, findings);
        }
        findings.addAll(new KafkaRules(ctx, settings, topics, head).check());
        return findings;
    }

    private static String summary(ChangeLevel level, List<Compatibility.Issue> issues) {
        if (!issues.isEmpty()) {
            Compatibility.Issue first = issues.get(0);
            return first.ruleId() + " `" + first.name() + "`";
        }
        return switch (level) {
            case NONE -> "formatting only";
            case PATCH -> "documentation only";
            default -> "compatible change";
        };
    }

    private static void lint(GateContext ctx, AvroSettings settings, SchemaReader.Parsed parsed, List<Finding> out) {
        for (SchemaLints.Hit hit : SchemaLints.lint(parsed.path(), parsed.json(), settings.naming)) {
            Optional<Optional<Severity>> configured = settings.lintSeverity(hit.ruleId());
            if (configured.isPresent() && configured.get().isEmpty()) {
                continue;
            }
            LocatedJson.Pos pos = hit.pos() != null ? hit.pos() : position(parsed.json(), hit.pointer());
            Finding.Builder b = ctx.report(hit.ruleId()).at(parsed.path(), pos.line(), pos.column())
                    .logical(hit.pointer()).args(hit.args());
            configured.flatMap(s -> s).ifPresent(b::severity);
            out.add(b.build());
        }
    }

    /** Where a pointer is reported: the {@code name} key of a field or named type, else the element itself. */
    static LocatedJson.Pos position(LocatedJson json, String pointer) {
        String p = json.existing(pointer);
        if (p.equals(pointer) && json.at(p).isObject() && json.at(p).has("name")) {
            return json.locate(p + "/name");
        }
        return json.locate(p);
    }

    /**
     * Earlier versions of a schema, oldest first: {@code name-vN.avsc} files with a smaller N in the
     * same folder, then every committed version of the file on the target branch, then its version
     * at the merge base when the history does not end with it. Earlier versions are parsed leniently;
     * one that does not parse at all is skipped.
     */
    static List<Compatibility.Version> earlierVersions(GateContext ctx, ChangedPath change, SchemaReader head,
            SchemaReader base) {
        List<Compatibility.Version> out = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String sibling : versionedSiblings(change.path(), ctx.head().paths())) {
            add(out, texts, head.read(sibling, false), sibling);
        }
        String basePath = change.oldPath() != null ? change.oldPath() : change.path();
        History history = ctx.history();
        byte[] lastCommitted = null;
        for (History.FileVersion v : history.versionsOf(basePath)) {
            String label = basePath + "@" + v.commitId().substring(0, Math.min(8, v.commitId().length()));
            add(out, texts, base.parseBytes(basePath, v.bytes(), false), label);
            lastCommitted = v.bytes();
        }
        Optional<SourceFile> atBase = change.existedAtBase() ? ctx.base().file(basePath) : Optional.empty();
        if (atBase.isPresent() && (lastCommitted == null || !Arrays.equals(lastCommitted, atBase.get().bytes()))) {
            add(out, texts, base.read(basePath, false), basePath + "@base");
        }
        return out;
    }

    private static void add(List<Compatibility.Version> out, List<String> texts, SchemaReader.Parsed p, String label) {
        if (p.ok() && (texts.isEmpty() || !texts.get(texts.size() - 1).equals(p.text()))) {
            out.add(new Compatibility.Version(label, p.schema(), p.json()));
            texts.add(p.text());
        }
    }

    /** Paths of {@code stem-vK.avsc} in the same folder with K below this file's N, by K. */
    static List<String> versionedSiblings(String path, List<String> all) {
        int slash = path.lastIndexOf('/');
        String folder = path.substring(0, slash + 1);
        Matcher m = VERSIONED.matcher(path.substring(slash + 1));
        if (!m.matches()) {
            return List.of();
        }
        String stem = m.group(1);
        long n = parseVersion(m.group(2));
        TreeMap<Long, String> found = new TreeMap<>();
        for (String other : all) {
            if (!other.startsWith(folder) || other.indexOf('/', folder.length()) >= 0) {
                continue;
            }
            Matcher o = VERSIONED.matcher(other.substring(folder.length()));
            if (o.matches() && o.group(1).equals(stem)) {
                long k = parseVersion(o.group(2));
                if (k < n) {
                    found.put(k, other);
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static long parseVersion(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Subject names of a schema file under the configured strategy. */
    static final class Subjects {
        private final AvroSettings settings;
        private final TopicDeclarations topics;

        Subjects(AvroSettings settings, TopicDeclarations topics) {
            this.settings = settings;
            this.topics = topics;
        }

        /** Topics whose value schema is this file (declarations, then {@code topic-mapping}). */
        List<String> topicsOf(String path) {
            Set<String> out = new LinkedHashSet<>();
            for (TopicDeclarations.Topic t : topics.topics) {
                if (path.equals(t.valueSchema())) {
                    out.add(t.name());
                }
            }
            for (Map.Entry<String, String> e : settings.topicMapping.entrySet()) {
                if (e.getKey().equals(path) || io.mergegate.core.source.Glob.of(e.getKey()).matches(path)) {
                    out.add(e.getValue());
                }
            }
            return List.copyOf(out);
        }

        /** Topics whose key schema is this file. */
        List<String> keyTopicsOf(String path) {
            return topics.topics.stream().filter(t -> path.equals(t.keySchema())).map(TopicDeclarations.Topic::name)
                    .distinct().toList();
        }

        List<String> of(String path, Schema schema) {
            List<String> valueTopics = topicsOf(path);
            List<String> keyTopics = keyTopicsOf(path);
            String record = schema != null && isNamed(schema) ? schema.getFullName() : stem(path);
            List<String> out = new ArrayList<>();
            switch (settings.strategy) {
                case RecordNameStrategy -> out.add(record);
                case TopicRecordNameStrategy -> {
                    valueTopics.forEach(t -> out.add(t + "-" + record));
                    keyTopics.forEach(t -> out.add(t + "-" + record));
                }
                case TopicNameStrategy -> {
                    valueTopics.forEach(t -> out.add(t + "-value"));
                    keyTopics.forEach(t -> out.add(t + "-key"));
                }
            }
            if (out.isEmpty()) {
                out.add(settings.strategy == AvroSettings.Strategy.TopicNameStrategy ? stem(path) + "-value" : record);
            }
            return out.stream().distinct().toList();
        }

        String describe(String path, Schema schema) {
            Set<String> topicNames = new LinkedHashSet<>(topicsOf(path));
            topicNames.addAll(keyTopicsOf(path));
            String s = String.join(", ", of(path, schema));
            return topicNames.isEmpty() ? s : s + " (topic " + String.join(", ", topicNames) + ")";
        }

        static boolean isNamed(Schema s) {
            return s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM
                    || s.getType() == Schema.Type.FIXED;
        }

        /** The file name without extension and without a {@code -vN} suffix. */
        static String stem(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            Matcher m = VERSIONED.matcher(name);
            if (m.matches()) {
                return m.group(1);
            }
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }

    /** The optional live registry check. */
    static final class Registry {
        private final GateContext ctx;
        private final AvroSettings settings;
        private final RegistryClient client;
        private boolean failed;

        Registry(GateContext ctx, AvroSettings settings) {
            this.ctx = ctx;
            this.settings = settings;
            String url = settings.registryUrl;
            if (url == null || url.isBlank()) {
                client = null;
            } else {
                Map<String, String> env = ctx.environment();
                String auth = RegistryClient.authorization(
                        settings.usernameEnv == null ? null : env.get(settings.usernameEnv),
                        settings.passwordEnv == null ? null : env.get(settings.passwordEnv),
                        settings.tokenEnv == null ? null : env.get(settings.tokenEnv));
                client = new RegistryClient(url, settings.registryTimeout, auth);
            }
        }

        void check(String path, SchemaReader.Parsed parsed, List<String> subjects, List<Finding> out) {
            if (client == null || failed) {
                return;
            }
            for (String subject : subjects) {
                try {
                    RegistryClient.Verdict v = client.check(subject, parsed.schema().toString());
                    if (!v.compatible()) {
                        String messages = v.messages().isEmpty() ? "no details given"
                                : v.messages().stream().collect(Collectors.joining("; "));
                        out.add(ctx.report(AvroRuleIds.REGISTRY_INCOMPATIBLE).at(path, 1, 1).key(subject)
                                .arg("subject", subject).arg("url", client.safeUrl()).arg("messages", messages)
                                .build());
                    }
                } catch (RegistryClient.RegistryException e) {
                    failed = true;
                    Finding.Builder b = ctx.report(AvroRuleIds.REGISTRY_ERROR).at(path).key(client.safeUrl())
                            .arg("url", client.safeUrl()).arg("problem", e.getMessage());
                    if (settings.registryErrorIsWarning) {
                        b.severity(Severity.WARNING);
                    }
                    out.add(b.build());
                    return;
                }
            }
        }
    }
}
