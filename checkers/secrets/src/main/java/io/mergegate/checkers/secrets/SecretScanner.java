package io.mergegate.checkers.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in the content of one file. One keyword pass (Aho-Corasick over every detector's
 * keywords) finds the places worth a look; each detector's regex then runs only in small windows around
 * its own keyword hits, with a budget on the work a single window may cost. Thread-safe.
 */
public final class SecretScanner {

    private static final Pattern BARE_AWS_SECRET = Pattern.compile("(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");
    private static final int PAIR_DISTANCE = 1024;
    /** Overlapping windows merge up to this size, so one regex run never spans a whole minified file. */
    private static final int MAX_WINDOW = 32 * 1024;
    /**
     * Anchored detectors that reach at most this far match on their keyword's line, so in a diff they
     * only run at keywords on added lines; longer ones (private keys) may start on an unchanged line.
     */
    private static final int SINGLE_LINE_REACH = 1024;
    private static final String GENERIC_RULE = "secrets/generic-password";

    private final List<Detector> detectors;
    private final KeywordIndex index;
    private final int[][] detectorsByKeyword;

    public SecretScanner(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
        Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
        for (int d = 0; d < detectors.size(); d++) {
            for (String k : detectors.get(d).keywords()) {
                byKeyword.computeIfAbsent(k, x -> new ArrayList<>()).add(d);
            }
        }
        this.index = new KeywordIndex(new ArrayList<>(byKeyword.keySet()));
        this.detectorsByKeyword = byKeyword.values().stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static final class Holder {
        static final SecretScanner DEFAULT = new SecretScanner(DetectorTable.load());
    }

    /** The scanner with the built-in detector table. */
    public static SecretScanner defaults() {
        return Holder.DEFAULT;
    }

    public List<Detector> detectors() {
        return detectors;
    }

    /**
     * Scans one file's bytes.
     *
     * @param lines 1-based lines to report (a secret must touch one of them), or null for all lines
     */
    public List<SecretMatch> scan(String path, byte[] bytes, BitSet lines) {
        return scan(path, bytes, lines, line -> { });
    }

    /**
     * Scans one file's bytes.
     *
     * @param lines       1-based lines to report (a secret must touch one of them), or null for all lines
     * @param overBudget  told the first line of each region (of the reported lines) a detector gave up on
     *                    because its regex used up the work budget: padding must not hide a secret silently
     */
    public List<SecretMatch> scan(String path, byte[] bytes, BitSet lines, IntConsumer overBudget) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Windows windows = new Windows(detectors.size(), bytes.length);
        Lines lineIndex = new Lines(bytes);
        index.scan(bytes, (k, end) -> {
            int start = end - index.length(k);
            int[] line = {-1};
            for (int d : detectorsByKeyword[k]) {
                Detector det = detectors.get(d);
                if (lines != null && det.anchored() && det.after() <= SINGLE_LINE_REACH) {
                    if (line[0] < 0) {
                        line[0] = lineIndex.lineOf(start);
                    }
                    if (!lines.get(line[0])) {
                        continue;
                    }
                }
                if (det.anchored()) {
                    windows.start(d, start);
                } else {
                    windows.add(d, Math.max(0, start - det.before()), Math.min(bytes.length, end + det.after()));
                }
            }
        });
        List<SecretMatch> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Set<Integer> gaveUp = new java.util.TreeSet<>();
        GuardedText guarded = new GuardedText(text);
        for (int d = 0; d < detectors.size(); d++) {
            int[] w = windows.of(d);
            if (w.length == 0) {
                continue;
            }
            Detector det = detectors.get(d);
            Matcher m = det.pattern().get().matcher(guarded);
            m.useTransparentBounds(true).useAnchoringBounds(false);
            if (det.anchored()) {
                int[] starts = windows.starts(d);
                int last = -1;
                for (int s : starts) {
                    if (s == last) {
                        continue;
                    }
                    last = s;
                    guarded.budget(GuardedText.budgetFor(det.after()));
                    try {
                        m.region(s, Math.min(text.length(), s + det.after()));
                        if (m.lookingAt()) {
                            found(det, d, m, text, path, lineIndex, lines, seen, out);
                        }
                    } catch (GuardedText.BudgetExceeded e) {
                        // a pathological spot: skip it rather than stall the scan, and say so
                        gaveUp(s, Math.min(text.length(), s + det.after()), lineIndex, lines, gaveUp);
                    }
                }
                continue;
            }
            for (int i = 0; i < w.length; i += 2) {
                guarded.budget(GuardedText.budgetFor(w[i + 1] - w[i]));
                try {
                    m.region(w[i], w[i + 1]);
                    while (m.find()) {
                        found(det, d, m, text, path, lineIndex, lines, seen, out);
                    }
                } catch (GuardedText.BudgetExceeded e) {
                    // a pathological window: skip the rest of it rather than stall the scan, and say so
                    gaveUp(w[i], w[i + 1], lineIndex, lines, gaveUp);
                }
            }
        }
        gaveUp.forEach(overBudget::accept);
        pairAwsSecrets(path, text, lineIndex, lines, out);
        if (KubernetesSecrets.applies(path, text)) {
            out.addAll(KubernetesSecrets.scan(path, text, lineIndex, lines));
        }
        dropGenericOverlaps(out);
        dropInSealedSecrets(path, text, lineIndex, out);
        dropKubernetesOverlaps(out);
        Set<String> once = new HashSet<>();
        out.removeIf(m -> !once.add(m.ruleId() + '\u0000' + m.line() + '\u0000' + m.value()));
        out.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return out;
    }

