package io.mergegate.engine;

import io.mergegate.core.Finding;
import io.mergegate.core.Severity;
import io.mergegate.core.Suppression;
import io.mergegate.core.source.Glob;
import io.mergegate.core.suppress.Baseline;
import io.mergegate.engine.config.GateConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the engine does to a checker's findings before the verdict: exclusions, severity overrides, inline
 * suppressions and the baseline, and afterwards the baseline entries that matched nothing. Shared by the
 * gate and {@code mergegate secrets scan}, so both judge a finding the same way.
 */
public final class FindingPolicy {

    /**
     * A loaded baseline and how to name it in messages.
     *
     * @param baseline the entries
     * @param name     the file as the user knows it: relative to the repository root when inside it
     * @param inRepo   whether {@code name} is a repository path (a finding can point at it)
     */
    public record BaselineFile(Baseline baseline, String name, boolean inRepo) {

        /**
         * The baseline of a run: {@code explicit} (which must exist) or the configured file at the root (which may
         * not). An unreadable file or a bad entry is a usage error naming the file.
         */
        public static BaselineFile load(Path explicit, GateConfig config, Path root) {
            Path file = explicit != null ? explicit : root.resolve(config.baselineFile());
            Path abs = file.toAbsolutePath().normalize();
            Path rootAbs = root.toAbsolutePath().normalize();
            boolean inRepo = abs.startsWith(rootAbs);
            String name = explicit == null ? config.baselineFile()
                    : inRepo ? rootAbs.relativize(abs).toString().replace('\\', '/') : explicit.toString();
            if (!Files.exists(file)) {
                if (explicit != null) {
                    throw new UsageException("baseline file not found: " + file);
                }
                return new BaselineFile(Baseline.empty(), name, inRepo);
            }
            try {
                return new BaselineFile(Baseline.parse(Files.readString(file)), name, inRepo);
            } catch (IOException | RuntimeException e) {
                throw new UsageException(file + ": invalid baseline: " + e.getMessage(), e);
            }
        }
    }

    private final Map<String, Optional<Severity>> overrides;
    private final List<Glob> excludes;
    private final BaselineFile baseline;
    private final Set<String> used = new HashSet<>();

    public FindingPolicy(GateConfig config, BaselineFile baseline) {
        this.overrides = config.ruleOverrides();
        this.excludes = config.excludes();
        this.baseline = baseline;
    }

    /**
     * The finding as it is reported, or empty when its path is excluded or its rule is turned off.
     *
     * @param inline the inline {@code mergegate:ignore} comment (with a reason) that covers the finding, if any
     */
    public Optional<Finding> apply(Finding f, Function<Finding, Optional<Suppression>> inline) {
        if (f.location().path() != null && Glob.anyMatch(excludes, f.location().path())) {
            return Optional.empty();
        }
        Optional<Finding> overridden = GateConfig.override(overrides, f);
        if (overridden.isEmpty()) {
            return Optional.empty();
        }
        f = overridden.get();
        if (f.ruleId().equals("mergegate/checker-failed")) {
            return Optional.of(f);
        }
        Optional<Suppression> comment = inline.apply(f);
        if (comment.isPresent()) {
            return Optional.of(f.withSuppression(comment.get()));
        }
        Optional<Baseline.Entry> entry = baseline.baseline().find(f.fingerprint());
        if (entry.isEmpty()) {
            return Optional.of(f);
        }
        Baseline.Entry e = entry.get();
        used.add(e.fingerprint());
        if (e.decision().equals(Baseline.REVOKED)) {
            f = f.withSeverity(Severity.NOTE); // rotated: the value left behind is dead, a reminder only
        }
        return Optional.of(f.withSuppression(new Suppression(Suppression.Kind.BASELINE, e.decision() + ": " + e.reason())));
    }

    /**
     * Notes about the baseline itself: entries that matched no finding, among those {@code judged} says the run
     * could have matched (a run that reads only the added lines cannot know an untouched finding is gone), and
     * entries with the old decision {@code accepted}.
     *
     * @param report starts a finding for a rule id (e.g. {@code ctx::report})
     */
    public List<Finding> baselineNotes(Predicate<Baseline.Entry> judged, Function<String, Finding.Builder> report) {
        List<Finding> out = new ArrayList<>();
        String file = baseline.inRepo() ? baseline.name() : null;
        for (Baseline.Entry e : baseline.baseline().entries()) {
            if (!used.contains(e.fingerprint()) && judged.test(e)) {
                Finding.Builder b = report.apply("mergegate/baseline-entry-unused").arg("fingerprint", e.fingerprint())
                        .arg("rule", e.rule()).arg("baseline", baseline.name()).logical(e.fingerprint());
                out.add((file == null ? b : b.at(file)).build());
            }
        }
        int old = baseline.baseline().oldDecisions();
        if (old > 0) {
            Finding.Builder b = report.apply("mergegate/baseline-old-decision").arg("count", old)
                    .arg("baseline", baseline.name()).logical("baseline " + baseline.name());
            out.add((file == null ? b : b.at(file)).build());
        }
        return out;
    }
}
