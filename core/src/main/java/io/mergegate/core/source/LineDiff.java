package io.mergegate.core.source;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Myers' O((N+M)D) line diff, enough to tell which head lines a change added.
 * Line endings are ignored, so a CRLF-only re-save adds nothing.
 */
public final class LineDiff {

    /**
     * Above this many differing lines the exact diff would need too much memory; the fallback then
     * reports every head line whose text does not occur in base at all.
     */
    private static final int MAX_EDIT_DISTANCE = 2_000;

    private LineDiff() {
    }

    /** 1-based numbers of the head lines that are not in base. */
    public static BitSet addedLines(String base, String head) {
        int[][] ids = intern(TextLines.split(base), TextLines.split(head));
        return added(ids[0], ids[1]);
    }

    private static int[][] intern(List<String> a, List<String> b) {
        Map<String, Integer> ids = new HashMap<>();
        int[] x = new int[a.size()];
        int[] y = new int[b.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ids.computeIfAbsent(a.get(i), k -> ids.size());
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = ids.computeIfAbsent(b.get(i), k -> ids.size());
        }
        return new int[][] {x, y};
    }

    private static BitSet added(int[] a, int[] b) {
        BitSet result = new BitSet();
        int lo = 0;
        while (lo < a.length && lo < b.length && a[lo] == b[lo]) {
            lo++;
        }
        int ha = a.length;
        int hb = b.length;
        while (ha > lo && hb > lo && a[ha - 1] == b[hb - 1]) {
            ha--;
            hb--;
        }
        int n = ha - lo;
        int m = hb - lo;
        if (m == 0) {
            return result;
        }
        if (n == 0) {
            result.set(lo + 1, hb + 1);
            return result;
        }
        int max = Math.min(n + m, MAX_EDIT_DISTANCE);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(java.util.Arrays.copyOfRange(v, offset - d - 1, offset + d + 2));
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a[lo + x] == b[lo + y]) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0) {
            java.util.Set<Integer> baseLines = new java.util.HashSet<>();
            for (int i = lo; i < ha; i++) {
                baseLines.add(a[i]);
            }
            for (int j = lo; j < hb; j++) {
                if (!baseLines.contains(b[j])) {
                    result.set(j + 1);
                }
            }
            return result;
        }
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] pv = trace.get(d);
            int base = d + 1; // pv holds v[-d-1 .. d+1]
            int k = x - y;
            int prevK = (k == -d || (k != d && pv[base + k - 1] < pv[base + k + 1])) ? k + 1 : k - 1;
            int prevX = pv[base + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
            }
            if (prevK == k + 1) {
                result.set(lo + prevY + 1); // insertion of b[prevY]
            }
            x = prevX;
            y = prevY;
        }
        return result;
    }
}