    /** Notes the first line of a region given up on, when the region touches a reported line. */
    private static void gaveUp(int start, int end, Lines lineIndex, BitSet lines, Set<Integer> out) {
        int first = lineIndex.lineOf(start);
        int last = lineIndex.lineOf(Math.max(start, end - 1));
        if (lines != null) {
            int added = lines.nextSetBit(first);
            if (added < 0 || added > last) {
                return;
            }
        }
        out.add(first);
    }

    private void found(Detector det, int d, Matcher m, String text, String path, Lines lineIndex, BitSet lines,
            Set<Long> seen, List<SecretMatch> out) {
        int g = det.secretGroup(m);
        if (g < 0 || !seen.add(((long) d << 32) | m.start(g))) {
            return;
        }
        SecretMatch hit = accept(det, m, g, text, path, lineIndex, lines);
        if (hit != null) {
            out.add(hit);
        }
    }

    /**
     * A value a specific detector recognised is reported once, under its specific rule; of two generic
     * matches of one value (a connection string's {@code Password=} seen whole and cut at {@code &}) the longer stays.
     */
    private static void dropGenericOverlaps(List<SecretMatch> out) {
        List<SecretMatch> specific = out.stream().filter(m -> !m.ruleId().equals(GENERIC_RULE)).toList();
        List<SecretMatch> generic = out.stream().filter(m -> m.ruleId().equals(GENERIC_RULE)).toList();
        out.removeIf(g -> g.ruleId().equals(GENERIC_RULE) && (specific.stream().anyMatch(s -> overlap(s, g)
                && (s.value().contains(g.value()) || g.value().contains(s.value())))
                || generic.stream().anyMatch(o -> o != g && overlap(o, g) && o.value().length() > g.value().length()
                        && o.value().contains(g.value()))));
    }

    private static boolean overlap(SecretMatch a, SecretMatch b) {
        return a.line() <= b.endLine() && b.line() <= a.endLine();
    }

    /** Generic matches inside a SealedSecret document are its ciphertext. */
    private static void dropInSealedSecrets(String path, String text, Lines lineIndex, List<SecretMatch> out) {
        List<int[]> sealed = KubernetesSecrets.sealedDocuments(path, text);
        for (int[] doc : sealed) {
            int first = lineIndex.lineOf(doc[0]);
            int last = lineIndex.lineOf(Math.max(doc[0], doc[1] - 1));
            out.removeIf(m -> m.ruleId().equals(GENERIC_RULE) && m.line() >= first && m.line() <= last);
        }
    }

