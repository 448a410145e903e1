package io.mergegate.checkers.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values under {@code data:} and {@code stringData:} of a Kubernetes {@code kind: Secret} manifest
 * (YAML). A {@code SealedSecret} holds ciphertext and is never reported.
 */
final class KubernetesSecrets {

    private static final Pattern KIND_SECRET = Pattern.compile("(?m)^kind:[ \t]*[\"']?Secret[\"']?[ \t]*\r?$");
    private static final Pattern KIND_SEALED = Pattern.compile("(?m)^kind:[ \t]*[\"']?SealedSecret[\"']?[ \t]*\r?$");
    private static final Pattern DOC_SPLIT = Pattern.compile("(?m)^---[^\r\n]*\r?$");
    private static final Pattern SECTION = Pattern.compile("^(data|stringData):[ \t]*$");
    private static final Pattern ENTRY = Pattern.compile("^([ \t]+)([A-Za-z0-9_.\\-]+|\"[^\"]+\"|'[^']+'):[ \t]*(.*)$");

    private KubernetesSecrets() {
    }

    static boolean applies(String path, String text) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return (p.endsWith(".yaml") || p.endsWith(".yml")) && text.contains("Secret") && KIND_SECRET.matcher(text).find();
    }

    /** Byte ranges of the {@code kind: SealedSecret} documents of a YAML file: their values are ciphertext. */
    static List<int[]> sealedDocuments(String path, String text) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        List<int[]> out = new ArrayList<>();
        if (!(p.endsWith(".yaml") || p.endsWith(".yml")) || !text.contains("SealedSecret")) {
            return out;
        }
        Matcher split = DOC_SPLIT.matcher(text);
        int docStart = 0;
        while (true) {
            boolean more = split.find();
            int docEnd = more ? split.start() : text.length();
            if (KIND_SEALED.matcher(text).region(docStart, docEnd).find()) {
                out.add(new int[] {docStart, docEnd});
            }
            if (!more) {
                return out;
            }
            docStart = split.end();
        }
    }

    static List<SecretMatch> scan(String path, String text, SecretScanner.Lines lines, BitSet report) {
        List<SecretMatch> out = new ArrayList<>();
        Matcher split = DOC_SPLIT.matcher(text);
        int docStart = 0;
        while (true) {
            boolean more = split.find();
            int docEnd = more ? split.start() : text.length();
            String doc = text.substring(docStart, docEnd);
            if (KIND_SECRET.matcher(doc).find()) {
                scanDocument(path, text, docStart, doc, lines, report, out);
            }
            if (!more) {
                break;
            }
            docStart = split.end();
        }
        return out;
    }

    private static void scanDocument(String path, String text, int offset, String doc, SecretScanner.Lines lines,
            BitSet report, List<SecretMatch> out) {
        String section = null;
        int pos = 0;
        for (String line : doc.split("\n", -1)) {
            int lineStart = offset + pos;
            pos += line.length() + 1;
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            Matcher s = SECTION.matcher(l);
            if (s.matches()) {
                section = s.group(1);
                continue;
            }
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#")) {
                section = null;
                continue;
            }
            Matcher e = ENTRY.matcher(l);
            if (section == null || !e.matches()) {
                continue;
            }
            String raw = e.group(3).strip();
            if (raw.startsWith("#") || raw.isEmpty() || raw.equals("|") || raw.equals(">")) {
                continue;
            }
            String value = unquote(raw);
            String plain = section.equals("data") ? decode(value) : value;
            if (plain == null || plain.isBlank() || ValueFilters.rejectCommon(plain) || plain.length() < 4) {
                continue;
            }
            int at = lineStart + l.indexOf(raw, e.start(3));
            int lineNo = lines.lineOf(at);
            if (report != null && !report.get(lineNo)) {
                continue;
            }
            out.add(new SecretMatch("secrets/kubernetes-secret", "kubernetes-secret-" + section, null, path, lineNo,
                    lines.columnOf(text, at), lineNo, SecretScanner.utf8(plain)));
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String decode(String b64) {
        try {
            return new String(Base64.getDecoder().decode(b64.strip()), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
