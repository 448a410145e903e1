package io.mergegate.core;

/**
 * Why a finding does not block: an inline {@code mergegate:ignore} comment or a baseline entry.
 *
 * @param kind          where the suppression came from
 * @param justification the reason the author gave
 */
public record Suppression(Kind kind, String justification) {

    public enum Kind {
        INLINE("inSource"), BASELINE("external");

        private final String sarifKind;

        Kind(String sarifKind) {
            this.sarifKind = sarifKind;
        }

        /** The SARIF {@code suppression.kind} value. */
        public String sarifKind() {
            return sarifKind;
        }
    }
}