    /**
     * A Kubernetes Secret value is reported once: as a private key when it is one, else as the Secret value
     * (fingerprinted decoded), not also as a generic assignment of its base64 form.
     */
    private static void dropKubernetesOverlaps(List<SecretMatch> out) {
        Set<Integer> keyLines = new HashSet<>();
        Set<Integer> secretLines = new HashSet<>();
        for (SecretMatch m : out) {
            if (m.ruleId().equals("secrets/private-key")) {
                keyLines.add(m.line());
            } else if (m.ruleId().equals("secrets/kubernetes-secret")) {
                secretLines.add(m.line());
            }
        }
        if (!secretLines.isEmpty()) {
            out.removeIf(m -> m.ruleId().equals("secrets/kubernetes-secret") && keyLines.contains(m.line())
                    || m.ruleId().equals(GENERIC_RULE) && secretLines.contains(m.line()));
        }
    }

    private SecretMatch accept(Detector det, Matcher m, int g, String text, String path, Lines lineIndex,
            BitSet lines) {
        int start = m.start(g);
        int end = m.end(g);
        ConfigSyntax syntax = ConfigSyntax.CODE;
        boolean unquoted = det.id().equals("generic-assignment") && g == 5;
        if (unquoted) {
            syntax = ConfigSyntax.of(path);
            end = syntax == ConfigSyntax.CODE ? stripDelimiters(text, start, end) : lineValueEnd(text, m.start(1), start, end, syntax);
        }
        if (det.ruleId().equals(GENERIC_RULE) && (unquoted ? syntax : ConfigSyntax.of(path)) == ConfigSyntax.CODE) {
            end = escapedLineBreak(text, start, end);
        }
        String value = utf8(text.substring(start, end));
        if (value.isEmpty() || det.entropyMin() > 0 && ValueFilters.entropy(value) <= det.entropyMin()) {
            return null;
        }
        if (!Validators.accept(det, m, value, text, syntax)) {
            return null;
        }
        int line = lineIndex.lineOf(start);
        int endLine = lineIndex.lineOf(Math.max(start, end - 1));
        if (lines != null) {
            int added = lines.nextSetBit(line);
            if (added < 0 || added > endLine) {
                return null;
            }
        }
        return new SecretMatch(det.ruleId(), det.id(), det.severity(), path, line, lineIndex.columnOf(text, start),
                endLine, value);
    }

    /**
     * In code a config snippet inside a string literal ({@code "password: x\n"}) ends at the escaped line break
     * (escaped once or more, as in a test of code that holds such a literal): the escape is not part of the value.
     */
    private static int escapedLineBreak(String text, int start, int end) {
        for (int i = start; i + 1 < end; i++) {
            if (text.charAt(i) == '\\') {
                int j = i;
                while (j < end && text.charAt(j) == '\\') {
                    j++;
                }
                if (j < end && "nrt".indexOf(text.charAt(j)) >= 0) {
                    return i;
                }
                i = j - 1;
            }
        }
        return end;
    }

