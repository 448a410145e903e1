package io.mergegate.core;

import java.util.Optional;

/**
 * Where a finding points: a repository-relative path with forward slashes, an optional region,
 * and an optional logical location (a JSON pointer, an operation, "pull request").
 * A finding about the pull request itself has no path.
 */
public record Location(String path, Region region, String logical) {

    public Location {
        if (path != null) {
            path = path.replace('\\', '/');
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            if (path.isEmpty()) {
                path = null;
            }
        }
    }

    public static Location file(String path) {
        return new Location(path, null, null);
    }

    public static Location of(String path, int line, int column) {
        return new Location(path, line >= 1 ? Region.at(line, column) : null, null);
    }

    public static Location logical(String logical) {
        return new Location(null, null, logical);
    }

    public Optional<String> optionalPath() {
        return Optional.ofNullable(path);
    }

    public Optional<Region> optionalRegion() {
        return Optional.ofNullable(region);
    }

    public Optional<String> optionalLogical() {
        return Optional.ofNullable(logical);
    }

    /** First line of the region, or 0 when there is none. */
    public int line() {
        return region == null ? 0 : region.startLine();
    }

    /** First column of the region, or 0 when unknown. */
    public int column() {
        return region == null ? 0 : region.startColumn();
    }

    public Location withRegion(Region r) {
        return new Location(path, r, logical);
    }

    public Location withLogical(String l) {
        return new Location(path, region, l);
    }
}
