package io.mergegate.checkers.openapi;

import io.mergegate.core.source.SourceFile;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
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
            Parser parser = new ParserImpl(new StreamReader(new StringReader(source)), options);
            SpecNode root = new Builder(parser).document();
            if (root == null) {
                return failure("is empty", 1, 1);
            }
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

    /**
     * Builds the tree straight from parser events, so no intermediate node graph (with its marks)
     * is kept: memory stays proportional to the content. Anchored nodes are built once and shared
     * by their aliases; an alias to a node still being built (recursion) is refused.
     */
    private static final class Builder {
        private final Parser parser;
        private final Resolver resolver = new Resolver();
        private final Map<String, SpecNode> anchors = new HashMap<>();
        private final Set<String> open = new HashSet<>();
        private final Map<String, String> strings = new HashMap<>();
        private int nodes;
        private int aliases;
        /** Nodes counted with every alias expanded: what a consumer that copies the tree would build. */
        private long expanded;
        private final Map<String, Long> anchorSizes = new HashMap<>();

        Builder(Parser parser) {
            this.parser = parser;
        }

        SpecNode document() {
            expect(StreamStartEvent.class);
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                return null;
            }
            expect(DocumentStartEvent.class);
            SpecNode root = node(0);
            expect(DocumentEndEvent.class);
            if (!parser.checkEvent(Event.ID.StreamEnd)) {
                throw new LoadException("holds more than one YAML document", parser.peekEvent().getStartMark());
            }
            return root;
        }

        private void expect(Class<? extends Event> type) {
            Event e = parser.getEvent();
            if (!type.isInstance(e)) {
                throw new LoadException("has an unexpected YAML structure", e.getStartMark());
            }
        }

        private String intern(String s) {
            if (s.length() > 64) {
                return s;
            }
            String known = strings.putIfAbsent(s, s);
            return known == null ? s : known;
        }

        private SpecNode node(int depth) {
            Event e = parser.getEvent();
            Mark start = e.getStartMark();
            if (e instanceof AliasEvent alias) {
                String anchor = alias.getAnchor();
                if (open.contains(anchor)) {
                    throw new LoadException("has a recursive YAML alias `" + anchor + "`", start);
                }
                SpecNode target = anchors.get(anchor);
                if (target == null) {
                    throw new LoadException("uses the undefined YAML alias `" + anchor + "`", start);
                }
                if (!target.isScalar() && ++aliases > MAX_ALIASES) {
                    throw new LoadException("uses more than " + MAX_ALIASES + " YAML aliases for collections", start);
                }
                expanded += anchorSizes.getOrDefault(anchor, 1L);
                if (expanded > MAX_NODES) {
                    throw new LoadException("expands to more than " + MAX_NODES + " nodes through YAML aliases", start);
                }
                return target;
            }
            if (depth > MAX_DEPTH) {
                throw new LoadException("is nested deeper than " + MAX_DEPTH + " levels", start);
            }
            if (++nodes > MAX_NODES) {
                throw new LoadException("has more than " + MAX_NODES + " nodes", start);
            }
            long expandedBefore = expanded++;
            if (expanded > MAX_NODES) {
                throw new LoadException("expands to more than " + MAX_NODES + " nodes through YAML aliases", start);
            }
            int line = start == null ? 0 : start.getLine() + 1;
            int col = start == null ? 0 : start.getColumn() + 1;
            String anchor = e instanceof NodeEvent ne ? ne.getAnchor() : null;
            if (anchor != null) {
                open.add(anchor);
            }
            SpecNode out;
            if (e instanceof ScalarEvent s) {
                out = SpecNode.scalar(line, col, intern(s.getValue()), scalarType(s));
            } else if (e instanceof SequenceStartEvent) {
                List<SpecNode> items = new ArrayList<>();
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    items.add(node(depth + 1));
                }
                parser.getEvent();
                out = SpecNode.list(line, col, items);
            } else if (e instanceof MappingStartEvent) {
                Map<String, SpecNode> entries = new LinkedHashMap<>();
                List<SpecNode> merges = new ArrayList<>();
                while (!parser.checkEvent(Event.ID.MappingEnd)) {
                    Event k = parser.peekEvent();
                    if (!(k instanceof ScalarEvent ks)) {
                        throw new LoadException("has a key that is not a scalar", k.getStartMark());
                    }
                    SpecNode key = node(depth + 1);
                    SpecNode value = node(depth + 1);
                    value.keyAt(key.line(), key.column());
                    if (key.text().equals("<<") && ks.getImplicit().canOmitTagInPlainScalar()) {
                        merges.addAll(value.isList() ? value.items() : List.of(value));
                        continue;
                    }
                    if (entries.putIfAbsent(key.text(), value) != null) {
                        throw new LoadException("has the duplicate key `" + key.text() + "`", k.getStartMark());
                    }
                }
                parser.getEvent();
                for (SpecNode merge : merges) {
                    merge.fields().forEach(entries::putIfAbsent);
                }
                out = SpecNode.map(line, col, entries);
            } else {
                throw new LoadException("has an unexpected YAML event", start);
            }
            if (anchor != null) {
                open.remove(anchor);
                anchors.put(anchor, out);
                anchorSizes.put(anchor, expanded - expandedBefore);
            }
            return out;
        }

        private String scalarType(ScalarEvent s) {
            String tag = s.getTag();
            String v = s.getValue();
            if (tag == null && (!s.getImplicit().canOmitTagInPlainScalar() || v.isEmpty()
                    || "0123456789-+.~tfnyoTFNYO".indexOf(v.charAt(0)) < 0)) {
                return v.isEmpty() && s.getImplicit().canOmitTagInPlainScalar() ? "null" : "str";
            }
            Tag resolved;
            if (tag != null && !tag.equals("!")) {
                resolved = new Tag(tag);
            } else {
                resolved = resolver.resolve(NodeId.scalar, s.getValue(), s.getImplicit().canOmitTagInPlainScalar());
            }
            if (Tag.INT.equals(resolved)) {
                return "int";
            }
            if (Tag.FLOAT.equals(resolved)) {
                return "float";
            }
            if (Tag.BOOL.equals(resolved)) {
                return "bool";
            }
            if (Tag.NULL.equals(resolved)) {
                return "null";
            }
            return "str";
        }
    }
}