    /** In code an unquoted value ends before a trailing {@code ,} or {@code ;}. */
    private static int stripDelimiters(String text, int start, int end) {
        while (end > start && ",;".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    /**
     * In config formats an unquoted value is the rest of the line ({@code ;}, {@code ,} and {@code &} are part of
     * a password there), less a {@code #} comment in YAML and .env; in a YAML flow collection they delimit.
     */
    private static int lineValueEnd(String text, int keyStart, int start, int end, ConfigSyntax syntax) {
        int lineStart = keyStart;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        if (syntax == ConfigSyntax.YAML) {
            for (int i = lineStart; i < keyStart; i++) {
                if (text.charAt(i) == '{' || text.charAt(i) == '[') {
                    return stripDelimiters(text, start, end);
                }
            }
        }
        int eol = start;
        while (eol < text.length() && eol - start < 300 && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
            eol++;
        }
        int stop = eol;
        for (int i = start + 1; i < eol; i++) {
            if (syntax != ConfigSyntax.LINE && text.charAt(i) == '#' && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                stop = i;
                break;
            }
        }
        while (stop > start && (text.charAt(stop - 1) == ' ' || text.charAt(stop - 1) == '\t')) {
            stop--;
        }
        return stop;
    }

    /** An AWS secret key has no prefix: a bare 40-character value near an access key id counts. */
    private void pairAwsSecrets(String path, String text, Lines lineIndex, BitSet lines, List<SecretMatch> out) {
        List<SecretMatch> ids = out.stream().filter(s -> s.detector().equals("aws-access-key-id")).toList();
        if (ids.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>();
        out.stream().filter(s -> s.ruleId().equals("secrets/aws-secret-access-key")).forEach(s -> known.add(s.value()));
        for (SecretMatch id : ids) {
            int at = lineIndex.startOf(id.line());
            Matcher m = BARE_AWS_SECRET.matcher(text);
            m.useTransparentBounds(true).region(Math.max(0, at - PAIR_DISTANCE), Math.min(text.length(), at + PAIR_DISTANCE));
            while (m.find()) {
                String v = m.group(1);
                if (!looksLikeAwsSecret(v) || !known.add(v)) {
                    continue;
                }
                int line = lineIndex.lineOf(m.start(1));
                if (lines != null && !lines.get(line)) {
                    continue;
                }
                out.add(new SecretMatch("secrets/aws-secret-access-key", "aws-secret-access-key-paired", null, path,
                        line, lineIndex.columnOf(text, m.start(1)), line, v));
            }
        }
    }

    static boolean looksLikeAwsSecret(String v) {
        boolean lower = false;
        boolean upper = false;
        boolean other = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            other |= c >= '0' && c <= '9' || c == '/' || c == '+';
        }
        return lower && upper && other && ValueFilters.entropy(v) > 4.2 && !ValueFilters.rejectCommon(v);
    }

    static String utf8(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) >= 0x80) {
                return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return latin1;
    }

    /** Per detector, the merged byte ranges around its keyword hits. */
    private static final class Windows {
        private final int[][] ranges;
        private final int[] sizes;

        Windows(int detectors, int length) {
            ranges = new int[detectors][];
            sizes = new int[detectors];
        }

        void add(int d, int start, int end) {
            int[] r = ranges[d];
            int n = sizes[d];
            if (r == null) {
                r = new int[8];
                ranges[d] = r;
            }
            if (n > 0 && start <= r[n - 1] && end - r[n - 2] <= MAX_WINDOW) {
                r[n - 1] = Math.max(r[n - 1], end);
                if (start < r[n - 2]) {
                    r[n - 2] = start;
                }
                return;
            }
            if (n + 2 > r.length) {
                r = Arrays.copyOf(r, r.length * 2);
                ranges[d] = r;
            }
            r[n] = start;
            r[n + 1] = end;
            sizes[d] = n + 2;
        }

        int[] of(int d) {
            return ranges[d] == null ? new int[0] : Arrays.copyOf(ranges[d], sizes[d]);
        }

        /** For anchored detectors the ranges hold keyword start offsets, one per hit. */
        void start(int d, int offset) {
            int[] r = ranges[d];
            if (r == null) {
                r = new int[8];
                ranges[d] = r;
            } else if (sizes[d] == r.length) {
                r = Arrays.copyOf(r, r.length * 2);
                ranges[d] = r;
            }
            r[sizes[d]++] = offset;
        }

        int[] starts(int d) {
            int[] s = of(d);
            Arrays.sort(s);
            return s;
        }
    }

    /** Line starts of a byte array, computed on first use. */
    static final class Lines {
        private final byte[] bytes;
        private int[] starts;

        Lines(byte[] bytes) {
            this.bytes = bytes;
        }

        private int[] starts() {
            if (starts == null) {
                int[] s = new int[64];
                int n = 1;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                        if (n == s.length) {
                            s = Arrays.copyOf(s, n * 2);
                        }
                        s[n++] = i + 1;
                    }
                }
                starts = Arrays.copyOf(s, n);
            }
            return starts;
        }

        int lineOf(int offset) {
            int i = Arrays.binarySearch(starts(), offset);
            return i >= 0 ? i + 1 : -i - 1;
        }

        int startOf(int line) {
            int[] s = starts();
            return s[Math.max(0, Math.min(line, s.length) - 1)];
        }

        private int lastOffset = -1;
        private int lastColumn;

        /** 1-based column in characters (UTF-8 decoded) of a byte offset; incremental along one line. */
        int columnOf(String latin1, int offset) {
            int start = startOf(lineOf(offset));
            int from = start;
            int column = 1;
            if (lastOffset >= start && lastOffset <= offset) {
                from = lastOffset;
                column = lastColumn;
            }
            for (int i = from; i < offset; i++) {
                if ((latin1.charAt(i) & 0xC0) != 0x80) {
                    column++;
                }
            }
            lastOffset = offset;
            lastColumn = column;
            return column;
        }
    }
}
