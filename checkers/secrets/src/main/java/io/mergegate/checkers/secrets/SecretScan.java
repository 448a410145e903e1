package io.mergegate.checkers.secrets;

import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.Glob;
import io.mergegate.core.source.LineDiff;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.CheckerConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The scan modes over whole files: a tree (every file), a change (added lines only) and a history
 * (every unique blob once). Used by the checker and by {@code mergegate secrets scan}.
 */
public final class SecretScan {

    /** Files above this size are skipped and reported, unless {@code secrets.max-file-size} says otherwise. */
    public static final long DEFAULT_MAX_FILE_SIZE = 2L * 1024 * 1024;

    /** Lock files, vendored dependencies and generated wrappers: hashes and third-party samples, not secrets. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/package-lock.json", "**/npm-shrinkwrap.json",
            "**/yarn.lock", "**/pnpm-lock.yaml", "**/deno.lock", "**/go.sum", "**/go.work.sum", "**/Cargo.lock",
            "**/poetry.lock", "**/Pipfile.lock", "**/composer.lock", "**/Gemfile.lock", "**/gradle.lockfile",
            "**/verification-metadata.xml", "**/node_modules/**", "**/bower_components/**", "**/gradlew",
            "**/gradlew.bat", "**/mvnw", "**/mvnw.cmd", "**/*.svg");

    /**
     * What to scan.
     *
     * @param maxFileSize   larger files are skipped and reported
     * @param exclude       paths never scanned
     * @param disabledRules rule ids not reported
     */
    public record Options(long maxFileSize, List<Glob> exclude, Set<String> disabledRules) {

        public static Options defaults() {
            return new Options(DEFAULT_MAX_FILE_SIZE, Glob.all(DEFAULT_EXCLUDES), Set.of());
        }

        /** From the {@code secrets} section of {@code .mergegate.yml}. */
        public static Options from(CheckerConfig config) {
            List<String> globs = new ArrayList<>(DEFAULT_EXCLUDES);
            globs.addAll(config.strings("exclude", List.of()));
            return new Options(config.integer("max-file-size", (int) DEFAULT_MAX_FILE_SIZE), Glob.all(globs),
                    Set.copyOf(config.strings("disabled-rules", List.of())));
        }

        boolean excluded(String path) {
            return Glob.anyMatch(exclude, path);
        }
    }

    /** Counters of one scan, safe to update from several threads. */
    public static final class Stats {
        private final AtomicLong files = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong binary = new AtomicLong();
        private final AtomicLong oversized = new AtomicLong();
        private final AtomicLong budget = new AtomicLong();
        private final AtomicLong excluded = new AtomicLong();

        public long files() {
            return files.get();
        }

        public long bytes() {
            return bytes.get();
        }

        public long binary() {
            return binary.get();
        }

        public long oversized() {
            return oversized.get();
        }

        /** Regions where a detector ran out of its work budget (the rest of that region was not checked). */
        public long budget() {
            return budget.get();
        }

        public long excluded() {
            return excluded.get();
        }

        @Override
        public String toString() {
            return files() + " files (" + bytes() + " bytes) scanned, " + binary() + " binary and " + oversized()
                    + " oversized skipped, " + budget() + " regions over the regex budget, " + excluded() + " excluded";
        }
    }

    /**
     * What a scan found.
     *
     * @param matches the secrets, sorted by path and line
     * @param skipped files (or regions of files) not scanned, sorted by path
     * @param stats   counters
     */
    public record Result(List<SecretMatch> matches, List<Skipped> skipped, Stats stats) {
    }

    /** Why a file, or part of one, was not scanned. */
    public enum Reason {
        /** Larger than {@code secrets.max-file-size}. */
        OVERSIZED,
        /** A NUL byte in the first 8,000 bytes. */
        BINARY,
        /** A detector's regex used up its work budget in a region (e.g. padding built to stall it). */
        BUDGET
    }

    /**
     * A file, or a region of one, that was not scanned. Reported, never dropped: a secret could hide there.
     *
     * @param path     where
     * @param size     its size in bytes
     * @param commitId the commit, in history scans and PR commits
     * @param reason   why
     * @param line     for {@link Reason#BUDGET}, the first line of the region; else 0
     */
    public record Skipped(String path, long size, String commitId, Reason reason, int line) {
    }

    /** Below this many files a change is scanned on the calling thread (no pool start-up for a commit hook). */
    private static final int SMALL_CHANGE = 32;

    private final SecretScanner scanner;
    private final Options options;
    private final ConcurrentLinkedQueue<SecretMatch> matches = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Skipped> skipped = new ConcurrentLinkedQueue<>();
    private final Stats stats = new Stats();
    /** Commit id to its position in walk order (oldest first), so the earliest copy of a secret wins. */
    private final Map<String, Integer> commitOrder = new ConcurrentHashMap<>();

    public SecretScan(SecretScanner scanner, Options options) {
        this.scanner = scanner;
        this.options = options;
    }

    /** Every file of a tree, in parallel. */
    public static Result tree(SourceTree tree, Options options) {
        SecretScan scan = new SecretScan(SecretScanner.defaults(), options);
        tree.paths().parallelStream().forEach(p -> tree.file(p).ifPresent(f -> scan.file(f, null, null)));
        return scan.result();
    }

    /** The lines a change adds: every changed path that exists at head, against its base version. */
    public static Result change(SourceTree base, SourceTree head, ChangeSet changes, Options options) {
        SecretScan scan = new SecretScan(SecretScanner.defaults(), options);
        scan.changeInto(base, head, changes, null);
        return scan.result();
    }

    /** Adds the lines of one change (e.g. one commit of a pull request, in commit order) to this scan. */
    public void changeInto(SourceTree base, SourceTree head, ChangeSet changes, String commitId) {
        changeInto(base, List.of(), head, changes, commitId);
    }

    /**
     * Adds the lines of one change to this scan; for a merge commit only the lines it adds relative to
     * every parent (what the merge itself wrote, not what came in from the merged branch).
     *
     * @param base        the first parent's tree (or the merge base)
     * @param otherParents the other parents' trees of a merge commit, else empty
     */
    public void changeInto(SourceTree base, List<SourceTree> otherParents, SourceTree head, ChangeSet changes,
            String commitId) {
        if (commitId != null) {
            commitOrder.putIfAbsent(commitId, commitOrder.size());
        }
        List<ChangedPath> paths = changes.all();
        (paths.size() < SMALL_CHANGE ? paths.stream() : paths.parallelStream())
                .filter(ChangedPath::existsAtHead).forEach(c -> head.file(c.path()).ifPresent(f -> {
            String oldPath = c.oldPath() != null ? c.oldPath() : c.path();
            Optional<SourceFile> before = c.existedAtBase() ? base.file(oldPath) : Optional.empty();
            List<SourceFile> others = new ArrayList<>();
            for (SourceTree other : otherParents) {
                Optional<SourceFile> o = other.file(c.path());
                if (o.isEmpty()) {
                    continue; // new relative to this parent: every line is added relative to it
                }
                others.add(o.get());
            }
            file(f, before.orElse(null), others, commitId);
        }));
    }

    /**
     * Every unique blob of a history, attributed to the commit that introduced it. A secret that later
     * blobs of the same file still hold is reported once, at its earliest commit in walk order.
     */
    public static Result history(BlobSource source, Options options) throws Exception {
        SecretScan scan = new SecretScan(SecretScanner.defaults(), options);
        List<BlobSource.Blob> batch = new ArrayList<>();
        source.forEachBlob(b -> {
            // the source calls back on one thread in walk order: the index is fixed before the parallel scan
            scan.commitOrder.putIfAbsent(b.commitId(), scan.commitOrder.size());
            batch.add(b);
            if (batch.size() >= 256) {
                scan.blobs(batch);
                batch.clear();
            }
        });
        scan.blobs(batch);
        return scan.result();
    }

    private void blobs(List<BlobSource.Blob> batch) {
        List<BlobSource.Blob> copy = List.copyOf(batch);
        copy.parallelStream().forEach(b -> {
            if (options.excluded(b.path())) {
                stats.excluded.incrementAndGet();
                return;
            }
            if (b.size() > options.maxFileSize()) {
                skip(b.path(), b.size(), b.commitId(), Reason.OVERSIZED, 0);
                return;
            }
            byte[] bytes = b.content().get();
            scanBytes(b.path(), bytes, null, b.commitId());
        });
    }

    /**
     * Scans one file; with a base version only the lines it adds are reported.
     *
     * @param commitId the commit being scanned, or null for the tree under review
     */
    public void file(SourceFile head, SourceFile base, String commitId) {
        file(head, base, List.of(), commitId);
    }

    private void file(SourceFile head, SourceFile base, List<SourceFile> otherBases, String commitId) {
        String path = head.path();
        if (options.excluded(path) || head.isSymlink()) {
            stats.excluded.incrementAndGet();
            return;
        }
        if (head.size() > options.maxFileSize()) {
            skip(path, head.size(), commitId, Reason.OVERSIZED, 0);
            return;
        }
        byte[] bytes = head.bytes();
        BitSet lines = null;
        if (base != null && !base.isSymlink()) {
            lines = addedLines(base, bytes);
            if (lines != null && lines.isEmpty()) {
                return;
            }
        }
        for (SourceFile other : otherBases) {
            BitSet alsoNew = other.isSymlink() ? null : addedLines(other, bytes);
            if (alsoNew == null) {
                continue;
            }
            if (lines == null) {
                lines = alsoNew;
            } else {
                lines.and(alsoNew);
            }
            if (lines.isEmpty()) {
                return; // every line came from one parent or another
            }
        }
        scanBytes(path, bytes, lines, commitId);
    }

    /** Lines of {@code bytes} not in {@code base}; empty when unchanged, null when either side is binary. */
    private static BitSet addedLines(SourceFile base, byte[] bytes) {
        byte[] old = base.bytes();
        if (java.util.Arrays.equals(old, bytes)) {
            return new BitSet();
        }
        if (isBinary(bytes) || isBinary(old)) {
            return null;
        }
        return LineDiff.addedLines(new String(old, StandardCharsets.UTF_8), new String(bytes, StandardCharsets.UTF_8));
    }

    private void scanBytes(String path, byte[] bytes, BitSet lines, String commitId) {
        stats.files.incrementAndGet();
        stats.bytes.addAndGet(bytes.length);
        boolean binary = isBinary(bytes);
        boolean secretFile = binary && SecretFiles.binaryKind(path);
        if (!binary || secretFile) {
            SecretFiles.check(path, () -> bytes).ifPresent(m -> add(m, commitId));
        }
        if (binary) {
            stats.binary.incrementAndGet();
            if (!secretFile) {
                skipped.add(new Skipped(path, bytes.length, commitId, Reason.BINARY, 0));
            }
            return;
        }
        for (SecretMatch m : scanner.scan(path, bytes, lines,
                line -> skip(path, bytes.length, commitId, Reason.BUDGET, line))) {
            add(m, commitId);
        }
    }

    private void skip(String path, long size, String commitId, Reason reason, int line) {
        (reason == Reason.OVERSIZED ? stats.oversized : stats.budget).incrementAndGet();
        skipped.add(new Skipped(path, size, commitId, reason, line));
    }

    private void add(SecretMatch m, String commitId) {
        if (options.disabledRules().contains(m.ruleId())) {
            return;
        }
        matches.add(commitId == null ? m : m.withCommit(commitId));
    }

    static boolean isBinary(byte[] b) {
        int n = Math.min(b.length, SourceFile.BINARY_PROBE);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The findings so far. Where commits were scanned, a secret (or a skipped file) seen again at the same path in a
     * later commit is kept only from the earliest one: later edits of a file still holding it add nothing new.
     */
    public Result result() {
        List<SecretMatch> all = earliest(new ArrayList<>(matches), SecretMatch::commitId,
                m -> m.fingerprint() + '\u0000' + m.path());
        all.sort(Comparator.comparing(SecretMatch::path).thenComparingInt(SecretMatch::line)
                .thenComparingInt(SecretMatch::column).thenComparing(SecretMatch::ruleId));
        List<Skipped> sk = earliest(new ArrayList<>(skipped), Skipped::commitId,
                s -> s.path() + '\u0000' + s.reason() + '\u0000' + s.line());
        sk.sort(Comparator.comparing(Skipped::path).thenComparing(Skipped::reason).thenComparingInt(Skipped::line));
        return new Result(Collections.unmodifiableList(all), List.copyOf(sk), stats);
    }

    /** Of the items sharing a key, those of the earliest commit (a null commit, the tree under review, comes first). */
    private <T> List<T> earliest(List<T> items, Function<T, String> commit, Function<T, String> key) {
        Map<String, Integer> first = new HashMap<>();
        for (T t : items) {
            first.merge(key.apply(t), order(commit.apply(t)), Math::min);
        }
        items.removeIf(t -> order(commit.apply(t)) != first.get(key.apply(t)));
        return items;
    }

    private int order(String commitId) {
        return commitId == null ? -1 : commitOrder.getOrDefault(commitId, Integer.MAX_VALUE);
    }
}
