package io.mergegate.checkers.prmeta;

import io.mergegate.core.source.TextLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections of a pull-request description: Markdown headings (ATX {@code ## Name} and setext
 * {@code Name\n---}) outside code fences, after HTML comments are removed. A section's content runs
 * to the next heading of the same or a higher level. Never throws on any text.
 */
public final class MarkdownSections {

    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,}).*");
    private static final Pattern SETEXT = Pattern.compile(" {0,3}(=+|-+)[ \\t]*");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)(?:tbd|tbc|todo|n/?a|-+|\\.{2,}|…|<[^>]*>|\\?+|_+|\\(?(?:tbd|todo)\\)?)");

    private final List<Section> sections;
    private final List<Line> lines;

    /**
     * One section.
     *
     * @param name      heading text as written (without {@code #}, trailing {@code :} and emphasis)
     * @param key       {@link #normalise normalised} name for matching
     * @param level     1 to 6
     * @param line      1-based line of the heading in the description
     * @param content   the lines below the heading, comments removed, code fences kept
     */
    public record Section(String name, String key, int level, int line, List<Line> content) {

        /** The content as text. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            content.forEach(l -> sb.append(l.text()).append('\n'));
            return sb.toString();
        }

        /** True when the content is empty or only placeholders such as TBD, N/A, -, ..., {@code <...>}. */
        public boolean isEmptyOrPlaceholder() {
            return MarkdownSections.isEmptyOrPlaceholder(content);
        }
    }

    /**
     * One line of the description after comment removal.
     *
     * @param number 1-based line number in the description
     * @param text   the text
     * @param code   inside a fenced code block
     */
    public record Line(int number, String text, boolean code) {
    }

    private MarkdownSections(List<Section> sections, List<Line> lines) {
        this.sections = sections;
        this.lines = lines;
    }

    public static MarkdownSections parse(String markdown) {
        List<Line> lines = lines(withoutComments(markdown == null ? "" : markdown));
        List<int[]> headings = new ArrayList<>(); // [index, level]
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.code()) {
                continue;
            }
            String[] atx = atx(l.text());
            if (atx != null) {
                headings.add(new int[] {i, atx[0].length()});
                names.add(atx[1]);
                continue;
            }
            if (i + 1 < lines.size() && !lines.get(i + 1).code() && !l.text().isBlank()
                    && !l.text().startsWith("    ") && SETEXT.matcher(lines.get(i + 1).text()).matches()
                    && !isListItem(l.text()) && (i == 0 || lines.get(i - 1).text().isBlank() || isHeading(lines, i - 1))) {
                headings.add(new int[] {i, lines.get(i + 1).text().strip().charAt(0) == '=' ? 1 : 2, 1});
                names.add(l.text());
                i++;
            }
        }
        List<Section> out = new ArrayList<>();
        for (int h = 0; h < headings.size(); h++) {
            int idx = headings.get(h)[0];
            int level = headings.get(h)[1];
            int from = idx + (headings.get(h).length > 2 ? 2 : 1);
            int to = lines.size();
            for (int k = h + 1; k < headings.size(); k++) {
                if (headings.get(k)[1] <= level) {
                    to = headings.get(k)[0];
                    break;
                }
            }
            String name = clean(names.get(h));
            out.add(new Section(name, normalise(name), level, lines.get(idx).number(),
                    List.copyOf(lines.subList(Math.min(from, to), to))));
        }
        return new MarkdownSections(List.copyOf(out), lines);
    }

    private static boolean isHeading(List<Line> lines, int i) {
        return !lines.get(i).code() && atx(lines.get(i).text()) != null;
    }

    /**
     * An ATX heading ({@code ## Name ##}): the run of {@code #} and the text, or null. Written out by
     * hand so that no line, however long, makes matching slow.
     */
    static String[] atx(String line) {
        int i = 0;
        while (i < line.length() && i < 3 && line.charAt(i) == ' ') {
            i++;
        }
        int hashes = i;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        int level = hashes - i;
        if (level < 1 || level > 6 || (hashes < line.length() && line.charAt(hashes) != ' ' && line.charAt(hashes) != '\t')) {
            return null;
        }
        String text = line.substring(hashes).strip();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '#') {
            end--;
        }
        if (end < text.length() && (end == 0 || text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            text = text.substring(0, end).strip();
        }
        return new String[] {line.substring(i, hashes), text};
    }

    /** Removes leading block-quote markers ({@code > > text}). */
    static String unquote(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == '>' || Character.isWhitespace(line.charAt(i)))) {
            i++;
        }
        return line.substring(i);
    }

    /** Removes the characters of {@code chars} from both ends. */
    static String trim(String s, String chars) {
        int a = 0;
        int b = s.length();
        while (a < b && chars.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && chars.indexOf(s.charAt(b - 1)) >= 0) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean isListItem(String s) {
        return s.strip().matches("(?:[-*+]|\\d+[.)])(?:\\s.*)?");
    }

    public List<Section> all() {
        return sections;
    }

    /** Every line of the description with comments removed. */
    public List<Line> lines() {
        return lines;
    }

    /** The first section whose heading matches the name (case-insensitive, trailing ':' ignored). */
    public Optional<Section> find(String name) {
        String key = normalise(name);
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** Lower case, emphasis and trailing colon removed, whitespace collapsed. */
    public static String normalise(String heading) {
        return clean(heading).toLowerCase(Locale.ROOT);
    }

    private static String clean(String heading) {
        String s = heading.strip();
        s = trim(s, "*_`").strip();
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        s = trim(s, "*_`").strip();
        return s.replaceAll("\\s+", " ");
    }

    /** Removes {@code <!-- ... -->}, keeping line breaks so that line numbers stay right. */
    static String withoutComments(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("<!--", i);
            if (open < 0) {
                sb.append(text, i, text.length());
                break;
            }
            sb.append(text, i, open);
            int close = text.indexOf("-->", open + 4);
            int end = close < 0 ? text.length() : close + 3;
            for (int k = open; k < end; k++) {
                char c = text.charAt(k);
                if (c == '\n' || c == '\r') {
                    sb.append(c);
                }
            }
            i = end;
        }
        return sb.toString();
    }

    private static List<Line> lines(String text) {
        List<String> raw = TextLines.split(text);
        List<Line> out = new ArrayList<>(raw.size());
        String fence = null;
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i);
            Matcher f = FENCE.matcher(s);
            if (fence == null && f.matches()) {
                fence = f.group(1);
                out.add(new Line(i + 1, s, true));
                continue;
            }
            if (fence != null) {
                String t = s.strip();
                char mark = fence.charAt(0);
                if (t.length() >= fence.length() && t.chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
                out.add(new Line(i + 1, s, true));
                continue;
            }
            out.add(new Line(i + 1, s, false));
        }
        return out;
    }

    /** True when no line holds anything but list markers, emphasis and placeholders. */
    static boolean isEmptyOrPlaceholder(List<Line> content) {
        for (Line l : content) {
            String s = stripDecoration(l.text());
            if (s.isEmpty() || PLACEHOLDER.matcher(s).matches()) {
                continue;
            }
            if (l.code() && s.matches("(`{3,}|~{3,}).*")) {
                continue;
            }
            return false;
        }
        return true;
    }

    /** Removes list markers, checkbox markers, quote markers and emphasis around the text. */
    static String stripDecoration(String line) {
        String s = line.strip();
        s = unquote(s);
        s = s.replaceFirst("^(?:[-*+]|\\d+[.)])\\s+", "");
        s = s.replaceFirst("^\\[[ xX]\\]\\s*", "");
        return trim(s, "*_`").strip();
    }
}
