package io.mergegate.checkers.codeowners;

import io.mergegate.checkers.codeowners.CodeownersFile.Problem;
import io.mergegate.checkers.codeowners.CodeownersSource.Status;
import io.mergegate.checkers.codeowners.OwnershipIndex.Ownership;
import io.mergegate.core.Finding;
import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.Glob;
import io.mergegate.core.source.LineDiff;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.Checker;
import io.mergegate.core.spi.CheckerConfig;
import io.mergegate.core.spi.GateContext;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * CODEOWNERS with the exact semantics of GitHub or GitLab: the file at the base revision decides
 * who owns the changed files, and a change to CODEOWNERS itself is linted against the head tree.
 */
public final class CodeownersChecker implements Checker {

    static final String MISSING_FILE = "codeowners/missing-file";
    static final String IGNORED_FILE = "codeowners/ignored-codeowners-file";
    static final String TOO_LARGE = "codeowners/file-too-large";
    static final String INVALID_PATTERN = CodeownersParser.INVALID_PATTERN;
    static final String INVALID_OWNER = CodeownersParser.INVALID_OWNER;
    static final String SYNTAX_MISMATCH = CodeownersParser.SYNTAX_MISMATCH;
    static final String UNOWNED = "codeowners/unowned-file";
    static final String REQUIRED_OWNER = "codeowners/missing-required-owner";
    static final String MATCHES_NOTHING = "codeowners/pattern-matches-nothing";
    static final String SHADOWED = "codeowners/shadowed-rule";
    static final String DUPLICATE = "codeowners/duplicate-pattern";
    static final String CASE_MISMATCH = "codeowners/case-mismatch";
    static final String NOT_ALLOWED = "codeowners/owner-not-allowed";
    static final String UNREADABLE = "codeowners/unreadable-file";

    private static final Set<String> RULES = Set.of(MISSING_FILE, IGNORED_FILE, TOO_LARGE, INVALID_PATTERN,
            INVALID_OWNER, SYNTAX_MISMATCH, UNOWNED, REQUIRED_OWNER, MATCHES_NOTHING, SHADOWED, DUPLICATE,
            CASE_MISMATCH, NOT_ALLOWED, UNREADABLE);

    private static final int MAX_NAMED = 5;

    @Override
    public String id() {
        return "codeowners";
    }

    @Override
    public String description() {
        return "CODEOWNERS with GitHub or GitLab semantics: ownership of changed files, required owners, lint";
    }

    @Override
    public Set<String> ruleIds() {
        return RULES;
    }

    @Override
    public List<Finding> check(GateContext ctx) {
        CheckerConfig cfg = ctx.config();
        Platform platform = Platform.parse(cfg.string("platform", "github")).orElse(Platform.GITHUB);
        CodeownersSource base = CodeownersSource.load(ctx.base(), platform);
        CodeownersSource head = CodeownersSource.load(ctx.head(), platform);
        List<Finding> out = new ArrayList<>();
        boolean changed = platform.locations().stream().anyMatch(ctx.changes()::isChanged);
        CodeownersSource effective = base.status() != Status.MISSING ? base : head;

        if (head.status() == Status.MISSING) {
            out.add(ctx.report(MISSING_FILE).logical("repository")
                    .arg("platform", platform.displayName()).arg("locations", String.join("`, `", platform.locations()))
                    .arg("change", base.status() == Status.MISSING ? "" : " (this change deletes `" + base.path() + "`)")
                    .key(platform.id()).build());
            if (effective.status() == Status.MISSING) {
                return out;
            }
        }
        List<Glob> requiredGlobs = new ArrayList<>();
        Map<String, List<String>> required = requiredOwners(cfg, requiredGlobs);
        Set<String> reportedByTree = new java.util.HashSet<>();
        if (changed && head.status() != Status.MISSING) {
            checkHeadFile(ctx, base, head, required, requiredGlobs, reportedByTree, out);
        }
        checkChangedFiles(ctx, effective, required, requiredGlobs, reportedByTree, out);
        checkCoverage(ctx, cfg, effective, out);
        return out;
    }

    private static Map<String, List<String>> requiredOwners(CheckerConfig cfg, List<Glob> globs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        cfg.map("required-owners").forEach((glob, owners) -> {
            List<String> list = new ArrayList<>();
            if (owners instanceof List<?> l) {
                l.forEach(o -> list.add(String.valueOf(o)));
            } else if (owners != null) {
                list.add(String.valueOf(owners));
            }
            out.put(glob, list);
            globs.add(Glob.of(glob));
        });
        return out;
    }

