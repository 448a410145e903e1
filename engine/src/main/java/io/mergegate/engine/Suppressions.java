package io.mergegate.engine;

import io.mergegate.core.Finding;
import io.mergegate.core.Suppression;
import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.ChangedPath;
import io.mergegate.core.source.SourceFile;
import io.mergegate.core.source.SourceTree;
import io.mergegate.core.spi.GateContext;
import io.mergegate.core.suppress.InlineSuppressions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Inline {@code mergegate:ignore} comments in the files of a tree, parsed once per file. */
public final class Suppressions {

    private static final long MAX_SCAN_BYTES = 2L << 20;

    private final SourceTree head;
    private final Map<String, InlineSuppressions> cache = new HashMap<>();

    public Suppressions(SourceTree head) {
        this.head = head;
    }

    /** The comment with a rule id and a reason that covers the finding (on its line or the line above), if any. */
    public Optional<Suppression> find(Finding f) {
        if (f.location().path() == null || f.location().line() < 1) {
            return Optional.empty();
        }
        return comments(f.location().path())
                .flatMap(s -> s.find(f.ruleId(), f.location().line()))
                .filter(e -> e.hasReason())
                .map(e -> new Suppression(Suppression.Kind.INLINE, e.reason()));
    }

    /** Comments in changed files that name no rule or give no reason: they suppress nothing. */
    List<Finding> unjustified(ChangeSet changes, GateContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ChangedPath c : changes.all()) {
            if (!c.existsAtHead()) {
                continue;
            }
            comments(c.path()).ifPresent(s -> {
                for (InlineSuppressions.Entry e : s.entries()) {
                    if (!e.hasReason() || e.rules().isEmpty()) {
                        out.add(ctx.report("mergegate/suppression-without-reason").at(c.path(), e.line(), e.column())
                                .key(c.path() + ":" + e.line()).build());
                    }
                }
            });
        }
        return out;
    }

    private synchronized Optional<InlineSuppressions> comments(String path) {
        if (cache.containsKey(path)) {
            return Optional.ofNullable(cache.get(path));
        }
        InlineSuppressions s = null;
        Optional<SourceFile> f = head.file(path);
        if (f.isPresent() && !f.get().isSymlink() && f.get().size() <= MAX_SCAN_BYTES && !f.get().isBinary()) {
            s = InlineSuppressions.parse(f.get().textLenient());
        }
        cache.put(path, s);
        return Optional.ofNullable(s);
    }
}
