package io.mergegate.checkers.codeowners;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The code-hosting platform whose CODEOWNERS semantics apply. */
public enum Platform {
    /** GitHub: gitignore-like patterns, last match wins, no sections. */
    GITHUB(List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")),
    /** GitLab: {@code File.fnmatch} patterns, sections with approvals, exclusions and roles. */
    GITLAB(List.of("CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"));

    /** Files of 3 MB or more are ignored by the platform. */
    public static final long MAX_BYTES = 3L * 1024 * 1024;

    private final List<String> locations;

    Platform(List<String> locations) {
        this.locations = locations;
    }

    /** Where the platform looks, in precedence order: the first file present wins. */
    public List<String> locations() {
        return locations;
    }

    /** The platform's name as written in messages. */
    public String displayName() {
        return this == GITHUB ? "GitHub" : "GitLab";
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Platform p : values()) {
            if (p.id().equalsIgnoreCase(text.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
