/**
 * The signed approval handed to deploy stages: an in-toto Statement v1 with a SLSA Verification
 * Summary v1 predicate, wrapped in a DSSE envelope signed with Ed25519. JDK and {@code core} only;
 * callers pass plain inputs (head commit, config bytes, approved files, check names).
 */
package io.mergegate.reports.approval;
