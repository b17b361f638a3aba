package dev.openuapi.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.IpAddresses;

/**
 * Converts between cPanel's per-type record fields ({@code address}, {@code txtdata}, {@code exchange} +
 * {@code preference}, …) and PowerDNS's presentation-format {@code content}, and renders zone-file lines.
 */
public final class RecordCodec {

    public static final Set<String> EDITABLE_TYPES = Set.of("A", "AAAA", "CNAME", "TXT", "MX", "SRV", "CAA", "NS");
    private static final Pattern LABEL = Pattern.compile("(?:\\*|_?[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?|_[a-z0-9_-]{1,62})");
    private static final Pattern CAA_TAG = Pattern.compile("[a-z0-9]{1,15}");

    private RecordCodec() {
    }

    /**
     * An owner name from the API: ending in a dot it is absolute; equal to the zone or ending in
     * {@code .zone} it is absolute too (clients send both forms); anything else is relative to the zone.
     * {@code @} is the apex. Returns the lowercase FQDN without the trailing dot.
     */
    public static String ownerName(String raw, String zone) {
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
            throw ApiException.invalid("“" + raw + "” is not within the zone “" + zone + "”.");
        }
        checkHostname(fqdn, raw, true);
        return fqdn;
    }

    /** A target host (CNAME, MX, NS, SRV): absolute when it ends in a dot or holds one, else in the zone. */
    static String targetName(String raw, String field, String zone) {
        String name = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw ApiException.invalid("The “" + field + "” argument cannot be empty.");
        }
        String fqdn = name.endsWith(".") ? name.substring(0, name.length() - 1) : name.contains(".") ? name : name + "." + zone;
        checkHostname(fqdn, raw, false);
        return fqdn;
    }

    private static void checkHostname(String fqdn, String raw, boolean owner) {
        if (fqdn.length() > 253) {
            throw ApiException.invalid("“" + raw + "” is not a valid domain name.");
        }
        for (String label : fqdn.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches() || (!owner && label.equals("*"))) {
                throw ApiException.invalid("“" + raw + "” is not a valid domain name.");
            }
        }
    }

    /** Builds the PowerDNS content of a record of {@code type} from cPanel's fields. */
    public static String content(String type, Function<String, String> field, String zone) {
        return switch (type) {
            case "A" -> {
                String address = required(field, "address", type);
                byte[] bytes = IpAddresses.parse(address);
                if (bytes == null || bytes.length != 4) {
                    throw ApiException.invalid("“" + address + "” is not a valid IPv4 address.");
                }
                yield IpAddresses.format(bytes);
            }
            case "AAAA" -> {
                String address = required(field, "address", type);
                byte[] bytes = IpAddresses.parse(address);
                if (bytes == null || bytes.length != 16) {
                    throw ApiException.invalid("“" + address + "” is not a valid IPv6 address.");
                }
                yield IpAddresses.format(bytes);
            }
            case "CNAME" -> targetName(required(field, "cname", type), "cname", zone);
            case "NS" -> targetName(required(field, "nsdname", type), "nsdname", zone);
            case "TXT" -> quoteTxt(required(field, "txtdata", type));
            case "MX" -> uint16(field.apply("preference"), "preference", 0) + " "
                    + targetName(required(field, "exchange", type), "exchange", zone);
            case "SRV" -> uint16(field.apply("priority"), "priority", 0) + " " + uint16(field.apply("weight"), "weight", 0) + " "
                    + uint16(required(field, "port", type), "port", 0) + " " + targetName(required(field, "target", type), "target", zone);
            case "CAA" -> {
                int flag = uint8(field.apply("flag"), "flag");
                String tag = required(field, "tag", type).trim().toLowerCase(Locale.ROOT);
                if (!CAA_TAG.matcher(tag).matches()) {
                    throw ApiException.invalid("“" + tag + "” is not a valid CAA tag.");
                }
                yield flag + " " + tag + " " + quoteOne(required(field, "value", type));
            }
            default -> throw ApiException.invalid("“" + type + "” is not a supported record type. Supported types: A, AAAA, CAA, "
                    + "CNAME, MX, NS, SRV, TXT.");
        };
    }

    /** cPanel's fields of a record, as fetchzone_records returns them (without line numbers). */
    public static Map<String, Object> fields(ZoneRecord record) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", record.name() + ".");
        row.put("type", record.type());
        row.put("class", "IN");
        row.put("ttl", record.ttl());
        String content = record.content();
        String[] parts = content.split(" ");
        switch (record.type()) {
            case "A", "AAAA" -> {
                row.put("address", content);
                row.put("record", content);
            }
            case "CNAME" -> {
                row.put("cname", content);
                row.put("record", content);
            }
            case "NS" -> {
                row.put("nsdname", content);
                row.put("record", content);
            }
            case "TXT" -> {
                String text = unquoteTxt(content);
                row.put("txtdata", text);
                row.put("record", text);
            }
            case "MX" -> {
                row.put("preference", Integer.parseInt(parts[0]));
                row.put("exchange", parts[1]);
                row.put("record", parts[1]);
            }
            case "SRV" -> {
                row.put("priority", Integer.parseInt(parts[0]));
                row.put("weight", Integer.parseInt(parts[1]));
                row.put("port", Integer.parseInt(parts[2]));
                row.put("target", parts[3]);
                row.put("record", parts[3]);
            }
            case "CAA" -> {
                String value = unquoteTxt(content.substring(parts[0].length() + parts[1].length() + 2));
                row.put("flag", Integer.parseInt(parts[0]));
                row.put("tag", parts[1]);
                row.put("value", value);
                row.put("record", value);
            }
            case "SOA" -> {
                row.put("mname", parts[0]);
                row.put("rname", parts[1]);
                row.put("serial", parts[2]);
                row.put("refresh", Integer.parseInt(parts[3]));
                row.put("retry", Integer.parseInt(parts[4]));
                row.put("expire", Integer.parseInt(parts[5]));
                row.put("minimum", Integer.parseInt(parts[6]));
            }
            default -> row.put("record", content);
        }
        return row;
    }

    /** The record as one zone-file line: {@code name. ttl IN TYPE rdata}, host names with their dots. */
    public static String zoneLine(ZoneRecord record) {
        String[] parts = record.content().split(" ");
        String rdata = switch (record.type()) {
            case "CNAME", "NS" -> record.content() + ".";
            case "MX" -> parts[0] + " " + parts[1] + ".";
            case "SRV" -> parts[0] + " " + parts[1] + " " + parts[2] + " " + parts[3] + ".";
            case "SOA" -> parts[0] + ". " + parts[1] + ". " + String.join(" ", List.of(parts).subList(2, parts.length));
            default -> record.content();
        };
        return record.name() + ". " + record.ttl() + " IN " + record.type() + " " + rdata;
    }

    public static int ttl(String raw, int fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        if (!raw.matches("\\d{1,10}") || Long.parseLong(raw) < 1 || Long.parseLong(raw) > Integer.MAX_VALUE) {
            throw ApiException.invalid("“" + raw + "” is not a valid TTL: use a whole number of seconds from 1 to 2147483647.");
        }
        return Integer.parseInt(raw);
    }

    private static String required(Function<String, String> field, String name, String type) {
        String value = field.apply(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.invalid("The “" + name + "” argument is required for " + type + " records.");
        }
        return value;
    }

    private static int uint16(String raw, String name, int fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        if (!raw.matches("\\d{1,5}") || Integer.parseInt(raw) > 65535) {
            throw ApiException.invalid("“" + raw + "” is not a valid " + name + ": use a whole number from 0 to 65535.");
        }
        return Integer.parseInt(raw);
    }

    private static int uint8(String raw, String name) {
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        if (!raw.matches("\\d{1,3}") || Integer.parseInt(raw) > 255) {
            throw ApiException.invalid("“" + raw + "” is not a valid " + name + ": use a whole number from 0 to 255.");
        }
        return Integer.parseInt(raw);
    }

    /** TXT text as DNS character-strings: quoted, escaped, in pieces of at most 255 bytes. */
    static String quoteTxt(String text) {
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
            pieces.add(quoteOne(text.substring(start, end)));
            start = end;
            if (start >= text.length()) {
                break;
            }
        }
        return String.join(" ", pieces);
    }

    private static String quoteOne(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            if (c < 0x20 || c == 0x7f) {
                throw ApiException.invalid("Record data may not contain control characters.");
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** Each quoted character-string of a TXT content, unescaped. */
    static List<String> txtStrings(String content) {
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

    /** The text of one or more quoted character-strings, joined. */
    static String unquoteTxt(String content) {
        return String.join("", txtStrings(content));
    }
}
