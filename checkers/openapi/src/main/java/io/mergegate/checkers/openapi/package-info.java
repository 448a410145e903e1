/**
 * The OpenAPI checker ({@code openapi/*} rules): breaking changes, semantic versioning, URI versions
 * and the deprecation lifecycle of OpenAPI 3.0 and 3.1 specs.
 *
 * <p>Pipeline for one spec: {@link io.mergegate.checkers.openapi.SpecLoader} parses YAML/JSON into
 * {@link io.mergegate.checkers.openapi.SpecNode}s that keep line and column, within bounds (size,
 * depth, aliases, node count; duplicate keys and invalid UTF-8 are findings).
 * {@link io.mergegate.checkers.openapi.Workspace} resolves {@code $ref}s inside the file and to other
 * files of the same snapshot, never remotely. {@link io.mergegate.checkers.openapi.SpecValidator} asks
 * swagger-parser for structural problems. {@link io.mergegate.checkers.openapi.OpenApiDiff} matches
 * operations (path-parameter names ignored, path-level parameters merged) and
 * {@link io.mergegate.checkers.openapi.SchemaDiff} compares normalised schemas
 * ({@link io.mergegate.checkers.openapi.SchemaView}: refs resolved, {@code allOf} flattened, the three
 * spellings of "nullable" unified) in the direction of the message: a request may only widen, a
 * response may only narrow. {@link io.mergegate.checkers.openapi.SpecComparison} adds the version rules
 * and the change level.
 *
 * <p>Rule names follow oasdiff's ids where the meaning matches; the list, levels and version impact
 * are in {@code openapi-rules.tsv}, generated with the catalogue and the fixtures by
 * {@code checkers/openapi/tools/generate_catalogue.py}.
 */
package io.mergegate.checkers.openapi;
