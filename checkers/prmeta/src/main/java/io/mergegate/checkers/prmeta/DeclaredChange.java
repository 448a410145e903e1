package io.mergegate.checkers.prmeta;

import io.mergegate.core.spi.ChangeLevel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change type a description declares: one of MAJOR, MINOR, PATCH written out, or exactly one
 * ticked checkbox among them.
 *
 * @param level   the declared level, or null when the value is not valid
 * @param problem why the value is not valid, or null
 */
record DeclaredChange(ChangeLevel level, String problem) {

    private static final Pattern BOX = Pattern.compile("\\[([ xX])\\]\\s*+[*_`]*+\\s*+(MAJOR|MINOR|PATCH)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("\\b(MAJOR|MINOR|PATCH)\\b", Pattern.CASE_INSENSITIVE);

    static DeclaredChange parse(List<String> lines) {
        String text = String.join("\n", lines);
        Matcher box = BOX.matcher(text);
        Set<String> ticked = new LinkedHashSet<>();
        int boxes = 0;
        while (box.find()) {
            boxes++;
            if (!box.group(1).isBlank()) {
                ticked.add(box.group(2).toUpperCase(Locale.ROOT));
            }
        }
        if (boxes > 0) {
            if (ticked.size() == 1) {
                return new DeclaredChange(ChangeLevel.valueOf(ticked.iterator().next()), null);
            }
            return new DeclaredChange(null, ticked.isEmpty() ? "no checkbox is ticked"
                    : "more than one checkbox is ticked (" + String.join(", ", ticked) + ")");
        }
        Matcher w = WORD.matcher(text);
        Set<String> words = new LinkedHashSet<>();
        while (w.find()) {
            words.add(w.group(1).toUpperCase(Locale.ROOT));
        }
        if (words.size() == 1) {
            return new DeclaredChange(ChangeLevel.valueOf(words.iterator().next()), null);
        }
        String shown = text.strip().replace('\n', ' ');
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new DeclaredChange(null, words.isEmpty() ? "`" + shown + "` is not MAJOR, MINOR or PATCH"
                : "it names " + String.join(", ", words) + "; choose one");
    }
}
