package dev.openuapi.face;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.openuapi.common.ApiException;

/**
 * Parses {@code application/x-www-form-urlencoded} text (query strings and form bodies) the way cPanel's
 * legacy parser does: pairs in order, {@code +} is a space, {@code %XX} is decoded in names and values,
 * a key without {@code =} has no value. A malformed escape is kept literally instead of failing the call.
 */
public final class FormEncoding {

    private FormEncoding() {
    }

    public static List<Map.Entry<String, String>> parse(String raw) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        parseInto(raw, pairs, Integer.MAX_VALUE);
        return pairs;
    }

    /**
     * Adds the pairs of {@code raw} to {@code pairs}, in one pass (linear in the length of {@code raw}).
     *
     * @throws ApiException as soon as {@code pairs} would hold more than {@code max}; the rest is not read
     */
    public static void parseInto(String raw, List<Map.Entry<String, String>> pairs, int max) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        int start = 0;
        int length = raw.length();
        while (start <= length) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? length : amp;
            if (end > start) { // an empty part is a trailing or doubled '&'
                int eq = indexOf(raw, '=', start, end); // never past this part: "k&k&…&k=" stays linear
                boolean valued = eq >= 0;
                String key = decode(raw.substring(start, valued ? eq : end));
                if (!key.isEmpty()) {
                    if (pairs.size() >= max) {
                        throw tooMany(max);
                    }
                    pairs.add(new AbstractMap.SimpleImmutableEntry<>(key, valued ? decode(raw.substring(eq + 1, end)) : null));
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
    }

    /** The refusal past the cap on parameters ({@code openuapi.input.max-parameters}). */
    public static ApiException tooMany(int max) {
        return ApiException.invalid("The request has more than " + max + " parameters.");
    }

    private static int indexOf(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < text.length()
                    && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
