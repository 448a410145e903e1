package io.mergegate.checkers.secrets;

import java.util.regex.Pattern;

/**
 * A regex compiled on first use: a commit hook touches a handful of detectors, so it need not pay for
 * compiling the whole table at start-up.
 */
public final class LazyPattern {

    private final String regex;
    private volatile Pattern pattern;

    LazyPattern(String regex) {
        this.regex = regex;
    }

    public Pattern get() {
        Pattern p = pattern;
        if (p == null) {
            p = Pattern.compile(regex);
            pattern = p;
        }
        return p;
    }

    public String regex() {
        return regex;
    }

    @Override
    public String toString() {
        return regex;
    }
}
