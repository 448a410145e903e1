package io.mergegate.checkers.avro;

import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Kafka topic declarations: YAML or JSON files holding one topic (a map with {@code name}), a list of
 * topics, or a map with a {@code topics} list. Each topic may name its key and value schema files and
 * the subjects it expects.
 */
final class TopicDeclarations {

    /** One declared topic. Schema paths are repository-relative, or null. */
    record Topic(String file, int line, String name, String valueSchema, String keySchema, String valueSubject,
            String keySubject, int valueSubjectLine, int keySubjectLine) {
    }

    /** A declaration file that could not be read. */
    record Problem(String file, int line, String message) {
    }

    final List<Topic> topics = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    static TopicDeclarations read(SourceTree tree, Predicate<String> isDeclaration, long maxBytes) {
        TopicDeclarations d = new TopicDeclarations();
        for (String path : tree.paths()) {
            if (isDeclaration.test(path)) {
                tree.file(path).ifPresent(f -> d.readFile(tree, f, maxBytes));
            }
        }
        return d;
    }

    private void readFile(SourceTree tree, SourceFile f, long maxBytes) {
        if (f.isSymlink() || f.size() > maxBytes || f.isBinary()) {
            problems.add(new Problem(f.path(), 1, "is not a readable topic declaration (binary, link or too large)"));
            return;
        }
        Optional<String> text = f.utf8();
        if (text.isEmpty()) {
            problems.add(new Problem(f.path(), 1, "is not valid UTF-8"));
            return;
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            options.setNestingDepthLimit(100);
            root = new Yaml(options).compose(new StringReader(text.get()));
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            int line = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null
                    ? m.getProblemMark().getLine() + 1 : 1;
            problems.add(new Problem(f.path(), line, "is not valid YAML/JSON: " + msg));
            return;
        }
        if (root == null) {
            return;
        }
        List<Node> entries = new ArrayList<>();
        if (root instanceof SequenceNode seq) {
            entries.addAll(seq.getValue());
        } else if (root instanceof MappingNode map) {
            Node list = value(map, "topics");
            if (list instanceof SequenceNode seq) {
                entries.addAll(seq.getValue());
            } else {
                entries.add(map);
            }
        }
        for (Node entry : entries) {
            if (!(entry instanceof MappingNode m) || scalar(m, "name") == null) {
                problems.add(new Problem(f.path(), entry.getStartMark().getLine() + 1,
                        "declares a topic without a `name`"));
                continue;
            }
            Node nameNode = value(m, "name");
            topics.add(new Topic(f.path(), nameNode.getStartMark().getLine() + 1, scalar(m, "name"),
                    schemaPath(tree, f.path(), first(m, "value-schema", "valueSchema", "schema")),
                    schemaPath(tree, f.path(), first(m, "key-schema", "keySchema")),
                    first(m, "value-subject", "valueSubject", "subject"), first(m, "key-subject", "keySubject"),
                    line(m, "value-subject", "valueSubject", "subject"), line(m, "key-subject", "keySubject")));
        }
    }

    /** A schema path as written: relative to the declaration's folder when that file exists, else to the root. */
    private static String schemaPath(SourceTree tree, String declaration, String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String w = written.startsWith("./") ? written.substring(2) : written;
        if (w.startsWith("/")) {
            return w.substring(1);
        }
        int slash = declaration.lastIndexOf('/');
        if (slash > 0) {
            String relative = normalize(declaration.substring(0, slash) + "/" + w);
            if (relative != null && tree.contains(relative)) {
                return relative;
            }
        }
        return w;
    }

    private static String normalize(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.remove(out.size() - 1);
            } else if (!s.isEmpty() && !s.equals(".")) {
                out.add(s);
            }
        }
        return String.join("/", out);
    }

    private static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(MappingNode m, String key) {
        return value(m, key) instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String first(MappingNode m, String... keys) {
        for (String k : keys) {
            String v = scalar(m, k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static int line(MappingNode m, String... keys) {
        for (String k : keys) {
            Node v = value(m, k);
            if (v != null) {
                return v.getStartMark().getLine() + 1;
            }
        }
        return m.getStartMark().getLine() + 1;
    }
}
