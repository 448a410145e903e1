package io.mergegate.checkers.openapi;

import io.mergegate.core.source.SourceFile;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML or JSON into {@link SpecNode}s with positions, within fixed bounds: size, nesting
 * depth, alias count (billion laughs), total node count. Duplicate keys and recursive aliases are
 * errors. Never throws: every failure is a {@link Problem} with the position where known.
 */
final class SpecLoader {

    /** Larger files are refused before parsing. */
    static final long MAX_BYTES = 16L * 1024 * 1024;
    static final int MAX_DEPTH = 200;
    static final int MAX_ALIASES = 50;
    static final int MAX_NODES = 4_000_000;

    private SpecLoader() {
    }

    /** Why a file could not be read as a spec; line and column are 1-based, 0 when unknown. */
    record Problem(String message, int line, int column) {
    }

    /** Either a root node or a problem. */
    record Result(SpecNode root, String text, Problem problem) {
        boolean ok() {
            return problem == null;
        }
    }

    static Result load(SourceFile file) {
        if (file.isSymlink()) {
            return failure("is a symbolic link, not a spec", 0, 0);
        }
        if (file.size() > MAX_BYTES) {
            return failure("is " + file.size() + " bytes, above the limit of " + MAX_BYTES + " bytes", 0, 0);
        }
        byte[] bytes = file.bytes();
        Optional<String> text = SourceFile.decodeUtf8(bytes);
        if (text.isEmpty()) {
            int offset = SourceFile.firstInvalidUtf8Offset(bytes);
            int line = 1;
            int col = 1;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    col = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    col++;
                }
            }
            return failure("is not valid UTF-8 (byte offset " + offset + ")", line, col);
        }
        return parse(text.get());
    }

    static Result parse(String text) {
        if (text.indexOf('\0') >= 0) {
            return failure("contains a NUL character (binary file)", 0, 0);
        }
        String source = looksLikeJson(text) ? tabsOutsideStrings(text) : text;
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // checked below, with the key's position
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setProcessComments(false);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(source)), options),
                    new Resolver(), options);
            Node node = composer.getSingleNode();
            if (node == null) {
                return failure("is empty", 1, 1);
            }
            SpecNode root = new Converter().convert(node, 0);
            return new Result(root, text, null);
        } catch (LoadException e) {
            return failure(e.getMessage(), e.line, e.column);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            return failure("is not valid YAML/JSON: " + oneLine(problem), m == null ? 0 : m.getLine() + 1,
                    m == null ? 0 : m.getColumn() + 1);
        } catch (YAMLException e) {
            return failure("is not valid YAML/JSON: " + oneLine(e.getMessage()), 0, 0);
        } catch (StackOverflowError e) {
            return failure("is nested too deeply", 0, 0);
        } catch (RuntimeException e) {
            return failure("could not be parsed: " + oneLine(String.valueOf(e.getMessage())), 0, 0);
        }
    }

    private static Result failure(String message, int line, int column) {
        return new Result(null, null, new Problem(message, line, column));
    }

    static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** JSON allows tabs between tokens, YAML does not in every position: replace them (columns are kept). */
    private static String tabsOutsideStrings(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        boolean inString = false;
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '\t') {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    private static final class LoadException extends RuntimeException {
        private final int line;
        private final int column;

        LoadException(String message, Mark mark) {
            super(message, null, false, false);
            this.line = mark == null ? 0 : mark.getLine() + 1;
            this.column = mark == null ? 0 : mark.getColumn() + 1;
        }
    }

    /** Node graph to tree; shared (aliased) nodes are converted once, recursion through an alias is refused. */
    private static final class Converter {
        private final Map<Node, SpecNode> done = new IdentityHashMap<>();
        private final Map<Node, Boolean> active = new IdentityHashMap<>();
        private int count;

        SpecNode convert(Node node, int depth) {
            boolean anchored = node.getAnchor() != null;
            SpecNode known = anchored ? done.get(node) : null;
            if (known != null) {
                return known;
            }
            if (anchored && active.containsKey(node)) {
                throw new LoadException("has a recursive YAML alias", node.getStartMark());
            }
            if (depth > MAX_DEPTH) {
                throw new LoadException("is nested deeper than " + MAX_DEPTH + " levels", node.getStartMark());
            }
            if (++count > MAX_NODES) {
                throw new LoadException("has more than " + MAX_NODES + " nodes", node.getStartMark());
            }
            Mark start = node.getStartMark();
            int line = start == null ? 0 : start.getLine() + 1;
            int col = start == null ? 0 : start.getColumn() + 1;
            if (anchored) {
                active.put(node, Boolean.TRUE);
            }
            SpecNode out;
            if (node instanceof ScalarNode s) {
                out = SpecNode.scalar(line, col, s.getValue(), scalarType(s.getTag()));
            } else if (node instanceof SequenceNode seq) {
                List<SpecNode> items = new ArrayList<>(seq.getValue().size());
                for (Node item : seq.getValue()) {
                    items.add(convert(item, depth + 1));
                }
                out = SpecNode.list(line, col, items);
            } else if (node instanceof MappingNode m) {
                Map<String, SpecNode> entries = new LinkedHashMap<>();
                Map<String, int[]> keys = new LinkedHashMap<>();
                List<SpecNode> merges = new ArrayList<>();
                for (NodeTuple t : m.getValue()) {
                    Node k = t.getKeyNode();
                    if (Tag.MERGE.equals(k.getTag())) {
                        SpecNode merged = convert(t.getValueNode(), depth + 1);
                        if (merged.isList()) {
                            merges.addAll(merged.items());
                        } else {
                            merges.add(merged);
                        }
                        continue;
                    }
                    if (!(k instanceof ScalarNode ks)) {
                        throw new LoadException("has a key that is not a scalar", k.getStartMark());
                    }
                    String key = ks.getValue();
                    if (entries.containsKey(key)) {
                        throw new LoadException("has the duplicate key `" + key + "`", k.getStartMark());
                    }
                    keys.put(key, new int[] {k.getStartMark().getLine() + 1, k.getStartMark().getColumn() + 1});
                    entries.put(key, convert(t.getValueNode(), depth + 1));
                }
                for (SpecNode merge : merges) {
                    merge.fields().forEach(entries::putIfAbsent);
                }
                out = SpecNode.map(line, col, entries, keys);
            } else {
                throw new LoadException("has an unsupported node", start);
            }
            if (anchored) {
                active.remove(node);
                done.put(node, out);
            }
            return out;
        }

        private static String scalarType(Tag tag) {
            if (Tag.INT.equals(tag)) {
                return "int";
            }
            if (Tag.FLOAT.equals(tag)) {
                return "float";
            }
            if (Tag.BOOL.equals(tag)) {
                return "bool";
            }
            if (Tag.NULL.equals(tag)) {
                return "null";
            }
            return "str";
        }
    }
}