    /** Ownership of each changed path, decided by the CODEOWNERS file the platform uses (the base one). */
    private static void checkChangedFiles(GateContext ctx, CodeownersSource src, Map<String, List<String>> required,
            List<Glob> globs, Set<String> skipRequired, List<Finding> out) {
        OwnershipIndex index = src.file() == null ? null : new OwnershipIndex(src.file());
        for (ChangedPath c : ctx.changes().all()) {
            String path = c.path();
            Ownership o = index == null ? new Ownership(path, List.of()) : index.resolve(path);
            CodeownersRule decided = o.decidingRule();
            if (!o.isOwned()) {
                String reason = index == null ? src.reason()
                        : decided == null ? "no line of `" + src.path() + "` matches it"
                        : "line " + decided.line() + " (`" + decided.pattern() + "`) gives it no owners";
                out.add(at(ctx.report(UNOWNED), src.path(), decided).arg("path", path).arg("reason", reason)
                        .key(path).build());
            }
            int i = 0;
            for (Map.Entry<String, List<String>> e : required.entrySet()) {
                Glob g = globs.get(i++);
                if (!g.matches(path) || skipRequired.contains(e.getKey() + "\n" + path)) {
                    continue;
                }
                List<String> missing = missingOwners(e.getValue(), o.owners());
                if (!missing.isEmpty()) {
                    out.add(at(ctx.report(REQUIRED_OWNER), src.path(), decided).arg("path", path)
                            .arg("glob", e.getKey()).arg("missing", String.join(" ", missing))
                            .arg("owners", o.owners().isEmpty() ? "nobody" : String.join(" ", o.owners()))
                            .key(e.getKey() + "|" + path).build());
                }
            }
        }
    }

    private static Finding.Builder at(Finding.Builder b, String file, CodeownersRule rule) {
        return rule == null ? b.at(file) : b.at(file, rule.line(), rule.column());
    }

    static List<String> missingOwners(List<String> wanted, List<String> actual) {
        Set<String> have = actual.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return wanted.stream().filter(w -> !have.contains(w.toLowerCase(Locale.ROOT))).toList();
    }

    private static void checkCoverage(GateContext ctx, CheckerConfig cfg, CodeownersSource src, List<Finding> out) {
        if (!cfg.has("coverage")) {
            return;
        }
        double minimum = cfg.number("coverage", 0);
        OwnershipIndex index = src.file() == null ? null : new OwnershipIndex(src.file());
        int files = 0;
        int owned = 0;
        String sample = null;
        for (String path : ctx.head().paths()) {
            files++;
            if (index != null && index.resolve(path).isOwned()) {
                owned++;
            } else if (sample == null) {
                sample = path;
            }
        }
        double pct = files == 0 ? 100.0 : 100.0 * owned / files;
        if (pct + 1e-9 < minimum) {
            String text = String.format(Locale.ROOT, "%.1f%% of the files at head are owned (%d of %d), below the"
                    + " required %.1f%% (`codeowners.coverage`); for example `%s` is unowned. Run `mergegate"
                    + " codeowners audit --unowned` for the list.", pct, owned, files, minimum, sample);
            out.add(ctx.report(UNOWNED).logical("repository").message(text).key("coverage").build());
        }
    }

    /** Checks a CODEOWNERS file that the change adds or edits. */
    private static void checkHeadFile(GateContext ctx, CodeownersSource base, CodeownersSource head,
            Map<String, List<String>> required, List<Glob> globs, Set<String> reportedByTree, List<Finding> out) {
        for (String ignored : head.ignored()) {
            out.add(ctx.report(IGNORED_FILE).at(ignored).arg("path", ignored).arg("used", head.path())
                    .arg("platform", head.platform().displayName()).build());
        }
        if (head.status() == Status.TOO_LARGE) {
            out.add(ctx.report(TOO_LARGE).at(head.path()).arg("path", head.path()).arg("size", head.size())
                    .arg("platform", head.platform().displayName()).build());
            return;
        }
        if (head.status() == Status.BINARY) {
            out.add(ctx.report(UNREADABLE).at(head.path()).arg("path", head.path())
                    .arg("reason", "it contains NUL bytes").arg("platform", head.platform().displayName()).build());
            return;
        }
        CodeownersFile file = head.file();
        BitSet added = addedLines(ctx.base(), ctx.head(), head.path(), file.lines().size());
        new Lint(ctx, file, ctx.head(), added, ctx.config(), out).run();
        checkRequiredInTree(ctx, file, required, globs, added, reportedByTree, out);
    }

