package io.mergegate.rules;

import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RuleStatus;
import io.mergegate.core.source.ClasspathFolder;
import io.mergegate.core.Severity;
import io.mergegate.core.spi.RuleBook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rule catalogue: one Markdown file with YAML front matter per rule under
 * {@code mergegate-rules/<family>/<name>.md} on the class path. Loaded once; ids are unique.
 */
public final class RuleCatalog implements RuleBook {

    /** Class-path folder holding the rule files. */
    public static final String ROOT = "mergegate-rules";

    /** Where the generated docs live in the repository, relative to its root; help URIs point there. */
    public static final String DOCS_BASE = "https://github.com/mergegate/mergegate/blob/main/docs/rules/";

    private static final java.util.regex.Pattern ID =
            java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*");

    private static volatile RuleCatalog builtIn;

    /** Rule file texts by family, then by file; a family is parsed the first time it is asked for. */
    private final Map<String, Map<String, String>> sources;
    private final Map<String, RuleDescriptor> rules = new TreeMap<>();
    private final Map<String, String> bodies = new TreeMap<>();
    private final java.util.Set<String> parsedFamilies = new java.util.HashSet<>();
    private Yaml yaml;

    private RuleCatalog(Map<String, String> files) {
        Map<String, Map<String, String>> byFamily = new TreeMap<>();
        files.forEach((file, text) -> {
            int slash = file.indexOf('/');
            String family = slash < 0 ? "" : file.substring(0, slash);
            byFamily.computeIfAbsent(family, f -> new TreeMap<>()).put(file, text);
        });
        this.sources = byFamily;
    }

    /** Parses a family's rule files once; a command that needs a few families never parses the rest. */
    private synchronized void ensure(String family) {
        if (!parsedFamilies.add(family)) {
            return;
        }
        for (Map.Entry<String, String> e : sources.getOrDefault(family, Map.of()).entrySet()) {
            Parsed p = parse(this::yaml, e.getKey(), e.getValue());
            if (rules.put(p.rule().id(), p.rule()) != null) {
                throw new IllegalStateException("duplicate rule id " + p.rule().id() + " in " + e.getKey());
            }
            bodies.put(p.rule().id(), p.body());
        }
    }

    private synchronized void ensureAll() {
        sources.keySet().forEach(this::ensure);
    }

    /** One loader for all files, made only when a front matter is beyond the fast reader. */
    private Yaml yaml() {
        if (yaml == null) {
            yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        }
        return yaml;
    }

    private static String familyOf(String ruleId) {
        int slash = ruleId.indexOf('/');
        return slash < 0 ? ruleId : ruleId.substring(0, slash);
    }

    /** The catalogue on the class path, loaded once. */
    public static RuleCatalog builtIn() {
        RuleCatalog c = builtIn;
        if (c == null) {
            synchronized (RuleCatalog.class) {
                c = builtIn;
                if (c == null) {
                    c = load(RuleCatalog.class.getClassLoader());
                    builtIn = c;
                }
            }
        }
        return c;
    }

    public static RuleCatalog load(ClassLoader loader) {
        Map<String, String> sources = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(ROOT);
            while (roots.hasMoreElements()) {
                collect(roots.nextElement(), sources);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule catalogue", e);
        }
        return fromSources(sources);
    }

    private static RuleCatalog fromSources(Map<String, String> sources) {
        return new RuleCatalog(sources);
    }

    /**
     * Loads the catalogue from a source folder (the rules module's resources), so fixture tests see
     * rule files added in the same change without reinstalling the rules jar.
     */
    public static RuleCatalog loadDirectory(Path dir) {
        Map<String, String> sources = new TreeMap<>();
        try {
            collect(dir.toUri().toURL(), sources);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule catalogue in " + dir, e);
        }
        return fromSources(sources);
    }

    /** Adds the rule files ({@code *.md}) below a class-path folder URL to {@code out}. */
    private static void collect(URL root, Map<String, String> out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        ClasspathFolder.read(root, files);
        files.forEach((name, bytes) -> {
            if (name.endsWith(".md")) {
                out.putIfAbsent(name, new String(bytes, StandardCharsets.UTF_8));
            }
        });
    }

    /** A parsed rule file. */
    record Parsed(RuleDescriptor rule, String body) {
    }

    /** Parses one rule file; {@code file} is {@code <family>/<name>.md} and must agree with the id. */
    static Parsed parse(java.util.function.Supplier<Yaml> yaml, String file, String text) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) {
            throw new IllegalStateException(file + ": a rule file starts with YAML front matter between --- lines");
        }
        int end = t.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalStateException(file + ": front matter is not closed by a --- line");
        }
        String frontText = t.substring(4, end);
        Object front = FrontMatter.parse(frontText).map(x -> (Object) x).orElseGet(() -> yaml.get().load(frontText));
        if (!(front instanceof Map<?, ?> m)) {
            throw new IllegalStateException(file + ": front matter is not a YAML map");
        }
        String body = t.substring(end + 5).strip();
        String id = req(file, m, "id");
        String expectedFile = id + ".md";
        if (!expectedFile.equals(file)) {
            throw new IllegalStateException(file + ": id " + id + " belongs in " + expectedFile);
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalStateException(file + ": id must be family/kebab-case");
        }
        Severity severity = Severity.parse(req(file, m, "severity"))
                .orElseThrow(() -> new IllegalStateException(file + ": severity must be error, warning or note"));
        RuleStatus status = RuleStatus.valueOf(String.valueOf(m.containsKey("status") ? m.get("status") : "stable")
                .toUpperCase(java.util.Locale.ROOT));
        List<String> tags = new ArrayList<>();
        if (m.get("tags") instanceof List<?> l) {
            l.forEach(x -> tags.add(String.valueOf(x)));
        }
        boolean enabled = !Boolean.FALSE.equals(m.get("enabled"));
        RuleDescriptor rule = new RuleDescriptor(id, severity, status, req(file, m, "summary"), req(file, m, "message"),
                body, section(body, "Example"), DOCS_BASE + id + ".md", tags,
                m.get("replaced-by") == null ? "" : String.valueOf(m.get("replaced-by")), enabled);
        return new Parsed(rule, body);
    }

    private static String req(String file, Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalStateException(file + ": front matter needs '" + key + "'");
        }
        return String.valueOf(v).strip();
    }

    /** The text of a {@code ## Heading} section, or empty. */
    static String section(String body, String heading) {
        String marker = "## " + heading;
        int at = body.indexOf("\n" + marker);
        int start = body.startsWith(marker) ? 0 : at < 0 ? -1 : at + 1;
        if (start < 0) {
            return "";
        }
        int from = body.indexOf('\n', start);
        if (from < 0) {
            return "";
        }
        int next = body.indexOf("\n## ", from);
        return body.substring(from + 1, next < 0 ? body.length() : next).strip();
    }

    @Override
    public synchronized Optional<RuleDescriptor> find(String ruleId) {
        ensure(familyOf(ruleId));
        return Optional.ofNullable(rules.get(ruleId));
    }

    @Override
    public synchronized Collection<RuleDescriptor> all() {
        ensureAll();
        return Collections.unmodifiableCollection(new ArrayList<>(rules.values()));
    }

    /** The Markdown body (why, how to fix, example) of a rule. */
    public synchronized String body(String ruleId) {
        ensure(familyOf(ruleId));
        return bodies.getOrDefault(ruleId, "");
    }

    public List<RuleDescriptor> family(String family) {
        synchronized (this) {
            ensure(family);
            return rules.values().stream().filter(r -> r.family().equals(family)).toList();
        }
    }
}
