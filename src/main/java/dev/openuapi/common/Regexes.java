package dev.openuapi.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A caller's regular expression ({@code api.filter_type=matches}, {@code regex}, {@code search}): run on
 * RE2/J, whose time is linear in the text, never on {@code java.util.regex}, whose backtracking a pattern
 * such as {@code ^(a+)+$} turns exponential. RE2 syntax is Perl's without backreferences and lookaround;
 * a pattern that uses them, that does not parse, that is longer than {@value #MAX_LENGTH} characters or
 * whose counted repetitions ({@code {n,m}}) would expand beyond {@value #MAX_EXPANSION} atoms is
 * {@link Unusable}.
 */
public final class Regexes {

    public static final int MAX_LENGTH = 1000;
    public static final int MAX_EXPANSION = 2000;

    /** Why a pattern cannot be used, in words a caller can read ("invalid escape sequence: `\1`"). */
    public static final class Unusable extends IllegalArgumentException {
        public Unusable(String reason) {
            super(reason, null);
        }
    }

    private Regexes() {
    }

    /**
     * The texts in which the expression finds a match (a search, as Perl's {@code =~}).
     *
     * @throws Unusable when the pattern cannot run, with the reason
     */
    public static Predicate<String> compile(String raw, boolean caseInsensitive) {
        if (raw.length() > MAX_LENGTH) {
            throw new Unusable("longer than " + MAX_LENGTH + " characters");
        }
        if (expansion(raw) > MAX_EXPANSION) {
            throw new Unusable("its repetitions are too large");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(raw, caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new Unusable(Quote.cut(e.getDescription() + (e.getPattern() == null || e.getPattern().isEmpty() ? ""
                    : ": `" + e.getPattern() + "`")));
        }
        return text -> pattern.matcher(text).find();
    }

    /**
     * What {@code raw} lets through: everything when it is missing or empty; otherwise the texts in which the
     * expression finds a match. An expression that cannot run is refused: “raw” is not a valid regular
     * expression (reason).
     */
    public static Predicate<String> filter(String raw, boolean caseInsensitive) {
        if (raw == null || raw.isEmpty()) {
            return text -> true;
        }
        try {
            return compile(raw, caseInsensitive);
        } catch (Unusable e) {
            throw ApiException.invalid(Quote.of(raw) + " is not a valid regular expression (" + e.getMessage() + ").");
        }
    }

    /**
     * An upper bound on the atoms the pattern holds once counted repetitions are expanded (RE2/J expands
     * {@code (a{1000}){1000}} into a million instructions before it matches anything, and runs out of memory
     * one level deeper). Errs high: a brace that is not a repetition may be counted as one.
     */
    static long expansion(String raw) {
        Deque<long[]> groups = new ArrayDeque<>(); // per open group: {size so far, size of the last atom}
        long[] current = {0, 0};
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i = Math.min(n, i + 2);
                atom(current, 1);
            } else if (c == '[') {
                i = endOfClass(raw, i);
                atom(current, 1);
            } else if (c == '(') {
                groups.push(current);
                current = new long[] {0, 0};
                i++;
            } else if (c == ')') {
                long size = current[0];
                current = groups.isEmpty() ? new long[] {0, 0} : groups.pop();
                atom(current, size);
                i++;
            } else if (c == '{') {
                int close = raw.indexOf('}', i);
                long count = close < 0 ? -1 : repeatCount(raw.substring(i + 1, close));
                if (count < 0) {
                    atom(current, 1);
                    i++;
                } else {
                    long grown = Math.min(Long.MAX_VALUE / 4, current[1] * count);
                    current[0] = Math.min(Long.MAX_VALUE / 4, current[0] - current[1] + grown);
                    current[1] = grown;
                    i = close + 1;
                }
            } else {
                if (c != '|' && c != '*' && c != '+' && c != '?') {
                    atom(current, 1);
                }
                i++;
            }
            if (current[0] > MAX_EXPANSION) {
                return current[0];
            }
        }
        long total = current[0];
        while (!groups.isEmpty()) {
            total += groups.pop()[0];
        }
        return total;
    }

    private static void atom(long[] group, long size) {
        group[0] = Math.min(Long.MAX_VALUE / 4, group[0] + size);
        group[1] = size;
    }

    /** {@code n}, {@code n,} or {@code n,m}: the larger bound; -1 when the braces are not a repetition. */
    private static long repeatCount(String inside) {
        if (!inside.matches("[0-9]{1,9}(,[0-9]{0,9})?")) {
            return -1;
        }
        long max = 0;
        for (String part : inside.split(",")) {
            if (!part.isEmpty()) {
                max = Math.max(max, Long.parseLong(part));
            }
        }
        return max;
    }

    /** The index after the class that starts at {@code start} ({@code []a]} and {@code [^]a]} hold a bracket). */
    private static int endOfClass(String raw, int start) {
        int i = start + 1;
        if (i < raw.length() && raw.charAt(i) == '^') {
            i++;
        }
        if (i < raw.length() && raw.charAt(i) == ']') {
            i++;
        }
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[' && i + 1 < raw.length() && raw.charAt(i + 1) == ':') {
                int close = raw.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else if (c == ']') {
                return i + 1;
            } else {
                i++;
            }
        }
        return raw.length();
    }
}
