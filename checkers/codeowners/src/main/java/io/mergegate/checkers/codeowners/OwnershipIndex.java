package io.mergegate.checkers.codeowners;

import io.mergegate.checkers.codeowners.CodeownersFile.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled rules of one CODEOWNERS file with a lookup index: a path is tested only against
 * the rules whose literal parts it contains (a trie of leading literal segments for anchored
 * patterns, segment names and literal suffixes for the rest), newest rule first.
 */
public final class OwnershipIndex {

    private final CodeownersFile file;
    private final List<CodeownersRule> rules;
    private final Node root = new Node();
    private final Map<String, int[]> byName;
    private final Map<String, int[]> bySuffix;
    /** The distinct lengths of the suffix keys, so a segment is looked up once per length. */
    private final int[] suffixLengths;
    private final int[] always;
    private final boolean exclusions;
    /** Rules that a later line with the same pattern (same section and kind) always overrides. */
    private final boolean[] repeated;

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        int[] rules = new int[0];
    }

    public OwnershipIndex(CodeownersFile file) {
        this.file = file;
        this.rules = file.rules();
        Map<String, List<Integer>> names = new HashMap<>();
        Map<String, List<Integer>> exts = new HashMap<>();
        List<Integer> any = new ArrayList<>();
        for (CodeownersRule r : rules) {
            PatternKey k = r.key();
            switch (k.kind()) {
                case PREFIX -> {
                    Node n = root;
                    for (String s : k.values()) {
                        n = n.children.computeIfAbsent(s, x -> new Node());
                    }
                    n.rules = append(n.rules, r.ordinal());
                }
                case NAME -> names.computeIfAbsent(k.values().get(0), x -> new ArrayList<>()).add(r.ordinal());
                case SUFFIX -> exts.computeIfAbsent(k.values().get(0), x -> new ArrayList<>()).add(r.ordinal());
                default -> any.add(r.ordinal());
            }
        }
        this.byName = toArrays(names);
        this.bySuffix = toArrays(exts);
        this.suffixLengths = exts.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
        this.always = any.stream().mapToInt(Integer::intValue).toArray();
        this.exclusions = rules.stream().anyMatch(CodeownersRule::exclusion);
        this.repeated = new boolean[rules.size()];
        Set<String> later = new HashSet<>();
        for (int i = rules.size() - 1; i >= 0; i--) {
            CodeownersRule r = rules.get(i);
            repeated[i] = !later.add(r.section() + (r.exclusion() ? "!" : " ") + r.pattern());
        }
    }

    /** True when the newest matching line alone decides a path: one section and no exclusions (every GitHub file). */
    boolean firstMatchDecides() {
        return file.sections().size() == 1 && !exclusions;
    }

    private boolean hasExclusions() {
        return exclusions;
    }

    public CodeownersFile file() {
        return file;
    }

    private static Map<String, int[]> toArrays(Map<String, List<Integer>> m) {
        Map<String, int[]> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    /**
     * Candidates contributed by a folder's segments (newest first, without duplicates); reused while
     * consecutive paths share the folder.
     */
    private record DirCandidates(String dir, int[] ordinals, Node node) {
    }

    /** A growable list of ordinals. */
    private static final class Ints {
        int[] values = new int[16];
        int size;

        void addAll(int[] more) {
            if (more == null) {
                return;
            }
            if (size + more.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, values, size, more.length);
            size += more.length;
        }
    }

    /**
     * Resolves paths one after another, reusing the folder work while consecutive paths share a
     * folder; one per thread, so parallel audits do not evict each other's folder.
     */
    public final class Resolver {
        // a plain field is enough: the record is immutable and a stale value is only a cache miss
        private DirCandidates lastDir;

        public Ownership resolve(String path) {
            return OwnershipIndex.this.resolve(path, this);
        }

        /** Ordinals of the rules that may match the path, newest first, without duplicates. */
        int[] candidates(String path) {
            int slash = path.lastIndexOf('/');
            DirCandidates d = folderOf(path, slash);
            int[] own = fileCandidates(d, path.substring(slash + 1));
            int[] dir = d.ordinals();
            int[] out = new int[dir.length + own.length];
            int i = 0;
            int j = 0;
            int m = 0;
            while (i < dir.length || j < own.length) {
                int next = j >= own.length || (i < dir.length && dir[i] > own[j]) ? dir[i++] : own[j++];
                if (m == 0 || out[m - 1] != next) {
                    out[m++] = next;
                }
            }
            return m == out.length ? out : Arrays.copyOf(out, m);
        }

        /**
         * The rule that decides a path of a file with one section and no exclusions (every GitHub
         * file): the newest matching candidate, found by merging the folder's and the file's
         * candidates newest first and stopping at the first match. Null when no line matches.
         */
        CodeownersRule firstMatch(String path) {
            int slash = path.lastIndexOf('/');
            DirCandidates d = folderOf(path, slash);
            int[] own = fileCandidates(d, path.substring(slash + 1));
            int[] dir = d.ordinals();
            int[] cuts = null;
            int i = 0;
            int j = 0;
            int last = -1;
            while (i < dir.length || j < own.length) {
                int next = j >= own.length || (i < dir.length && dir[i] > own[j]) ? dir[i++] : own[j++];
                if (next == last || repeated[next]) {
                    continue;
                }
                last = next;
                CodeownersRule r = rules.get(next);
                if (r.literal() == null && cuts == null) {
                    cuts = PathGlob.cuts(path);
                }
                if (r.matches(path, cuts)) {
                    return r;
                }
            }
            return null;
        }

        private DirCandidates folderOf(String path, int slash) {
            DirCandidates d = lastDir;
            int length = Math.max(slash, 0);
            if (d == null || d.dir().length() != length || !path.startsWith(d.dir())) {
                d = folder(path.substring(0, length));
                lastDir = d;
            }
            return d;
        }
    }

    /** Candidates that depend on the file's own name, newest first, without duplicates. */
    private int[] fileCandidates(DirCandidates d, String name) {
        Ints c = new Ints();
        if (d.node() != null) {
            Node child = d.node().children.get(name);
            c.addAll(child == null ? null : child.rules);
        }
        segment(c, name);
        c.addAll(always);
        return descendingDistinct(c);
    }

    private static int[] descendingDistinct(Ints c) {
        int[] buf = c.values;
        int n = c.size;
        Arrays.sort(buf, 0, n);
        int[] out = new int[n];
        int m = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (m == 0 || out[m - 1] != buf[i]) {
                out[m++] = buf[i];
            }
        }
        return m == n ? out : Arrays.copyOf(out, m);
    }

    private final Resolver shared = new Resolver();

    /** A resolver for one thread's run of paths. */
    public Resolver resolver() {
        return new Resolver();
    }

    int[] candidates(String path) {
        return shared.candidates(path);
    }

    /** Rules keyed by a segment's name or by one of its suffixes ({@code .md}, {@code Test.java}). */
    private void segment(Ints c, String seg) {
        c.addAll(byName.get(seg));
        for (int length : suffixLengths) {
            if (length > seg.length()) {
                break;
            }
            c.addAll(bySuffix.get(seg.substring(seg.length() - length)));
        }
    }

    private DirCandidates folder(String dir) {
        Ints c = new Ints();
        Node node = root;
        if (!dir.isEmpty()) {
            int start = 0;
            for (int i = 0; i <= dir.length(); i++) {
                if (i < dir.length() && dir.charAt(i) != '/') {
                    continue;
                }
                String seg = dir.substring(start, i);
                start = i + 1;
                if (node != null) {
                    node = node.children.get(seg);
                    c.addAll(node == null ? null : node.rules);
                }
                segment(c, seg);
            }
        }
        return new DirCandidates(dir, descendingDistinct(c), node);
    }

    /** Who owns a path: one decision per section (GitHub has one section). */
    public Ownership resolve(String path) {
        return resolve(path, shared);
    }

    private Ownership resolve(String path, Resolver resolver) {
        List<Section> sections = file.sections();
        CodeownersRule[] decided = new CodeownersRule[sections.size()];
        boolean[] excluded = new boolean[sections.size()];
        int open = sections.size();
        boolean hasExclusions = hasExclusions();
        int[] cuts = PathGlob.cuts(path);
        for (int ordinal : resolver.candidates(path)) {
            if (repeated[ordinal]) {
                continue;
            }
            CodeownersRule r = rules.get(ordinal);
            int s = r.section();
            if (r.exclusion() ? excluded[s] : decided[s] != null) {
                continue;
            }
            if (!r.matches(path, cuts)) {
                continue;
            }
            if (r.exclusion()) {
                excluded[s] = true;
            } else {
                decided[s] = r;
                open--;
                if (open == 0 && !hasExclusions) {
                    break;
                }
            }
        }
        List<Ownership.SectionOwnership> out = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            if (decided[s] != null || excluded[s]) {
                out.add(new Ownership.SectionOwnership(sections.get(s), decided[s], excluded[s]));
            }
        }
        return new Ownership(path, out);
    }

    /** Every rule that matches the path, newest first (for lint rules). */
    public List<CodeownersRule> allMatches(String path) {
        List<CodeownersRule> out = new ArrayList<>();
        int[] cuts = PathGlob.cuts(path);
        for (int ordinal : candidates(path)) {
            CodeownersRule r = rules.get(ordinal);
            if (r.matches(path, cuts)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The effective owners of a path, in one ownership decision.
     *
     * @param path     the file
     * @param sections one entry per section with a matching rule or exclusion
     */
    public record Ownership(String path, List<SectionOwnership> sections) {

        /**
         * The decision of one section.
         *
         * @param section  the section
         * @param rule     the deciding rule, or null when only an exclusion matched
         * @param excluded a GitLab exclusion matched, so the section does not apply
         */
        public record SectionOwnership(Section section, CodeownersRule rule, boolean excluded) {

            public List<String> owners() {
                return excluded || rule == null ? List.of() : rule.owners();
            }
        }

        /** Owners across sections, in order, without duplicates. */
        public List<String> owners() {
            if (sections.size() == 1 && distinct(sections.get(0).owners())) {
                return sections.get(0).owners(); // the usual case (GitHub has one section): no copy per file
            }
            Set<String> out = new LinkedHashSet<>();
            sections.forEach(s -> out.addAll(s.owners()));
            return List.copyOf(out);
        }

        private static boolean distinct(List<String> owners) {
            for (int i = 1; i < owners.size(); i++) {
                if (owners.subList(0, i).contains(owners.get(i))) {
                    return false;
                }
            }
            return true;
        }

        public boolean isOwned() {
            for (SectionOwnership s : sections) {
                if (!s.owners().isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        /** The rule that decided the first section that has one, or null. */
        public CodeownersRule decidingRule() {
            for (SectionOwnership s : sections) {
                if (s.rule() != null && !s.excluded()) {
                    return s.rule();
                }
            }
            return sections.isEmpty() ? null : sections.get(0).rule();
        }
    }
}
