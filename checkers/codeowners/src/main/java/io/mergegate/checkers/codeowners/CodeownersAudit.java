package io.mergegate.checkers.codeowners;

import io.mergegate.checkers.codeowners.CodeownersFile.Section;
import io.mergegate.checkers.codeowners.OwnershipIndex.Ownership;
import io.mergegate.checkers.codeowners.OwnershipIndex.Ownership.SectionOwnership;
import io.mergegate.core.source.SourceTree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
        int owned = 0;
        int files = 0;
        // Rules share their owner lists, so each list is joined once rather than once per file.
        Map<List<String>, String> joined = new IdentityHashMap<>();
        for (String path : tree.paths()) {
            files++;
            Ownership o = ownership(path);
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
        return new Summary(files, owned, files - owned);
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
