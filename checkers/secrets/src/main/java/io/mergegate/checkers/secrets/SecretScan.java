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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

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

        public long excluded() {
            return excluded.get();
        }

        @Override
        public String toString() {
            return files() + " files (" + bytes() + " bytes) scanned, " + binary() + " binary and " + oversized()
                    + " oversized skipped, " + excluded() + " excluded";
        }
    }

    /**
     * What a scan found.
     *
     * @param matches   the secrets, sorted by path and line
     * @param oversized files skipped for their size (path and size)
     * @param stats     counters
     */
    public record Result(List<SecretMatch> matches, List<Skipped> oversized, Stats stats) {
    }

    /**
     * A file that was not scanned.
     *
     * @param path     where
     * @param size     its size
     * @param commitId the commit, in history scans
     */
    public record Skipped(String path, long size, String commitId) {
    }

    /** Below this many files a change is scanned on the calling thread (no pool start-up for a commit hook). */
    private static final int SMALL_CHANGE = 32;

    private final SecretScanner scanner;
    private final Options options;
    private final ConcurrentLinkedQueue<SecretMatch> matches = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Skipped> skipped = new ConcurrentLinkedQueue<>();
    private final Stats stats = new Stats();

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

    /** Adds the lines of one change (e.g. one commit of a pull request) to this scan. */
    public void changeInto(SourceTree base, SourceTree head, ChangeSet changes, String commitId) {
        List<ChangedPath> paths = changes.all();
        (paths.size() < SMALL_CHANGE ? paths.stream() : paths.parallelStream())
                .filter(ChangedPath::existsAtHead).forEach(c -> head.file(c.path()).ifPresent(f -> {
            String oldPath = c.oldPath() != null ? c.oldPath() : c.path();
            Optional<SourceFile> before = c.existedAtBase() ? base.file(oldPath) : Optional.empty();
            file(f, before.orElse(null), commitId);
        }));
    }

    /** Every unique blob of a history, attributed to the commit that introduced it. */
    public static Result history(BlobSource source, Options options) throws Exception {
        SecretScan scan = new SecretScan(SecretScanner.defaults(), options);
        List<BlobSource.Blob> batch = new ArrayList<>();
        source.forEachBlob(b -> {
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
                stats.oversized.incrementAndGet();
                skipped.add(new Skipped(b.path(), b.size(), b.commitId()));
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
        String path = head.path();
        if (options.excluded(path) || head.isSymlink()) {
            stats.excluded.incrementAndGet();
            return;
        }
        if (head.size() > options.maxFileSize()) {
            stats.oversized.incrementAndGet();
            skipped.add(new Skipped(path, head.size(), commitId));
            return;
        }
        byte[] bytes = head.bytes();
        BitSet lines = null;
        if (base != null && !base.isSymlink()) {
            byte[] old = base.bytes();
            if (java.util.Arrays.equals(old, bytes)) {
                return;
            }
            if (!isBinary(bytes) && !isBinary(old)) {
                lines = LineDiff.addedLines(new String(old, StandardCharsets.UTF_8), new String(bytes, StandardCharsets.UTF_8));
                if (lines.isEmpty()) {
                    return;
                }
            }
        }
        scanBytes(path, bytes, lines, commitId);
    }

    private void scanBytes(String path, byte[] bytes, BitSet lines, String commitId) {
        stats.files.incrementAndGet();
        stats.bytes.addAndGet(bytes.length);
        boolean binary = isBinary(bytes);
        if (!binary || SecretFiles.binaryKind(path)) {
            SecretFiles.check(path, () -> bytes).ifPresent(m -> add(m, commitId));
        }
        if (binary) {
            stats.binary.incrementAndGet();
            return;
        }
        for (SecretMatch m : scanner.scan(path, bytes, lines)) {
            add(m, commitId);
        }
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

    public Result result() {
        List<SecretMatch> all = new ArrayList<>(matches);
        all.sort(Comparator.comparing(SecretMatch::path).thenComparingInt(SecretMatch::line)
                .thenComparingInt(SecretMatch::column).thenComparing(SecretMatch::ruleId));
        List<Skipped> sk = new ArrayList<>(skipped);
        sk.sort(Comparator.comparing(Skipped::path));
        return new Result(Collections.unmodifiableList(all), List.copyOf(sk), stats);
    }
}
