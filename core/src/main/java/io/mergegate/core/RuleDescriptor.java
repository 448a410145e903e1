package io.mergegate.core;

import java.util.List;
import java.util.Objects;

/**
 * Catalogue entry of one rule: the metadata kept apart from the checker that emits it.
 *
 * @param id              stable kebab-case id with checker prefix, e.g. {@code branch/invalid-name}
 * @param defaultSeverity severity unless the configuration overrides it
 * @param status          lifecycle state
 * @param shortDescription one line, shown in lists
 * @param messageTemplate  message with {@code {name}} placeholders filled by the checker
 * @param help            Markdown: why it matters and the safe alternative
 * @param example         Markdown example of a violation and its fix (may be empty)
 * @param helpUri         link into the generated rule docs
 * @param tags            free-form tags (e.g. {@code breaking}, {@code security})
 * @param replacedBy      for deprecated rules, the replacing id (may be empty)
 * @param enabledByDefault opt-in rules are false
 */
public record RuleDescriptor(
        String id,
        Severity defaultSeverity,
        RuleStatus status,
        String shortDescription,
        String messageTemplate,
        String help,
        String example,
        String helpUri,
        List<String> tags,
        String replacedBy,
        boolean enabledByDefault) {

    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        status = status == null ? RuleStatus.STABLE : status;
        shortDescription = Objects.requireNonNullElse(shortDescription, "");
        messageTemplate = Objects.requireNonNullElse(messageTemplate, "");
        help = Objects.requireNonNullElse(help, "");
        example = Objects.requireNonNullElse(example, "");
        helpUri = Objects.requireNonNullElse(helpUri, "");
        tags = tags == null ? List.of() : List.copyOf(tags);
        replacedBy = Objects.requireNonNullElse(replacedBy, "");
    }

    /** The checker family: the part of the id before the first {@code /}. */
    public String family() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    /** The readable part of the id after the family prefix. */
    public String name() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }
}
