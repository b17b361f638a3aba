package dev.openuapi.mailrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Sieve's quoted strings read back as what was quoted: a reader written from RFC 5228 §2.4.2 (a backslash takes the
 * next character as it is; the string ends at the first unescaped quote) finds exactly the text, for any text
 * without NUL whose line breaks are CRLF, and finds the end of the string where quote put it.
 */
class SieveTextProperties {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange('\u0001', '\u00ff').withChars('"', '\\', '*', '?', '€', '\u4e2d').ofMaxLength(60)
                .map(s -> s.replace("\r", "").replace("\n", "\r\n"));
    }

    @Property(tries = 500)
    void quotedTextReadsBack(@ForAll("texts") String text) {
        String quoted = SieveText.quote(text);
        assertTrue(quoted.startsWith("\"") && quoted.endsWith("\""));
        int[] end = new int[1];
        assertEquals(text, read(quoted, end));
        assertEquals(quoted.length(), end[0], "the string ends at its last character");
    }

    @Property(tries = 500)
    void literalPatternsHaveOnlyEscapedWildcards(@ForAll("texts") String text) {
        String pattern = SieveText.literalPattern(text);
        StringBuilder unescaped = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                unescaped.append(pattern.charAt(++i));
            } else {
                assertTrue(c != '*' && c != '?', "a bare wildcard in " + pattern);
                unescaped.append(c);
            }
        }
        assertEquals(text, unescaped.toString());
    }

    /** RFC 5228's quoted-string, read from its opening quote; {@code end[0]}: the index after the closing quote. */
    private static String read(String source, int[] end) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                out.append(source.charAt(++i));
            } else if (c == '"') {
                end[0] = i + 1;
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw new AssertionError("unterminated: " + source);
    }
}
