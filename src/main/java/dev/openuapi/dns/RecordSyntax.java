package dev.openuapi.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;

/**
 * The syntax of a record's parts as clients send them, with cPanel-style refusals: owner and target names,
 * TTLs, small numbers, required values; and DNS character-strings (TXT, the CAA value) to and from
 * PowerDNS's quoted presentation form.
 */
final class RecordSyntax {

    /** The types a client may add or edit; PowerDNS may hold others, which are shown but never written. */
    static final Set<String> EDITABLE_TYPES = Set.of("A", "AAAA", "CNAME", "TXT", "MX", "SRV", "CAA", "NS");
    private static final Pattern LABEL = Pattern.compile("(?:\\*|_?[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?|_[a-z0-9_-]{1,62})");

    private RecordSyntax() {
    }

    static ApiException unsupportedType(String type) {
        return ApiException.invalid(Quote.of(type) + " is not a supported record type. Supported types: A, AAAA, CAA, CNAME, MX, NS, "
                + "SRV, TXT.");
    }

    /**
     * An owner name from the API: ending in a dot it is absolute; equal to the zone or ending in
     * {@code .zone} it is absolute too (clients send both forms); anything else is relative to the zone.
     * {@code @} is the apex. Returns the lowercase FQDN without the trailing dot.
     */
    static String ownerName(String raw, String zone) {
        String name = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw ApiException.invalid("The “name” argument cannot be empty.");
        }
        String fqdn;
        if (name.equals("@")) {
            fqdn = zone;
        } else if (name.endsWith(".")) {
            fqdn = name.substring(0, name.length() - 1);
        } else if (name.equals(zone) || name.endsWith("." + zone)) {
            fqdn = name;
        } else {
            fqdn = name + "." + zone;
        }
        if (!fqdn.equals(zone) && !fqdn.endsWith("." + zone)) {
            throw ApiException.invalid(Quote.of(raw) + " is not within the zone " + Quote.of(zone) + ".");
        }
        checkHostname(fqdn, raw, true);
        return fqdn;
    }

    /** A target host (CNAME, MX, NS, SRV): absolute when it ends in a dot or holds one, else in the zone. */
    static String targetName(String raw, String field, String zone) {
        String name = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw ApiException.invalid("The " + Quote.of(field) + " argument cannot be empty.");
        }
        String fqdn = name.endsWith(".") ? name.substring(0, name.length() - 1) : name.contains(".") ? name : name + "." + zone;
        checkHostname(fqdn, raw, false);
        return fqdn;
    }

    private static void checkHostname(String fqdn, String raw, boolean owner) {
        if (fqdn.length() > 253) {
            throw ApiException.invalid(Quote.of(raw) + " is not a valid domain name.");
        }
        for (String label : fqdn.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches() || (!owner && label.equals("*"))) {
                throw ApiException.invalid(Quote.of(raw) + " is not a valid domain name.");
            }
        }
    }

    static int ttl(String raw, int fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        if (!raw.matches("\\d{1,10}") || Long.parseLong(raw) < 1 || Long.parseLong(raw) > Integer.MAX_VALUE) {
            throw ApiException.invalid(Quote.of(raw) + " is not a valid TTL: use a whole number of seconds from 1 to 2147483647.");
        }
        return Integer.parseInt(raw);
    }

    /** The value of the client's {@code name} field, which records of {@code type} cannot do without. */
    static String required(String value, String name, String type) {
        if (value == null || value.isEmpty()) {
            throw ApiException.invalid("The " + Quote.of(name) + " argument is required for " + type + " records.");
        }
        return value;
    }

    static int uint16(String raw, String name) {
        return unsigned(raw, name, 65535);
    }

    static int uint8(String raw, String name) {
        return unsigned(raw, name, 255);
    }

    /** A whole number from 0 to {@code max}; 0 when left out. */
    private static int unsigned(String raw, String name, int max) {
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        if (!raw.matches("\\d{1," + String.valueOf(max).length() + "}") || Integer.parseInt(raw) > max) {
            throw ApiException.invalid(Quote.of(raw) + " is not a valid " + name + ": use a whole number from 0 to " + max + ".");
        }
        return Integer.parseInt(raw);
    }

    /** TXT text as DNS character-strings of at most 255 bytes each; refused if too long or not printable. */
    static List<String> txtStrings(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 4000) {
            throw ApiException.invalid("The TXT record data is too long.");
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length() || pieces.isEmpty()) {
            int end = start;
            int size = 0;
            while (end < text.length()) {
                int cp = text.codePointAt(end);
                int cpBytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (size + cpBytes > 255) {
                    break;
                }
                size += cpBytes;
                end += Character.charCount(cp);
            }
            pieces.add(printable(text.substring(start, end)));
            start = end;
            if (start >= text.length()) {
                break;
            }
        }
        return pieces;
    }

    /** {@code text} itself, refused if it holds a control character (a zone file cannot carry it). */
    static String printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ApiException.invalid("Record data may not contain control characters.");
            }
        }
        return text;
    }

    /** One character-string in PowerDNS's presentation form: quoted, {@code "} and {@code \} escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** Each quoted character-string of a PowerDNS content, unescaped. */
    static List<String> unquote(String content) {
        List<String> strings = new ArrayList<>();
        StringBuilder current = null;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '"') {
                if (current == null) {
                    current = new StringBuilder();
                } else {
                    strings.add(current.toString());
                    current = null;
                }
            } else if (current != null) {
                if (c == '\\' && i + 1 < content.length()) {
                    c = content.charAt(++i);
                }
                current.append(c);
            }
        }
        return strings;
    }
}
