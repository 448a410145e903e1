package io.mergegate.checkers.codeowners;

import io.mergegate.checkers.codeowners.CodeownersFile.Section;
import io.mergegate.checkers.codeowners.OwnershipIndex.Ownership;
import io.mergegate.checkers.codeowners.OwnershipIndex.Ownership.SectionOwnership;
import io.mergegate.core.source.SourceTree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The logic behind {@code mergegate codeowners audit} and {@code mergegate codeowners who}: the
 * effective owners of every file of a snapshot, and which line decided them.
 */
public final class CodeownersAudit {

    private final SourceTree tree;
    private final CodeownersSource source;
    private final OwnershipIndex index;

    public CodeownersAudit(SourceTree tree, Platform platform) {
        this.tree = tree;
        this.source = CodeownersSource.load(tree, platform);
        this.index = source.file() == null ? null : new OwnershipIndex(source.file());
    }

    /** The CODEOWNERS file used, and why none is when it is missing, too large or binary. */
    public CodeownersSource source() {
        return source;
    }

    /** True when a CODEOWNERS file applies; otherwise every file is unowned for {@link CodeownersSource#reason()}. */
    public boolean usable() {
        return index != null;
    }

    /**
     * Counts of one audit.
     *
     * @param files   files listed
     * @param owned   files with at least one owner
     * @param unowned files without owners
     */
    public record Summary(int files, int owned, int unowned) {

        public double coveragePercent() {
            return files == 0 ? 100.0 : 100.0 * owned / files;
        }
    }

    /**
     * Writes one row per file ({@code path<TAB>owners...} or {@code path<TAB>UNOWNED}); on GitLab one
     * row per section ({@code path<TAB>[Section]<TAB>approvals=N<TAB>owners...}).
     */
    public Summary audit(boolean unownedOnly, Consumer<String> out) {
        List<String> paths = tree.paths();
        int chunks = paths.size() < PARALLEL_FROM ? 1 : Math.min(4, Runtime.getRuntime().availableProcessors());
        if (chunks <= 1) {
            int owned = auditRun(paths, unownedOnly, out);
            return new Summary(paths.size(), owned, paths.size() - owned);
        }
        // Later chunks are resolved on other threads into row lists while the first is streamed out.
        int size = (paths.size() + chunks - 1) / chunks;
        List<CompletableFuture<Rows>> later = new ArrayList<>();
        for (int from = size; from < paths.size(); from += size) {
            List<String> part = paths.subList(from, Math.min(paths.size(), from + size));
            later.add(CompletableFuture.supplyAsync(() -> {
                Rows rows = new Rows(new ArrayList<>(part.size()));
                rows.owned = auditRun(part, unownedOnly, rows.lines::add);
                return rows;
            }));
        }
        int owned = auditRun(paths.subList(0, Math.min(size, paths.size())), unownedOnly, out);
        for (CompletableFuture<Rows> f : later) {
            Rows rows = join(f);
            rows.lines.forEach(out);
            owned += rows.owned;
        }
        return new Summary(paths.size(), owned, paths.size() - owned);
    }

    /** Below this many files one thread is faster than handing work over. */
    private static final int PARALLEL_FROM = 20_000;

    private static final class Rows {
        final List<String> lines;
        int owned;

        Rows(List<String> lines) {
            this.lines = lines;
        }
    }

    private static Rows join(CompletableFuture<Rows> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Writes the rows of a run of paths; returns how many of them are owned. */
    private int auditRun(List<String> paths, boolean unownedOnly, Consumer<String> out) {
        if (index != null && source.platform() == Platform.GITHUB && index.firstMatchDecides()) {
            return firstMatchRun(paths, unownedOnly, out);
        }
        int owned = 0;
        OwnershipIndex.Resolver resolver = index == null ? null : index.resolver();
        // Rules share their owner lists, so each list is joined once rather than once per file.
        Map<List<String>, String> joined = new IdentityHashMap<>();
        for (String path : paths) {
            Ownership o = resolver == null ? new Ownership(path, List.of()) : resolver.resolve(path);
            boolean isOwned = o.isOwned();
            if (isOwned) {
                owned++;
            }
            if (unownedOnly && isOwned) {
                continue;
            }
            if (!isOwned) {
                out.accept(path + "\tUNOWNED");
            } else if (source.platform() == Platform.GITHUB) {
                out.accept(path + "\t" + joined.computeIfAbsent(o.owners(), owners -> String.join(" ", owners)));
            } else {
                for (SectionOwnership s : o.sections()) {
                    if (!s.owners().isEmpty()) {
                        out.accept(path + "\t" + sectionLabel(s.section()) + "\tapprovals=" + s.section().approvals()
                                + "\t" + String.join(" ", s.owners()));
                    }
                }
            }
        }
        return owned;
    }

    /**
     * {@link #auditRun} for GitHub, where the newest matching line decides alone: no ownership
     * objects per file, and each line's row ending is built once.
     */
    private int firstMatchRun(List<String> paths, boolean unownedOnly, Consumer<String> out) {
        OwnershipIndex.Resolver resolver = index.resolver();
        String[] endings = new String[index.file().rules().size()];
        int owned = 0;
        for (String path : paths) {
            CodeownersRule r = resolver.firstMatch(path);
            boolean isOwned = r != null && !r.owners().isEmpty();
            if (isOwned) {
                owned++;
                if (!unownedOnly) {
                    String ending = endings[r.ordinal()];
                    if (ending == null) {
                        ending = "\t" + String.join(" ", new LinkedHashSet<>(r.owners()));
                        endings[r.ordinal()] = ending;
                    }
                    out.accept(path.concat(ending));
                }
            } else {
                out.accept(path.concat("\tUNOWNED"));
            }
        }
        return owned;
    }

    /** The ownership of one path (empty when no CODEOWNERS file applies). */
    public Ownership ownership(String path) {
        return index == null ? new Ownership(path, List.of()) : index.resolve(path);
    }

    /** Explains, for each path, which line decided its owners, as the platform's UI does. */
    public List<String> who(List<String> paths) {
        List<String> out = new ArrayList<>();
        for (String raw : paths) {
            String path = normalise(raw);
            String exists = tree.contains(path) ? "" : " (not a file at " + tree.label() + ")";
            if (index == null) {
                out.add(path + exists + ": unowned: " + source.reason());
                continue;
            }
            Ownership o = index.resolve(path);
            if (o.sections().isEmpty()) {
                out.add(path + exists + ": unowned: no line of " + source.path() + " matches");
                continue;
            }
            for (SectionOwnership s : o.sections()) {
                String prefix = path + exists + (source.platform() == Platform.GITLAB
                        ? " " + sectionLabel(s.section()) + " (approvals " + s.section().approvals() + ")" : "");
                if (s.excluded()) {
                    out.add(prefix + ": excluded from this section by an exclusion (`!`) line");
                } else if (s.owners().isEmpty()) {
                    out.add(prefix + ": unowned (from " + source.path() + " line " + s.rule().line() + ": `"
                            + s.rule().pattern() + "` has no owners)");
                } else {
                    out.add(prefix + ": owned by " + String.join(" ", s.owners()) + " (from " + source.path()
                            + " line " + s.rule().line() + ": `" + s.rule().pattern() + "`)");
                }
            }
        }
        return out;
    }

    static String sectionLabel(Section s) {
        return (s.optional() ? "^" : "") + "[" + s.name() + "]";
    }

    private static String normalise(String p) {
        String s = p.replace('\\', '/');
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s;
    }
}
