package dev.openuapi.common;

/**
 * How a message quotes what a caller sent: between “ and ”, cut to {@value #MAX} characters (then “…”), so
 * that a refused 900 KB value is not echoed back or logged in full. Every message that quotes input uses it.
 */
public final class Quote {

    /** The most characters of a caller's input that a message repeats. */
    public static final int MAX = 100;

    private Quote() {
    }

    /** {@code “text”}, or its first {@value #MAX} characters and an ellipsis: {@code “text…”}. */
    public static String of(Object value) {
        return "“" + cut(value) + "”";
    }

    /** The text itself, cut as {@link #of} cuts it, for messages that quote in their own way. */
    public static String cut(Object value) {
        String text = String.valueOf(value);
        if (text.length() <= MAX) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX - 1)) ? MAX - 1 : MAX; // never split a surrogate pair
        return text.substring(0, end) + "…";
    }
}
