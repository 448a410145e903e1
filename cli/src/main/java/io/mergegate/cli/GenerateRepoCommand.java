package io.mergegate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Hidden benchmark helper: writes a seeded synthetic service repository (source files, OpenAPI specs,
 * Avro schemas, SQL migrations, CODEOWNERS) with a history on {@code main} and a PR branch on top.
 */
@Command(name = "generate-repo", hidden = true, mixinStandardHelpOptions = true,
        description = "Generate a synthetic repository for benchmarks (same seed, same repository).")
final class GenerateRepoCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to create.")
    Path out;

    @Option(names = "--files", paramLabel = "N", description = "Source files (default ${DEFAULT-VALUE}).")
    int files = 5000;

    @Option(names = "--specs", paramLabel = "N", description = "OpenAPI specs (default ${DEFAULT-VALUE}).")
    int specs = 5;

    @Option(names = "--schemas", paramLabel = "N", description = "Avro schemas (default ${DEFAULT-VALUE}).")
    int schemas = 20;

    @Option(names = "--migrations", paramLabel = "N", description = "SQL migrations (default ${DEFAULT-VALUE}).")
    int migrations = 50;

    @Option(names = "--commits", paramLabel = "N", description = "Commits on main before the PR (default ${DEFAULT-VALUE}).")
    int commits = 20;

    @Option(names = "--changed", paramLabel = "N", description = "Files the PR commit changes (default ${DEFAULT-VALUE}).")
    int changed = 10;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--codeowners-lines", paramLabel = "N",
            description = "Write a CODEOWNERS of about N lines in the styles real ones use (default: a short one).")
    int codeownersLines;

    private static final String[] WORDS = {"order", "customer", "payment", "invoice", "account", "ledger", "user",
        "session", "token", "event", "stream", "record", "amount", "currency", "status", "retry", "cache", "limit"};

    @Override
    public Integer call() throws IOException, GitAPIException {
        Random rnd = new Random(seed);
        Files.createDirectories(out);
        PersonIdent who = new PersonIdent("bench", "bench@example.invalid", Instant.parse("2026-01-01T00:00:00Z"),
                ZoneOffset.UTC);
        try (Git git = Git.init().setDirectory(out.toFile()).setInitialBranch("main").call()) {
            write("CODEOWNERS", codeownersLines > 0 ? codeowners(new Random(seed), codeownersLines) : codeowners());
            write(".mergegate.yml", "version: 1\n");
            for (int i = 0; i < files; i++) {
                write(sourcePath(i), source(rnd, i));
            }
            for (int i = 0; i < specs; i++) {
                write("docs/openapi/service" + i + "-v1.yaml", spec(i, 1));
            }
            for (int i = 0; i < schemas; i++) {
                write("kafka/schemas/event" + i + "-v1.avsc", schema(i, false));
            }
            for (int i = 0; i < migrations; i++) {
                write(migrationPath(i), migration(i));
            }
            commit(git, who, "initial import");
            for (int c = 1; c < commits; c++) {
                int i = rnd.nextInt(files);
                write(sourcePath(i), source(rnd, i) + "// revision " + c + "\n");
                commit(git, who, "change " + c);
            }
            git.checkout().setCreateBranch(true).setName("feature/CORE-1-bench").call();
            for (int k = 0; k < changed; k++) {
                int i = rnd.nextInt(files);
                write(sourcePath(i), source(rnd, i) + "    // PR edit " + k + "\n");
            }
            commit(git, who, "PR change");
        }
        spec.commandLine().getOut().printf("generated %s: %d source files, %d specs, %d schemas, %d migrations, "
                + "%d commits on main, PR branch feature/CORE-1-bench%n", out, files, specs, schemas, migrations, commits);
        return 0;
    }

    private static void commit(Git git, PersonIdent who, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private void write(String path, String text) throws IOException {
        Path p = out.resolve(path);
        Files.createDirectories(p.getParent() == null ? out : p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static String sourcePath(int i) {
        return "services/svc" + (i % 25) + "/src/main/java/com/example/pkg" + (i % 40) + "/File" + i + ".java";
    }

    private static String migrationPath(int i) {
        return "services/svc0/src/main/resources/db/migration/V" + (i + 1) + "__change_" + i + ".sql";
    }

    private static String word(Random r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    private static String source(Random r, int i) {
        StringBuilder sb = new StringBuilder("package com.example.pkg" + (i % 40) + ";\n\nimport java.util.List;\n\n"
                + "/** Handles " + word(r) + " " + word(r) + " requests. */\npublic final class File" + i + " {\n");
        int methods = 3 + r.nextInt(8);
        for (int m = 0; m < methods; m++) {
            String a = word(r);
            String b = word(r);
            sb.append("    public List<String> ").append(a).append(Character.toUpperCase(b.charAt(0)))
                    .append(b.substring(1)).append(m).append("(String ").append(a).append("Id, int limit) {\n")
                    .append("        if (limit <= 0) {\n            throw new IllegalArgumentException(\"limit\");\n")
                    .append("        }\n        return List.of(").append(a).append("Id, \"").append(b).append("\");\n")
                    .append("    }\n\n");
        }
        return sb.append("}\n").toString();
    }

    private static String codeowners() {
        StringBuilder sb = new StringBuilder("* @acme/core-team\n/docs/openapi/ @acme/api-guild\n/kafka/ @acme/platform\n");
        for (int s = 0; s < 25; s++) {
            sb.append("/services/svc").append(s).append("/ @acme/team-").append(s % 5).append('\n');
        }
        return sb.append("**/db/migration/ @acme/dba-team\n").toString();
    }

    /**
     * A large CODEOWNERS over the generated layout, in the shapes real ones use: service and package
     * folders, single files, {@code **} and unanchored folder names, suffix globs ({@code *Test.java})
     * and one-level {@code *} rules; later lines refine earlier ones, few lines repeat.
     */
    private static String codeowners(Random r, int lines) {
        String[] suffixes = {"*.md", "*Test.java", "*IT.java", "*.sql", "*.yaml", "*.json", "*Dto.java", "*Config.java"};
        StringBuilder sb = new StringBuilder("* @acme/core-team\n");
        for (int n = 1; n < lines; n++) {
            int svc = n % 25;
            int pkg = (n / 25) % 40;
            String team = " @acme/team-" + r.nextInt(60);
            String base = "services/svc" + svc + "/src/main/java/com/example/pkg" + pkg;
            String line = switch (n % 10) {
                case 0, 1 -> "/" + base + "/" + team;
                case 2, 3 -> "/" + base + "/File" + r.nextInt(100_000) + ".java" + team;
                case 4 -> "**/pkg" + pkg + "/File" + r.nextInt(100_000) + ".java" + team;
                case 5 -> "/" + base + "/*" + team + " @acme/reviewers";
                case 6 -> n < 250 ? "/services/svc" + svc + "/" + team : "/" + base + "/File" + r.nextInt(100_000) + ".java" + team;
                case 7 -> n < 400 ? "pkg" + pkg + "/" + team : "/" + base + "/File" + r.nextInt(100_000) + ".java" + team;
                case 8 -> n < 80 ? suffixes[n % suffixes.length] + team : "/services/svc" + svc + "/src/*/java/" + team;
                default -> "/services/svc" + svc + "/**/pkg" + pkg + "/*.java" + team;
            };
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    static String spec(int i, int major) {
        return "openapi: 3.0.3\ninfo:\n  title: Service " + i + "\n  version: " + major + ".0.0\npaths:\n"
                + "  /v" + major + "/items/{id}:\n    get:\n      operationId: getItem" + i + "\n      parameters:\n"
                + "        - name: id\n          in: path\n          required: true\n          schema:\n            type: string\n"
                + "      responses:\n        \"200\":\n          description: ok\n          content:\n"
                + "            application/json:\n              schema:\n                type: object\n"
                + "                properties:\n                  id:\n                    type: string\n"
                + "                  name:\n                    type: string\n";
    }

    static String schema(int i, boolean extra) {
        return "{\"type\": \"record\", \"name\": \"Event" + i + "\", \"namespace\": \"com.example.events\", "
                + "\"doc\": \"Event " + i + ".\", \"fields\": [{\"name\": \"id\", \"type\": \"string\", \"doc\": \"Id.\"}"
                + (extra ? ", {\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null, \"doc\": \"Note.\"}" : "")
                + "]}\n";
    }

    private static String migration(int i) {
        return "-- Team: CORE\n-- Date: 2026-01-01\n-- Description: change " + i + "\n-- Risk: low\n"
                + "-- Estimated Time: 1s\n-- Rollback script: none\n-- Phase: expand\n"
                + "CREATE TABLE table_" + i + " (id bigint PRIMARY KEY, name text);\n";
    }
}
