package io.mergegate.core;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One result of a rule: immutable, and all that reports ever see.
 *
 * @param ruleId      the catalogue id
 * @param severity    severity after configuration overrides
 * @param message     what is wrong and what to do, never containing a secret value
 * @param location    file, region and logical location
 * @param fingerprint stable across unrelated edits (rule id + logical location)
 * @param properties  extra key/value data, sorted for deterministic output
 * @param suppression present when an inline comment or the baseline suppresses the finding
 */
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        Location location,
        String fingerprint,
        Map<String, String> properties,
        Suppression suppression) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        location = location == null ? new Location(null, null, null) : location;
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
        if (fingerprint == null || fingerprint.isEmpty()) {
            fingerprint = Fingerprints.of(ruleId, Objects.toString(location.path(), ""),
                    Objects.toString(location.logical(), message));
        }
    }

    public String family() {
        int slash = ruleId.indexOf('/');
        return slash < 0 ? ruleId : ruleId.substring(0, slash);
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    public Optional<Suppression> optionalSuppression() {
        return Optional.ofNullable(suppression);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, message, location, fingerprint, properties, suppression);
    }

    public Finding withSuppression(Suppression s) {
        return new Finding(ruleId, severity, message, location, fingerprint, properties, s);
    }

    public Finding withLocation(Location l) {
        return new Finding(ruleId, severity, message, l, fingerprint, properties, suppression);
    }

    /** Builds a finding from a catalogue entry: default severity and message template with arguments. */
    public static Builder builder(RuleDescriptor rule) {
        return new Builder(rule);
    }

    /** Fluent construction; unknown placeholders stay visible so a missing argument is noticed in tests. */
    public static final class Builder {
        private final RuleDescriptor rule;
        private final Map<String, Object> args = new TreeMap<>();
        private final Map<String, String> properties = new TreeMap<>();
        private Severity severity;
        private String message;
        private String path;
        private Region region;
        private String logical;
        private String key;
        private String fingerprint;

        private Builder(RuleDescriptor rule) {
            this.rule = Objects.requireNonNull(rule, "rule");
            this.severity = rule.defaultSeverity();
        }

        public Builder arg(String name, Object value) {
            args.put(name, value);
            return this;
        }

        public Builder args(Map<String, ?> values) {
            args.putAll(values);
            return this;
        }

        /** Replaces the rendered template entirely. */
        public Builder message(String text) {
            this.message = text;
            return this;
        }

        public Builder severity(Severity s) {
            this.severity = Objects.requireNonNull(s);
            return this;
        }

        public Builder at(String filePath) {
            this.path = filePath;
            return this;
        }

        public Builder at(String filePath, int line, int column) {
            this.path = filePath;
            this.region = line >= 1 ? Region.at(line, column) : null;
            return this;
        }

        public Builder region(Region r) {
            this.region = r;
            return this;
        }

        public Builder line(int line) {
            this.region = line >= 1 ? Region.line(line) : null;
            return this;
        }

        /** A logical location such as a JSON pointer, an operation or {@code pull request}. */
        public Builder logical(String l) {
            this.logical = l;
            return this;
        }

        /** The stable part of the fingerprint; defaults to the logical location, then the message. */
        public Builder key(String fingerprintKey) {
            this.key = fingerprintKey;
            return this;
        }

        /**
         * Sets the whole fingerprint, for checkers whose identity is not tied to a path (a secret's
         * fingerprint is its rule and value hash, stable across renames).
         */
        public Builder fingerprint(String value) {
            this.fingerprint = value;
            return this;
        }

        public Builder property(String name, Object value) {
            if (value != null) {
                properties.put(name, String.valueOf(value));
            }
            return this;
        }

        public Finding build() {
            String text = message != null ? message : MessageTemplate.render(rule.messageTemplate(), args);
            String stable = key != null ? key : logical != null ? logical : text;
            String fp = fingerprint != null ? fingerprint : Fingerprints.of(rule.id(), Objects.toString(path, ""), stable);
            return new Finding(rule.id(), severity, text, new Location(path, region, logical), fp, properties, null);
        }
    }
}
