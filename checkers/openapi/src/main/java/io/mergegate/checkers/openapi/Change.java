package io.mergegate.checkers.openapi;

import java.util.Map;

/**
 * One detected difference between two specs, before it becomes a finding.
 *
 * @param rule      rule name without the {@code openapi/} prefix (oasdiff's id where the meaning matches)
 * @param method    upper-case HTTP method, or "" for spec-level changes
 * @param path      the API path as written at head (base when removed), or ""
 * @param pointer   logical JSON pointer of the changed node (refs resolved), part of the fingerprint
 * @param at        the head node the finding points at (for removals: the parent at head)
 * @param args      message arguments
 */
record Change(String rule, String method, String path, String pointer, Located at, Map<String, String> args) {

    String operation() {
        return method.isEmpty() ? path : method + " " + path;
    }
}
