package io.mergegate.core.spi;

import io.mergegate.core.RuleDescriptor;
import java.util.Collection;
import java.util.Optional;

/** Read access to the rule catalogue. */
public interface RuleBook {

    Optional<RuleDescriptor> find(String ruleId);

    Collection<RuleDescriptor> all();

    default RuleDescriptor require(String ruleId) {
        return find(ruleId).orElseThrow(() -> new IllegalArgumentException("rule not in the catalogue: " + ruleId));
    }
}
