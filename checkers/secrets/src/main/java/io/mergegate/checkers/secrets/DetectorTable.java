package io.mergegate.checkers.secrets;

import io.mergegate.core.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Loads {@code mergegate-secrets/detectors.tsv} from the class path. */
public final class DetectorTable {

    public static final String RESOURCE = "/mergegate-secrets/detectors.tsv";

    private DetectorTable() {
    }

    public static List<Detector> load() {
        try (InputStream in = DetectorTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Detector> parse(List<String> lines) {
        List<Detector> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 11 || !f[9].equals("anchored") && !f[9].equals("window")) {
                throw new IllegalStateException("detectors.tsv: expected 11 columns, mode anchored or window: " + line);
            }
            String group = f[4];
            boolean firstOf = group.endsWith("+");
            out.add(new Detector(f[0], "secrets/" + f[1], f[2].equals("-") ? null : Severity.parse(f[2]).orElseThrow(),
                    Arrays.stream(f[3].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                    Integer.parseInt(firstOf ? group.substring(0, group.length() - 1) : group), firstOf,
                    f[5].equals("-") ? 0 : Double.parseDouble(f[5]), Validator.parse(f[6]), Integer.parseInt(f[7]),
                    Integer.parseInt(f[8]), f[9].equals("anchored"), new LazyPattern(f[10])));
        }
        return List.copyOf(out);
    }
}