    private static BitSet addedLines(SourceTree base, SourceTree head, String path, int lineCount) {
        Optional<SourceFile> before = base.file(path);
        Optional<SourceFile> after = head.file(path);
        if (before.isEmpty() || after.isEmpty() || before.get().isBinary()
                || before.get().size() >= Platform.MAX_BYTES) {
            BitSet all = new BitSet();
            all.set(1, lineCount + 1);
            return all;
        }
        return LineDiff.addedLines(before.get().textLenient(), after.get().textLenient());
    }

    /** With the edited CODEOWNERS, every file of the head tree still has its required owners. */
    private static void checkRequiredInTree(GateContext ctx, CodeownersFile file, Map<String, List<String>> required,
            List<Glob> globs, BitSet added, Set<String> reported, List<Finding> out) {
        if (required.isEmpty()) {
            return;
        }
        OwnershipIndex index = new OwnershipIndex(file);
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        Map<String, CodeownersRule> ruleOf = new HashMap<>();
        Map<String, String> missingOf = new HashMap<>();
        for (String path : ctx.head().paths()) {
            Ownership o = null;
            int i = 0;
            for (Map.Entry<String, List<String>> e : required.entrySet()) {
                Glob g = globs.get(i++);
                if (!g.matches(path)) {
                    continue;
                }
                o = o == null ? index.resolve(path) : o;
                List<String> missing = missingOwners(e.getValue(), o.owners());
                if (missing.isEmpty()) {
                    continue;
                }
                CodeownersRule r = o.decidingRule();
                String group = e.getKey() + "\n" + (r == null ? 0 : r.line());
                byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(path);
                ruleOf.put(group, r);
                missingOf.put(group, String.join(" ", missing));
                reported.add(e.getKey() + "\n" + path);
            }
        }
        byGroup.forEach((group, paths) -> {
            String glob = group.substring(0, group.indexOf('\n'));
            CodeownersRule r = ruleOf.get(group);
            String sample = paths.get(0) + (paths.size() > 1 ? " and " + (paths.size() - 1) + " more" : "");
            out.add(at(ctx.report(REQUIRED_OWNER), file.path(), r).arg("path", sample).arg("glob", glob)
                    .arg("missing", missingOf.get(group))
                    .arg("owners", r == null || r.owners().isEmpty() ? "nobody" : String.join(" ", r.owners()))
                    .key(glob + "|" + (r == null ? "" : r.pattern())).build());
        });
    }

    /** Line-level checks of one CODEOWNERS file against a tree; reports only lines the change touched. */
    private static final class Lint {
        private final GateContext ctx;
        private final CodeownersFile file;
        private final SourceTree tree;
        private final BitSet added;
        private final CheckerConfig cfg;
        private final List<Finding> out;

        Lint(GateContext ctx, CodeownersFile file, SourceTree tree, BitSet added, CheckerConfig cfg,
                List<Finding> out) {
            this.ctx = ctx;
            this.file = file;
            this.tree = tree;
            this.added = added;
            this.cfg = cfg;
            this.out = out;
        }

        void run() {
            for (Problem p : file.problems()) {
                if (added.get(p.line())) {
                    out.add(ctx.report(p.ruleId()).at(file.path(), p.line(), p.column()).arg("token", p.token())
                            .arg("kind", p.kind()).arg("detail", p.detail()).arg("platform", file.platform().displayName())
                            .key(p.kind() + "|" + p.token()).build());
                }
            }
            allowedOwners();
            Set<Integer> duplicated = duplicates();
            usage(duplicated);
        }

        private void allowedOwners() {
            if (!cfg.has("allowed-owners")) {
                return;
            }
            Set<String> allowed = cfg.strings("allowed-owners", List.of()).stream()
                    .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            for (CodeownersFile.OwnerRef ref : file.owners()) {
                if (added.get(ref.line()) && !allowed.contains(ref.owner().toLowerCase(Locale.ROOT))) {
                    out.add(ctx.report(NOT_ALLOWED).at(file.path(), ref.line(), ref.column()).arg("owner", ref.owner())
                            .key(ref.owner()).build());
                }
            }
        }

