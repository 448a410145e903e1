package io.mergegate.checkers.openapi;

import io.mergegate.core.source.SourceFile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The documents of one side (base or head): loads files on demand through the source tree,
 * parses each once, and follows {@code $ref}s inside a file and to other files of the repository.
 * Remote references are never fetched; they stay unresolved.
 */
final class Workspace {

    private static final int MAX_HOPS = 64;

    private final Function<String, Optional<SourceFile>> files;
    private final Map<String, SpecLoader.Result> loaded = new HashMap<>();
    private final Map<String, Unresolved> unresolved = new LinkedHashMap<>();

    /**
     * A {@code $ref} that leads nowhere, so what it names was not compared.
     *
     * @param at     the {@code $ref} value
     * @param ref    the reference as written
     * @param target the repository file it names, or null (remote, or outside the repository)
     * @param reason why it cannot be followed
     */
    record Unresolved(Located at, String ref, String target, String reason) {
        boolean remote() {
            return Workspace.remote(ref);
        }
    }

    Workspace(Function<String, Optional<SourceFile>> files) {
        this.files = files;
    }

    /** A side where {@code path} is an empty document: what a deleted spec is compared with. */
    static Workspace deleted(String path) {
        Workspace ws = new Workspace(p -> Optional.empty());
        ws.loaded.put(path, new SpecLoader.Result(SpecNode.map(0, 0, new java.util.LinkedHashMap<>()), "",
                null));
        return ws;
    }

    /** The parse result of a file, or empty when the file does not exist on this side. */
    Optional<SpecLoader.Result> load(String path) {
        if (loaded.containsKey(path)) {
            return Optional.ofNullable(loaded.get(path));
        }
        SpecLoader.Result r = files.apply(path).map(SpecLoader::load).orElse(null);
        loaded.put(path, r);
        return Optional.ofNullable(r);
    }

    Located root(String path) {
        SpecLoader.Result r = load(path).orElse(null);
        return new Located(path, "", r == null || !r.ok() ? null : r.root());
    }

    /** Nested ref resolutions (a ref whose pointer passes through another ref) deeper than this are a dead end. */
    private static final int MAX_NESTING = 64;

    private int nesting;

    /** Follows {@code $ref} until a node without one; cycles and dead ends return the last node reached. */
    Located resolve(Located at) {
        if (nesting >= MAX_NESTING) {
            return at;
        }
        nesting++;
        try {
            return resolveRefs(at);
        } finally {
            nesting--;
        }
    }

    private Located resolveRefs(Located at) {
        Located cur = at;
        for (int hop = 0; hop < MAX_HOPS && cur.node() != null && cur.node().isMap(); hop++) {
            String ref = cur.node().string("$ref");
            if (ref == null) {
                return cur;
            }
            Located next = target(cur.file(), ref);
            if (next == null || next.node() == null) {
                Located holder = cur;
                unresolved.computeIfAbsent(holder.file() + "#" + holder.pointer(), k -> unresolved(holder, ref));
                return cur;
            }
            cur = next;
        }
        return cur;
    }

    /** The name a {@code $ref} points at (last pointer segment), or null when the node has no ref. */
    static String refName(SpecNode node) {
        String ref = node == null ? null : node.string("$ref");
        if (ref == null) {
            return null;
        }
        int slash = ref.lastIndexOf('/');
        return slash < 0 ? ref : Located.unescape(ref.substring(slash + 1));
    }

    /** The refs found unresolvable since the last call, in the order they were met; forgets them. */
    List<Unresolved> drainUnresolved() {
        List<Unresolved> out = new ArrayList<>(unresolved.values());
        unresolved.clear();
        return out;
    }

    private Unresolved unresolved(Located at, String ref) {
        Located value = at.child("$ref");
        if (remote(ref)) {
            return new Unresolved(value, ref, null, "remote references are not fetched");
        }
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String file = filePart.isEmpty() ? at.file() : relative(at.file(), filePart);
        if (file == null) {
            return new Unresolved(value, ref, null, "it points outside the repository");
        }
        Optional<SpecLoader.Result> r = load(file);
        String reason = r.isEmpty() ? "`" + file + "` does not exist"
                : !r.get().ok() ? "`" + file + "` cannot be parsed"
                : "`" + file + "` has nothing at `#" + (hash < 0 ? "" : ref.substring(hash + 1)) + "`";
        return new Unresolved(value, ref, file, reason);
    }

    private static boolean remote(String ref) {
        return ref.startsWith("http:") || ref.startsWith("https:") || ref.startsWith("file:") || ref.startsWith("//");
    }

    private Located target(String fromFile, String ref) {
        if (remote(ref)) {
            return null;
        }
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        String file = filePart.isEmpty() ? fromFile : relative(fromFile, filePart);
        if (file == null) {
            return null;
        }
        Located root = root(file);
        if (root.node() == null) {
            return null;
        }
        return walk(root, URLDecoder.decode(pointer.replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    /** Walks a JSON pointer from a document root, following refs on the way. */
    Located walk(Located root, String pointer) {
        Located cur = root;
        if (pointer.isEmpty() || pointer.equals("/")) {
            return cur;
        }
        String[] segments = pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1);
        for (String raw : segments) {
            cur = resolve(cur);
            if (cur.node() == null) {
                return cur;
            }
            String seg = Located.unescape(raw);
            if (cur.node().isList()) {
                try {
                    cur = cur.item(Integer.parseInt(seg));
                } catch (NumberFormatException e) {
                    return new Located(cur.file(), cur.pointer() + "/" + raw, null);
                }
            } else {
                cur = cur.child(seg);
            }
        }
        return cur;
    }

    /** Resolves a relative file reference against the referring file; null when it leaves the repository. */
    static String relative(String fromFile, String ref) {
        if (ref.startsWith("/")) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        int slash = fromFile.lastIndexOf('/');
        if (slash > 0) {
            for (String p : fromFile.substring(0, slash).split("/")) {
                parts.addLast(p);
            }
        }
        for (String p : ref.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
