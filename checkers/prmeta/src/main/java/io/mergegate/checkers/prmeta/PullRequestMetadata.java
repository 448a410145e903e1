package io.mergegate.checkers.prmeta;

import io.mergegate.core.json.Json;
import io.mergegate.core.spi.PullRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads pull-request metadata from the CI context: the GitHub event payload at
 * {@code GITHUB_EVENT_PATH}, GitLab's {@code CI_MERGE_REQUEST_*} variables, or {@code --pr-title} /
 * {@code --pr-body} on the command line. JDK only; the engine calls it and hands the result to the
 * checkers as {@link io.mergegate.core.spi.GateContext#pullRequest()}.
 */
public final class PullRequestMetadata {

    /** {@link PullRequest#metadataSource()} for a GitHub event payload. */
    public static final String GITHUB_EVENT = "GITHUB_EVENT_PATH";
    /** {@link PullRequest#metadataSource()} for GitLab merge-request variables. */
    public static final String GITLAB_VARIABLES = "CI_MERGE_REQUEST_*";
    /** {@link PullRequest#metadataSource()} for {@code --pr-title} / {@code --pr-body}. */
    public static final String COMMAND_LINE = "--pr-title/--pr-body";

    private PullRequestMetadata() {
    }

    /** The event file or variables could not be read; the message names the file and the problem. */
    public static final class InvalidEventException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidEventException(String message) {
            super(message);
        }
    }

    /**
     * The outcome of {@link #tryRead}: the pull request (without metadata when none could be read)
     * and, when the CI context was present but unreadable, why.
     *
     * @param pullRequest what could be read
     * @param error       empty, or a sentence naming the file and the problem
     */
    public record Result(PullRequest pullRequest, Optional<String> error) {
    }

    /**
     * Reads the CI context. GitHub wins when {@code GITHUB_EVENT_PATH} names a pull-request event;
     * otherwise GitLab's merge-request variables; otherwise a pull request without metadata
     * ({@link PullRequest#hasMetadata()} false), with the branch from CI variables where known.
     *
     * @param env      environment variables
     * @param readFile reads a file as UTF-8 text, empty when it does not exist
     * @throws InvalidEventException when the event file is missing or not JSON
     */
    public static PullRequest fromEnvironment(Map<String, String> env, Function<String, Optional<String>> readFile) {
        String eventPath = blankToNull(env.get("GITHUB_EVENT_PATH"));
        if (eventPath != null) {
            Optional<String> text = readFile.apply(eventPath);
            if (text.isEmpty()) {
                throw new InvalidEventException("GITHUB_EVENT_PATH names `" + eventPath + "`, which cannot be read");
            }
            Optional<PullRequest> pr = github(env, eventPath, text.get());
            if (pr.isPresent()) {
                return pr.get();
            }
        }
        if (env.containsKey("CI_MERGE_REQUEST_IID") || env.containsKey("CI_MERGE_REQUEST_TITLE")) {
            return gitlab(env);
        }
        return withoutMetadata(env);
    }

    /** Like {@link #fromEnvironment} but never throws: an unreadable event gives a pull request without metadata. */
    public static Result tryRead(Map<String, String> env, Function<String, Optional<String>> readFile) {
        try {
            return new Result(fromEnvironment(env, readFile), Optional.empty());
        } catch (InvalidEventException e) {
            return new Result(withoutMetadata(env), Optional.of(e.getMessage()));
        }
    }

    /** Title and body given on the command line, keeping the branch information already known. */
    public static PullRequest local(PullRequest known, String title, String body) {
        PullRequest k = known == null ? PullRequest.none() : known;
        return new PullRequest(k.branch(), k.branchSource(), k.branchProblem(), k.target(), title == null ? "" : title,
                body == null ? "" : body, k.labels(), k.draft(), false, COMMAND_LINE);
    }

    /** The GitHub event payload; empty when the event is not about a pull request (e.g. a push). */
    static Optional<PullRequest> github(Map<String, String> env, String eventPath, String text) {
        Object root;
        try {
            root = Json.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (Json.JsonException e) {
            throw new InvalidEventException("the GitHub event file `" + eventPath + "` (GITHUB_EVENT_PATH) is not JSON: "
                    + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> event)) {
            throw new InvalidEventException("the GitHub event file `" + eventPath
                    + "` (GITHUB_EVENT_PATH) is not a JSON object");
        }
        if (!(event.get("pull_request") instanceof Map<?, ?> pr)) {
            return Optional.empty();
        }
        String head = ref(pr.get("head"));
        String base = ref(pr.get("base"));
        String branch = head != null ? head : blankToNull(env.get("GITHUB_HEAD_REF"));
        String target = base != null ? base : blankToNull(env.get("GITHUB_BASE_REF"));
        List<String> labels = new ArrayList<>();
        if (pr.get("labels") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                    labels.add(name);
                } else if (o instanceof String s) {
                    labels.add(s);
                }
            }
        }
        String title = pr.get("title") instanceof String s ? s : "";
        String body = pr.get("body") instanceof String s ? s : "";
        boolean draft = Boolean.TRUE.equals(pr.get("draft"));
        return Optional.of(new PullRequest(branch, branch == null ? null : GITHUB_EVENT,
                branch == null ? "the event payload names no head branch" : null, target, title, body, labels, draft,
                false, GITHUB_EVENT));
    }

    private static String ref(Object side) {
        return side instanceof Map<?, ?> m && m.get("ref") instanceof String s ? blankToNull(s) : null;
    }

    /** GitLab's merge-request pipeline variables. */
    static PullRequest gitlab(Map<String, String> env) {
        String title = env.getOrDefault("CI_MERGE_REQUEST_TITLE", "");
        String body = env.getOrDefault("CI_MERGE_REQUEST_DESCRIPTION", "");
        List<String> labels = new ArrayList<>();
        for (String l : env.getOrDefault("CI_MERGE_REQUEST_LABELS", "").split(",")) {
            if (!l.isBlank()) {
                labels.add(l.strip());
            }
        }
        boolean truncated = "true".equalsIgnoreCase(env.getOrDefault("CI_MERGE_REQUEST_DESCRIPTION_IS_TRUNCATED", ""));
        boolean draft = isGitLabDraftTitle(title) || "true".equalsIgnoreCase(env.get("CI_MERGE_REQUEST_DRAFT"));
        String branch = blankToNull(env.get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"));
        String target = blankToNull(env.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"));
        return new PullRequest(branch, branch == null ? null : "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME",
                branch == null ? "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME is not set" : null, target, title, body, labels,
                draft, truncated, GITLAB_VARIABLES);
    }

    /** GitLab marks a draft by a title prefix: {@code Draft:}, {@code [Draft]} or {@code (Draft)}. */
    static boolean isGitLabDraftTitle(String title) {
        String t = title.stripLeading().toLowerCase(Locale.ROOT);
        return t.startsWith("draft:") || t.startsWith("[draft]") || t.startsWith("(draft)");
    }

    private static PullRequest withoutMetadata(Map<String, String> env) {
        String branch = blankToNull(env.get("GITHUB_HEAD_REF"));
        String source = "GITHUB_HEAD_REF";
        if (branch == null) {
            branch = blankToNull(env.get("CI_COMMIT_BRANCH"));
            source = "CI_COMMIT_BRANCH";
        }
        String target = blankToNull(env.get("GITHUB_BASE_REF"));
        return new PullRequest(branch, branch == null ? null : source,
                branch == null ? "no branch variable in the CI context" : null, target, null, null, List.of(), false,
                false, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
