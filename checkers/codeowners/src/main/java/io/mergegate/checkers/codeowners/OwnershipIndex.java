package io.mergegate.checkers.codeowners;

import io.mergegate.checkers.codeowners.CodeownersFile.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled rules of one CODEOWNERS file with a lookup index: a path is tested only against
 * the rules whose literal parts it contains (a trie of leading literal segments for anchored
 * patterns, segment names and extensions for the rest), newest rule first.
 */
public final class OwnershipIndex {

    private final CodeownersFile file;
    private final List<CodeownersRule> rules;
    private final Node root = new Node();
    private final Map<String, int[]> byName;
    private final Map<String, int[]> byExtension;
    private final int[] always;

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
                case EXTENSION -> exts.computeIfAbsent(k.values().get(0), x -> new ArrayList<>()).add(r.ordinal());
                default -> any.add(r.ordinal());
            }
        }
        this.byName = toArrays(names);
        this.byExtension = toArrays(exts);
        this.always = any.stream().mapToInt(Integer::intValue).toArray();
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

    /** Ordinals of the rules that may match the path, newest first, without duplicates. */
    int[] candidates(String path) {
        int[] buf = new int[16];
        int n = 0;
        Node node = root;
        int start = 0;
        boolean walking = true;
        for (int i = 0; i <= path.length(); i++) {
            if (i < path.length() && path.charAt(i) != '/') {
                continue;
            }
            String seg = path.substring(start, i);
            start = i + 1;
            if (walking) {
                node = node.children.get(seg);
                if (node == null) {
                    walking = false;
                } else {
                    buf = add(buf, n, node.rules);
                    n += node.rules.length;
                }
            }
            int[] named = byName.get(seg);
            if (named != null) {
                buf = add(buf, n, named);
                n += named.length;
            }
            int dot = seg.lastIndexOf('.');
            if (dot >= 0 && dot < seg.length() - 1) {
                int[] ext = byExtension.get(seg.substring(dot + 1));
                if (ext != null) {
                    buf = add(buf, n, ext);
                    n += ext.length;
                }
            }
        }
        buf = add(buf, n, always);
        n += always.length;
        Arrays.sort(buf, 0, n);
        int[] out = new int[n];
        int m = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (m == 0 || out[m - 1] != buf[i]) {
                out[m++] = buf[i];
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static int[] add(int[] buf, int n, int[] more) {
        if (n + more.length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more.length));
        }
        System.arraycopy(more, 0, buf, n, more.length);
        return buf;
    }

    /** Who owns a path: one decision per section (GitHub has one section). */
    public Ownership resolve(String path) {
        List<Section> sections = file.sections();
        CodeownersRule[] decided = new CodeownersRule[sections.size()];
        boolean[] excluded = new boolean[sections.size()];
        int open = sections.size();
        boolean hasExclusions = file.platform() == Platform.GITLAB;
        for (int ordinal : candidates(path)) {
            CodeownersRule r = rules.get(ordinal);
            int s = r.section();
            if (r.exclusion() ? excluded[s] : decided[s] != null) {
                continue;
            }
            if (!r.matches(path)) {
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
        for (int ordinal : candidates(path)) {
            CodeownersRule r = rules.get(ordinal);
            if (r.matches(path)) {
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
            Set<String> out = new LinkedHashSet<>();
            sections.forEach(s -> out.addAll(s.owners()));
            return List.copyOf(out);
        }

        public boolean isOwned() {
            return !owners().isEmpty();
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
