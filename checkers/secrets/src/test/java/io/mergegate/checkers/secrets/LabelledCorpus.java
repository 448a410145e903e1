package io.mergegate.checkers.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A labelled corpus of realistic repository files (configs, source, CI, docs, tests, lock files, manifests),
 * generated from parts with a fixed seed so that no real-looking token is stored in the repository. Every
 * planted secret is labelled with its file, line and kind, and so is every hard negative (references,
 * placeholders, encrypted values, documentation samples, test keys, hashes). Shared by
 * {@code LabelledCorpusTest} and {@code CorpusComparison} (the side-by-side benchmark).
 */
final class LabelledCorpus {

    /**
     * One labelled line.
     *
     * @param path   repository-relative path
     * @param line   1-based line (the first line of a multi-line secret such as a PEM block)
     * @param kind   what is planted there, e.g. {@code password-with-symbols} or {@code reference}
     * @param secret true for a planted secret, false for a hard negative
     */
    record Label(String path, int line, String kind, boolean secret) {
    }

    private final Map<String, String> files = new TreeMap<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final SplittableRandom random;
    private final String seedLabel;
    private int counter;

    private LabelledCorpus(long seed) {
        this.random = new SplittableRandom(seed);
        this.seedLabel = "corpus" + seed;
    }

    /** The corpus of a seed: the same seed gives the same files and labels. */
    static LabelledCorpus generate(long seed) {
        LabelledCorpus corpus = new LabelledCorpus(seed);
        new CorpusTemplates(corpus).writeAll();
        return corpus;
    }

    Map<String, String> files() {
        return Collections.unmodifiableMap(files);
    }

    List<Label> labels() {
        return Collections.unmodifiableList(labels);
    }

    List<Label> secrets() {
        return labels.stream().filter(Label::secret).toList();
    }

    List<Label> negatives() {
        return labels.stream().filter(l -> !l.secret()).toList();
    }

    /** Every planted secret value (and its base64 form where one was written): none may reach a report. */
    List<String> plantedValues() {
        return Collections.unmodifiableList(values);
    }

    /** Writes the files below {@code dir}. */
    void write(Path dir) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** The labels as TSV: path, line, kind, secret|negative. */
    String labelsTsv() {
        StringBuilder sb = new StringBuilder("# path\tline\tkind\tsecret|negative\n");
        for (Label l : labels) {
            sb.append(l.path()).append('\t').append(l.line()).append('\t').append(l.kind()).append('\t')
                    .append(l.secret() ? "secret" : "negative").append('\n');
        }
        return sb.toString();
    }

    static List<Label> readLabels(Path tsv) throws IOException {
        List<Label> out = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Label(f[0], Integer.parseInt(f[1]), f[2], f[3].equals("secret")));
        }
        return out;
    }

    // --- building blocks for the templates ---

    /** A fresh fake value of a {@link FakeSecrets} kind. */
    String value(String kind) {
        String v = FakeSecrets.value(kind, seedLabel + "-" + counter++);
        values.add(v);
        return v;
    }

    /** A fresh fake value in base64 (as Kubernetes {@code data:} holds it). */
    String base64(String plain) {
        String b = Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        values.add(b);
        return b;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    Doc doc(String path) {
        return new Doc(path);
    }

    /** One file being written line by line; {@link #done()} adds it to the corpus. */
    final class Doc {
        private final String path;
        private final StringBuilder text = new StringBuilder();
        private int lines;

        private Doc(String path) {
            this.path = path;
        }

        /** Lines that are neither secrets nor hard negatives. */
        Doc add(String block) {
            for (String l : block.split("\n", -1)) {
                text.append(l).append('\n');
                lines++;
            }
            return this;
        }

        /** A planted secret; a multi-line block is labelled on its first line. */
        Doc secret(String kind, String block) {
            labels.add(new Label(path, lines + 1, kind, true));
            return add(block);
        }

        /** A hard negative: looks like a secret, is not one. */
        Doc negative(String kind, String block) {
            labels.add(new Label(path, lines + 1, kind, false));
            return add(block);
        }

        /** Either a secret (with probability {@code p}) or a hard negative. */
        Doc either(double p, String secretKind, String secretBlock, String negativeKind, String negativeBlock) {
            return chance(p) ? secret(secretKind, secretBlock) : negative(negativeKind, negativeBlock);
        }

        void done() {
            if (files.put(path, text.toString()) != null) {
                throw new IllegalStateException("corpus file written twice: " + path);
            }
        }
    }
}
