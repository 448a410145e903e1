package io.mergegate.checkers.secrets;

/**
 * The text a regex runs on, with a budget of character reads: {@code java.util.regex} backtracks, so a
 * window that would take too long stops with {@link BudgetExceeded} instead of stalling the scan.
 */
final class GuardedText implements CharSequence {

    private final String text;
    private long budget;

    GuardedText(String text) {
        this.text = text;
    }

    /** Linear in the window with a generous factor; the detectors' regexes stay far below it. */
    static long budgetFor(int windowLength) {
        return 100_000L + 100L * windowLength;
    }

    void budget(long reads) {
        this.budget = reads;
    }

    @Override
    public char charAt(int index) {
        if (--budget < 0) {
            throw new BudgetExceeded();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Thrown when a window used up its budget. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regex budget exceeded", null, false, false);
        }
    }
}