        /** Reports a pattern that appears again later in the same section; returns the overridden rules. */
        private Set<Integer> duplicates() {
            Map<String, CodeownersRule> last = new HashMap<>();
            Set<Integer> overridden = new java.util.HashSet<>();
            for (CodeownersRule r : file.rules()) {
                String k = r.section() + "\n" + r.exclusion() + "\n" + r.pattern();
                CodeownersRule before = last.put(k, r);
                if (before != null) {
                    overridden.add(before.ordinal());
                    if (added.get(r.line()) || added.get(before.line())) {
                        out.add(ctx.report(DUPLICATE).at(file.path(), r.line(), r.column()).arg("pattern", r.pattern())
                                .arg("line", before.line()).key(r.pattern() + "|" + r.section()).build());
                    }
                }
            }
            return overridden;
        }

        private void usage(Set<Integer> duplicated) {
            OwnershipIndex index = new OwnershipIndex(file);
            int n = file.rules().size();
            boolean[] matched = new boolean[n];
            boolean[] decides = new boolean[n];
            Map<Integer, Set<Integer>> shadowers = new HashMap<>();
            int sections = file.sections().size();
            for (String path : tree.paths()) {
                List<CodeownersRule> matches = index.allMatches(path);
                CodeownersRule[] winner = new CodeownersRule[sections];
                for (CodeownersRule r : matches) {
                    matched[r.ordinal()] = true;
                    if (r.exclusion()) {
                        decides[r.ordinal()] = true;
                    } else if (winner[r.section()] == null) {
                        winner[r.section()] = r;
                        decides[r.ordinal()] = true;
                    } else if (!decides[r.ordinal()]) {
                        Set<Integer> s = shadowers.computeIfAbsent(r.ordinal(), k -> new TreeSet<>());
                        if (s.size() < 50) {
                            s.add(winner[r.section()].line());
                        }
                    }
                }
            }
            List<CodeownersRule> unmatched = new ArrayList<>();
            for (CodeownersRule r : file.rules()) {
                int o = r.ordinal();
                if (!matched[o]) {
                    if (added.get(r.line())) {
                        unmatched.add(r);
                    }
                } else if (!decides[o] && !duplicated.contains(o)) {
                    Set<Integer> by = shadowers.getOrDefault(o, Set.of());
                    boolean touched = added.get(r.line()) || by.stream().anyMatch(added::get);
                    if (touched) {
                        List<String> names = by.stream().limit(MAX_NAMED).map(String::valueOf).toList();
                        out.add(ctx.report(SHADOWED).at(file.path(), r.line(), r.column()).arg("pattern", r.pattern())
                                .arg("lines", String.join(", ", names) + (by.size() > MAX_NAMED ? ", ..." : ""))
                                .key(r.pattern() + "|" + r.section()).build());
                    }
                }
            }
            nothing(unmatched);
        }

        /**
         * Reports rules that match no file: as a case mismatch when the lower-cased pattern matches a
         * lower-cased path, else as matching nothing. One pass over the tree with an index of the
         * lower-cased patterns, so a long list of dead lines stays cheap.
         */
        private void nothing(List<CodeownersRule> unmatched) {
            if (unmatched.isEmpty()) {
                return;
            }
            StringBuilder text = new StringBuilder();
            for (CodeownersRule r : unmatched) {
                String p = (r.exclusion() ? "!" : "") + r.pattern().toLowerCase(Locale.ROOT);
                text.append(p).append(" @x\n");
            }
            CodeownersFile lower = CodeownersParser.parse(file.path(), text.toString(), file.platform());
            OwnershipIndex index = new OwnershipIndex(lower);
            Map<Integer, String> sample = new HashMap<>();
            for (String path : tree.paths()) {
                if (sample.size() == lower.rules().size()) {
                    break;
                }
                for (CodeownersRule r : index.allMatches(path.toLowerCase(Locale.ROOT))) {
                    sample.putIfAbsent(r.line(), path);
                }
            }
            for (int i = 0; i < unmatched.size(); i++) {
                CodeownersRule r = unmatched.get(i);
                String path = sample.get(i + 1);
                if (path != null) {
                    out.add(ctx.report(CASE_MISMATCH).at(file.path(), r.line(), r.column()).arg("pattern", r.pattern())
                            .arg("path", path).arg("platform", file.platform().displayName())
                            .key(r.pattern() + "|" + r.section()).build());
                } else {
                    out.add(ctx.report(MATCHES_NOTHING).at(file.path(), r.line(), r.column())
                            .arg("pattern", r.pattern()).arg("tree", tree.label())
                            .key(r.pattern() + "|" + r.section()).build());
                }
            }
        }
    }
}
