package dev.openuapi.mailrules;

/**
 * Sieve's quoted strings (RFC 5228 §2.4.2): a backslash and a double quote are written with a backslash before them;
 * every other character stands for itself. Line breaks in a quoted string must be CRLF, so any CR, LF or CRLF becomes
 * CRLF; NUL cannot be written at all (callers refuse it first).
 */
final class SieveText {

    private SieveText() {
    }

    /** {@code text} as a Sieve quoted string, quotes included. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\0' -> throw new IllegalArgumentException("A Sieve string cannot hold NUL");
                case '\\', '"' -> out.append('\\').append(c);
                case '\r' -> {
                    out.append("\r\n");
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> out.append("\r\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The match-pattern for {@code :matches} that matches {@code text} literally: its {@code *}, {@code ?} and {@code \} escaped. */
    static String literalPattern(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code [ "a", "b" ]}. */
    static String list(java.util.List<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quote(items.get(i)));
        }
        return out.append(']').toString();
    }

    /** Text safe in a {@code #} comment: one line, control characters shown as {@code ?}. */
    static String comment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(cp < 0x20 || cp == 0x7f ? '?' : cp));
        return out.toString();
    }
}
