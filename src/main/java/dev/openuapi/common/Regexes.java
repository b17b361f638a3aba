package dev.openuapi.common;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A caller's regular expression argument ({@code regex}, {@code search}): compiled once, or refused. */
public final class Regexes {

    private Regexes() {
    }

    /**
     * What {@code raw} lets through: everything when it is missing or empty; otherwise the texts in which the
     * expression finds a match. An expression that does not compile is refused: “raw” is not a valid
     * regular expression.
     *
     * @param flags {@link Pattern} flags, such as {@link Pattern#CASE_INSENSITIVE}
     */
    public static Predicate<String> filter(String raw, int flags) {
        if (raw == null || raw.isEmpty()) {
            return text -> true;
        }
        try {
            Pattern pattern = Pattern.compile(raw, flags);
            return text -> pattern.matcher(text).find();
        } catch (PatternSyntaxException e) {
            throw ApiException.invalid("“" + raw + "” is not a valid regular expression.");
        }
    }
}
