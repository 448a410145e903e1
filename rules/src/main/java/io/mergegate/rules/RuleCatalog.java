package io.mergegate.rules;

import io.mergegate.core.RuleDescriptor;
import io.mergegate.core.RuleStatus;
import io.mergegate.core.source.ClasspathFolder;
import io.mergegate.core.Severity;
import io.mergegate.core.spi.RuleBook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
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

    /** Reads one rule file ({@code <family>/<name>.md}) as text, or null when there is none. */
    private final Function<String, String> reader;
    /** Every rule file, for listings; only {@link #all()} pays for it. */
    private final Supplier<Map<String, String>> lister;
    private final Map<String, RuleDescriptor> rules = new TreeMap<>();
    private final Map<String, String> bodies = new TreeMap<>();
    private final java.util.Set<String> absent = new java.util.HashSet<>();
    private boolean complete;
    private Yaml yaml;

    /**
     * Rules are read one file at a time by id, so a run reads only the rules it reports on: listing a
     * folder inside the shaded jar means walking all of its entries, a cost every pre-commit run paid.
     */
    private RuleCatalog(Function<String, String> reader, Supplier<Map<String, String>> lister) {
        this.reader = reader;
        this.lister = lister;
    }

    /** Parses and remembers one rule file. */
    private void add(String file, String text) {
        Parsed p = parse(this::yaml, file, text);
        rules.put(p.rule().id(), p.rule());
        bodies.put(p.rule().id(), p.body());
    }

    /** Reads the rule's file the first time it is asked for. */
    private void ensure(String ruleId) {
        if (complete || rules.containsKey(ruleId) || absent.contains(ruleId)) {
            return;
        }
        String text = ID.matcher(ruleId).matches() ? reader.apply(ruleId + ".md") : null;
        if (text == null) {
            absent.add(ruleId);
        } else {
            add(ruleId + ".md", text);
        }
    }

    private void ensureAll() {
        if (!complete) {
            lister.get().forEach((file, text) -> {
                if (!rules.containsKey(file.substring(0, file.length() - ".md".length()))) {
                    add(file, text);
                }
            });
            complete = true;
        }
    }

    /** One loader for all files, made only when a front matter is beyond the fast reader. */
    private Yaml yaml() {
        if (yaml == null) {
            yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        }
        return yaml;
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
        return new RuleCatalog(file -> {
            try (InputStream in = loader.getResourceAsStream(ROOT + "/" + file)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule file " + file, e);
            }
        }, () -> {
            Map<String, String> sources = new TreeMap<>();
            try {
                Enumeration<URL> roots = loader.getResources(ROOT);
                while (roots.hasMoreElements()) {
                    collect(roots.nextElement(), sources);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the rule catalogue", e);
            }
            return sources;
        });
    }

    /**
     * Loads the catalogue from a source folder (the rules module's resources), so fixture tests see
     * rule files added in the same change without reinstalling the rules jar.
     */
    public static RuleCatalog loadDirectory(Path dir) {
        return new RuleCatalog(file -> {
            Path f = dir.resolve(file);
            try {
                return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule file " + f, e);
            }
        }, () -> {
            Map<String, String> sources = new TreeMap<>();
            try {
                collect(dir.toUri().toURL(), sources);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the rule catalogue in " + dir, e);
            }
            return sources;
        });
    }

    /** Adds the rule files ({@code <family>/<name>.md}) below a class-path folder URL to {@code out}. */
    private static void collect(URL root, Map<String, String> out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        ClasspathFolder.read(root, files);
        files.forEach((name, bytes) -> {
            if (name.endsWith(".md") && name.indexOf('/') > 0) {
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
        ensure(ruleId);
        return Optional.ofNullable(rules.get(ruleId));
    }

    @Override
    public synchronized Collection<RuleDescriptor> all() {
        ensureAll();
        return Collections.unmodifiableCollection(new ArrayList<>(rules.values()));
    }

    /** The Markdown body (why, how to fix, example) of a rule. */
    public synchronized String body(String ruleId) {
        ensure(ruleId);
        return bodies.getOrDefault(ruleId, "");
    }

    public synchronized List<RuleDescriptor> family(String family) {
        ensureAll();
        return rules.values().stream().filter(r -> r.family().equals(family)).toList();
    }
}
