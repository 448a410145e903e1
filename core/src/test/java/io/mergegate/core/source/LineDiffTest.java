package io.mergegate.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void reportsInsertedAndChangedLines() {
        BitSet added = LineDiff.addedLines("a\nb\nc\n", "a\nx\nb\nc\ny\n");
        assertThat(added.stream().toArray()).containsExactly(2, 5);
        assertThat(LineDiff.addedLines("a\nb\n", "a\nB\n").stream().toArray()).containsExactly(2);
        assertThat(LineDiff.addedLines("", "a\nb\n").stream().toArray()).containsExactly(1, 2);
        assertThat(LineDiff.addedLines("a\nb\n", "").isEmpty()).isTrue();
    }

    @Test
    void lineEndingsAloneAreNoChange() {
        assertThat(LineDiff.addedLines("a\nb\nc\n", "a\r\nb\r\nc\r\n").isEmpty()).isTrue();
    }

    @Test
    void largeRewritesFallBackToLinesNotInBase() {
        StringBuilder base = new StringBuilder();
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            base.append("base ").append(i).append('\n');
            head.append(i % 2 == 0 ? "base " + i : "head " + i).append('\n');
        }
        BitSet added = LineDiff.addedLines(base.toString(), head.toString());
        assertThat(added.cardinality()).isEqualTo(3000);
        assertThat(added.get(2)).isTrue();
        assertThat(added.get(1)).isFalse();
    }

    /** The head lines not reported as added appear in base in the same order (a common subsequence). */
    @Property(tries = 300)
    void unchangedLinesAreACommonSubsequence(@ForAll @Size(max = 40) List<@IntRange(max = 5) Integer> a,
            @ForAll @Size(max = 40) List<@IntRange(max = 5) Integer> b) {
        String base = join(a);
        String head = join(b);
        BitSet added = LineDiff.addedLines(base, head);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            if (!added.get(i + 1)) {
                kept.add(b.get(i));
            }
        }
        assertThat(isSubsequence(kept, a)).as("kept %s of head %s is a subsequence of base %s", kept, b, a).isTrue();
        assertThat(added.length()).isLessThanOrEqualTo(b.size() + 1);
        assertThat(kept.size()).as("minimal: as many kept lines as the longest common subsequence").isEqualTo(lcs(a, b));
    }

    private static String join(List<Integer> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(x -> sb.append("line").append(x).append('\n'));
        return sb.toString();
    }

    private static boolean isSubsequence(List<Integer> sub, List<Integer> of) {
        int j = 0;
        for (int x : of) {
            if (j < sub.size() && sub.get(j) == x) {
                j++;
            }
        }
        return j == sub.size();
    }

    private static int lcs(List<Integer> a, List<Integer> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                t[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.size()][b.size()];
    }
}
