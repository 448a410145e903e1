package io.mergegate.engine.config;

import io.mergegate.core.Fingerprints;
import io.mergegate.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers configs that passed schema validation, keyed by the schema and the parsed config, so a
 * pre-commit run does not pay the JSON Schema library's cold start for a config it already accepted.
 * Only successes are remembered; any problem with the cache folder just means validating again.
 * {@code MERGEGATE_CONFIG_CACHE=0} turns it off.
 */
final class ValidatedConfigs {

    private static volatile byte[] schemaBytes;

    private ValidatedConfigs() {
    }

    static boolean known(Map<String, Object> config) {
        return marker(config).map(Files::isRegularFile).orElse(false);
    }

    static void remember(Map<String, Object> config) {
        marker(config).ifPresent(m -> {
            try {
                Files.createDirectories(m.getParent());
                Path tmp = Files.createTempFile(m.getParent(), "ok", ".tmp");
                Files.move(tmp, m, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                // A read-only or missing home folder only costs the next run a validation.
            }
        });
    }

    private static Optional<Path> marker(Map<String, Object> config) {
        if ("0".equals(System.getenv("MERGEGATE_CONFIG_CACHE"))) {
            return Optional.empty();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home == null ? null : Path.of(home, ".cache");
        byte[] schema = schema();
        if (base == null || schema.length == 0) {
            return Optional.empty();
        }
        String key = Fingerprints.sha256Hex(Fingerprints.sha256Hex(schema) + "\u0000" + Json.writeCompact(config));
        return Optional.of(base.resolve("mergegate").resolve("valid-configs").resolve(key));
    }

    private static byte[] schema() {
        byte[] b = schemaBytes;
        if (b == null) {
            try (InputStream in = ValidatedConfigs.class.getResourceAsStream(ConfigLoader.SCHEMA_RESOURCE)) {
                b = in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                b = new byte[0];
            }
            schemaBytes = b;
        }
        return b;
    }
}
