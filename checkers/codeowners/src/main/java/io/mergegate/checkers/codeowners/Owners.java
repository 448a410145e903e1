package io.mergegate.checkers.codeowners;

import java.util.Optional;
import java.util.regex.Pattern;

/** Which owner tokens each platform accepts. */
final class Owners {

    private static final Pattern GITHUB_USER = Pattern.compile("@[A-Za-z0-9](?:-?[A-Za-z0-9])*");
    private static final Pattern GITHUB_TEAM = Pattern.compile("@[A-Za-z0-9](?:-?[A-Za-z0-9])*/[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern GITLAB_NAME = Pattern.compile("@[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_.][A-Za-z0-9_.-]*)*");
    private static final Pattern GITLAB_ROLE = Pattern.compile("@@(?:developer|maintainer|owner)s?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s/.]+(?:\\.[^@\\s/.]+)+");

    /** Longer than any e-mail address (254) or handle; checked first so the patterns only see short text. */
    private static final int MAX_LENGTH = 254;

    private Owners() {
    }

    /** Why a token is not an owner on the platform, or empty when it is one. */
    static Optional<String> problem(String owner, Platform platform) {
        if (owner.length() > MAX_LENGTH) {
            return Optional.of("it is " + owner.length() + " characters long; no user, team or e-mail address is longer than "
                    + MAX_LENGTH);
        }
        if (EMAIL.matcher(owner).matches()) {
            return Optional.empty();
        }
        if (platform == Platform.GITHUB) {
            if (GITHUB_USER.matcher(owner).matches() || GITHUB_TEAM.matcher(owner).matches()) {
                return Optional.empty();
            }
            if (owner.startsWith("@@")) {
                return Optional.of("GitLab role owners (@@role) do not exist on GitHub");
            }
            if (GITLAB_NAME.matcher(owner).matches() && owner.indexOf('/') != owner.lastIndexOf('/')) {
                return Optional.of("GitHub has no nested teams; use @org/team");
            }
            return Optional.of("an owner is @user, @org/team or an e-mail address");
        }
        if (GITLAB_ROLE.matcher(owner).matches() || (!owner.startsWith("@@") && GITLAB_NAME.matcher(owner).matches())) {
            return Optional.empty();
        }
        if (owner.startsWith("@@")) {
            return Optional.of("the roles are @@developer, @@maintainer and @@owner");
        }
        return Optional.of("an owner is @user, @group, @group/subgroup, @@role or an e-mail address");
    }

    static boolean isGitLabRole(String owner) {
        return GITLAB_ROLE.matcher(owner).matches();
    }
}
