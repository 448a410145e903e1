package io.mergegate.checkers.secrets;

import java.util.Locale;

/** Detector-specific checks that a candidate is a real credential and not a sample or a placeholder. */
public enum Validator {
    /** No check beyond the entropy floor and the placeholder filter. */
    NONE,
    /** GitHub classic/OAuth/app/refresh tokens: the last 6 characters are the base62 CRC32 of the 30 before. */
    GITHUB_CRC32,
    /** npm access tokens: the same checksum as GitHub's. */
    NPM_CRC32,
    /** A JWT whose header and payload decode to JSON objects and which is not the jwt.io sample. */
    JWT,
    /** A PEM or PGP private key with a real body. */
    PEM_BODY,
    /** A PEM private key in base64 (kubeconfig {@code client-key-data}, Kubernetes {@code tls.key}). */
    PEM_BASE64,
    /** The private key of a Google service-account JSON file (newlines escaped). */
    SERVICE_ACCOUNT,
    /** A password in a URL or a JDBC string: references and placeholders are dropped. */
    PASSWORD,
    /** An Authorization header: Basic must decode to user:password, Bearer must be a literal. */
    AUTHORIZATION,
    /** A value assigned to a secret-sounding name: the strictest false-positive filters. */
    GENERIC;

    static Validator parse(String text) {
        return text.equals("-") ? NONE : valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
