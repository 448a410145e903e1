package io.mergegate.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One fixture case folder: {@code fixtures/<family>/<rule-name>/<case>/} with {@code base/},
 * {@code head/}, optional {@code case.yaml} and {@code expected.yaml}.
 *
 * @param dir      the case folder
 * @param family   rule family (first folder)
 * @param ruleName rule name (second folder)
 * @param name     case name (third folder); starts with {@code positive} or {@code negative}
 * @param options  parsed case.yaml (empty map when absent)
 * @param expected expected findings
 * @param exact    when true, every actual finding must be expected too
 */
public record FixtureCase(Path dir, String family, String ruleName, String name, Map<String, Object> options,
        List<Expected> expected, boolean exact) {

    /**
     * One expected finding; null fields are not compared.
     *
     * @param rule    rule id
     * @param file    path, or {@code null}; use {@code "-"} for "no file"
     * @param line    1-based line, or 0 to skip
     * @param column  1-based column, or 0 to skip
     * @param logical logical location, or null
     * @param message a fragment the message must contain, or null
     * @param severity expected severity id, or null
     */
    public record Expected(String rule, String file, int line, int column, String logical, String message,
            String severity) {
    }

    public String ruleId() {
        return family + "/" + ruleName;
    }

    public boolean isPositive() {
        return name.startsWith("positive");
    }

    public Path base() {
        return dir.resolve("base");
    }

    public Path head() {
        return dir.resolve("head");
    }

    public String displayName() {
        return family + "/" + ruleName + "/" + name;
    }

    static Map<String, Object> yaml(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
            if (o == null) {
                return Map.of();
            }
            if (!(o instanceof Map<?, ?>)) {
                throw new IllegalStateException(file + " must be a YAML map");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a case folder. */
    public static FixtureCase load(Path dir) {
        Path ruleDir = dir.getParent();
        Path familyDir = ruleDir.getParent();
        Map<String, Object> options = yaml(dir.resolve("case.yaml"));
        Map<String, Object> exp = yaml(dir.resolve("expected.yaml"));
        List<Expected> expected = new ArrayList<>();
        if (exp.get("findings") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    expected.add(new Expected(str(m.get("rule")), str(m.get("file")), num(m.get("line")),
                            num(m.get("column")), str(m.get("logical")), str(m.get("message")), str(m.get("severity"))));
                }
            }
        }
        boolean exact = !Boolean.FALSE.equals(exp.get("exact"));
        return new FixtureCase(dir, familyDir.getFileName().toString(), ruleDir.getFileName().toString(),
                dir.getFileName().toString(), options, expected, exact);
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static int num(Object o) {
        return o instanceof Number n ? n.intValue() : o == null ? 0 : Integer.parseInt(String.valueOf(o));
    }
}
