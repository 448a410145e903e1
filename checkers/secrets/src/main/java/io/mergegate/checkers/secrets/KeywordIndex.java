package io.mergegate.checkers.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over bytes with ASCII case folding, compiled to a dense transition table so
 * the scan costs one array lookup per byte. Finds every occurrence of every keyword in one pass.
 */
final class KeywordIndex {

    private static final byte[] FOLD = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            FOLD[i] = (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i);
        }
    }

    private final String[] keywords;
    private final int[] lengths;
    private final int[] next;
    private final int[][] outputs;

    KeywordIndex(List<String> words) {
        this.keywords = words.toArray(String[]::new);
        this.lengths = new int[keywords.length];
        List<int[]> gotos = new ArrayList<>();
        List<int[]> outs = new ArrayList<>();
        gotos.add(filled());
        outs.add(new int[0]);
        for (int k = 0; k < keywords.length; k++) {
            byte[] w = keywords[k].getBytes(StandardCharsets.ISO_8859_1);
            lengths[k] = w.length;
            int s = 0;
            for (byte b : w) {
                int c = FOLD[b & 0xff] & 0xff;
                if (gotos.get(s)[c] < 0) {
                    gotos.get(s)[c] = gotos.size();
                    gotos.add(filled());
                    outs.add(new int[0]);
                }
                s = gotos.get(s)[c];
            }
            outs.set(s, append(outs.get(s), k));
        }
        int n = gotos.size();
        int[] fail = new int[n];
        next = new int[n * 256];
        outputs = new int[n][];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < 256; c++) {
            int t = gotos.get(0)[c];
            next[c] = Math.max(t, 0);
            if (t > 0) {
                fail[t] = 0;
                queue.add(t);
            }
        }
        outputs[0] = outs.get(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int[] merged = outs.get(s);
            int[] inherited = outputs[fail[s]];
            if (inherited != null && inherited.length > 0) {
                merged = concat(merged, inherited);
            }
            outputs[s] = merged;
            for (int c = 0; c < 256; c++) {
                int t = gotos.get(s)[c];
                if (t > 0) {
                    fail[t] = next[fail[s] * 256 + c];
                    queue.add(t);
                    next[s * 256 + c] = t;
                } else {
                    next[s * 256 + c] = next[fail[s] * 256 + c];
                }
            }
        }
        for (int s = 0; s < n; s++) {
            if (outputs[s] != null && outputs[s].length == 0) {
                outputs[s] = null;
            }
        }
    }

    /** Receives each keyword occurrence: keyword index and the offset just after its last byte. */
    interface Hits {
        void hit(int keyword, int end);
    }

    void scan(byte[] text, Hits hits) {
        int s = 0;
        int[] table = next;
        int[][] out = outputs;
        for (int i = 0; i < text.length; i++) {
            s = table[(s << 8) | (FOLD[text[i] & 0xff] & 0xff)];
            int[] o = out[s];
            if (o != null) {
                for (int k : o) {
                    hits.hit(k, i + 1);
                }
            }
        }
    }

    int length(int keyword) {
        return lengths[keyword];
    }

    String keyword(int k) {
        return keywords[k];
    }

    int size() {
        return keywords.length;
    }

    private static int[] filled() {
        int[] a = new int[256];
        Arrays.fill(a, -1);
        return a;
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
