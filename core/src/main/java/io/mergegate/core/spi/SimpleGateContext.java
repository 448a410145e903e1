package io.mergegate.core.spi;

import io.mergegate.core.source.ChangeSet;
import io.mergegate.core.source.SourceTree;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Plain implementation of {@link GateContext}; {@link #forChecker} gives each checker its own section.
 */
public record SimpleGateContext(
        Mode mode,
        SourceTree base,
        SourceTree head,
        ChangeSet changes,
        History history,
        PullRequest pullRequest,
        Map<String, CheckerConfig> sections,
        String section,
        Facts facts,
        RuleBook rules,
        Clock clock,
        Map<String, String> environment) implements GateContext {

    public SimpleGateContext {
        Objects.requireNonNull(mode);
        Objects.requireNonNull(base);
        Objects.requireNonNull(head);
        changes = changes == null ? ChangeSet.between(base, head) : changes;
        history = history == null ? History.none() : history;
        pullRequest = pullRequest == null ? PullRequest.none() : pullRequest;
        sections = sections == null ? Map.of() : Map.copyOf(sections);
        facts = facts == null ? new Facts() : facts;
        Objects.requireNonNull(rules);
        clock = clock == null ? Clock.systemUTC() : clock;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    public SimpleGateContext forChecker(String checkerId) {
        return new SimpleGateContext(mode, base, head, changes, history, pullRequest, sections, checkerId, facts,
                rules, clock, environment);
    }

    @Override
    public CheckerConfig config() {
        return config(section);
    }

    @Override
    public CheckerConfig config(String name) {
        return name == null ? CheckerConfig.empty() : sections.getOrDefault(name, CheckerConfig.empty());
    }
}
