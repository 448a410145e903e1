package io.mergegate.core.spi;

/**
 * Fact: the change level a checker detected for one artifact (an OpenAPI spec, an Avro subject).
 *
 * @param checker    the publishing checker id
 * @param path       the artifact at head (or base, when deleted)
 * @param level      detected level
 * @param oldVersion version at base, or null
 * @param newVersion version at head, or null
 * @param summary    one line naming the most significant change
 */
public record ApiChange(String checker, String path, ChangeLevel level, String oldVersion, String newVersion,
        String summary) {
}
