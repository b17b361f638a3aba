package dev.openuapi.token;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.openuapi.common.ApiException;

/**
 * A token's IP allow-list (spec §3.6): IPv4/IPv6 addresses and CIDR ranges, at most 100. Normalised:
 * IPv4 before IPv6, then numerically, without duplicates, with {@code /32} and {@code /128} written as a
 * bare address. An empty list means any address.
 */
public final class IpAllowList {

    public static final int MAX_ENTRIES = 100;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** One address or range: the network's bytes and the prefix length. */
    record Range(byte[] network, int prefix) {

        boolean isV4() {
            return network.length == 4;
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }

        String format() {
            String address = formatAddress(network);
            return prefix == network.length * 8 ? address : address + "/" + prefix;
        }
    }

    private IpAllowList() {
    }

    /** Whether {@code remoteIp} may use a token whose stored list is {@code stored} ({@code null}: anyone). */
    public static boolean allows(String stored, String remoteIp) {
        if (stored == null || stored.isEmpty()) {
            return true;
        }
        byte[] address = parseAddress(remoteIp);
        if (address == null) {
            return false;
        }
        byte[] mapped = unmapV4(address);
        for (String entry : stored.split(",")) {
            Range range = parseRange(entry);
            if (range != null && (range.contains(address) || range.contains(mapped))) {
                return true;
            }
        }
        return false;
    }

    /** Validates and normalises a list for storage; {@code null} when the list is empty. */
    public static String normalize(Collection<String> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw ApiException.invalid("An IP allow-list may not contain more than " + MAX_ENTRIES + " entries.");
        }
        TreeSet<Range> ranges = new TreeSet<>(Comparator.comparing((Range r) -> r.isV4() ? 0 : 1)
                .thenComparing(r -> new BigInteger(1, r.network())).thenComparingInt(Range::prefix));
        for (String entry : entries) {
            Range range = parseRange(entry.trim());
            if (range == null) {
                throw ApiException.invalid("“" + entry + "” is not a valid IP address or CIDR range.");
            }
            ranges.add(range);
        }
        if (ranges.isEmpty()) {
            return null;
        }
        List<String> formatted = new ArrayList<>();
        ranges.forEach(r -> formatted.add(r.format()));
        return String.join(",", formatted);
    }

    public static List<String> asList(String stored) {
        return stored == null || stored.isEmpty() ? null : List.of(stored.split(","));
    }

    static Range parseRange(String text) {
        int slash = text.indexOf('/');
        byte[] address = parseAddress(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            return null;
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                return null;
            }
            prefix = Integer.parseInt(p);
        }
        byte[] network = address.clone();
        for (int bit = prefix; bit < bits; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        return new Range(network, prefix);
    }

    /** Parses a literal IPv4 or IPv6 address; never resolves a host name. */
    static byte[] parseAddress(String text) {
        if (text == null) {
            return null;
        }
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (candidate.indexOf(':') < 0 || !IPV6.matcher(candidate).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate).getAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A literal IPv4 or IPv6 address's bytes, or {@code null}; never resolves a host name. */
    public static byte[] parseLiteral(String text) {
        return parseAddress(text);
    }

    /** Canonical text of an address: dotted quad, or RFC 5952 IPv6. */
    public static String formatLiteral(byte[] address) {
        return formatAddress(address);
    }

    private static byte[] unmapV4(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
            return address;
        }
        return new byte[] { address[12], address[13], address[14], address[15] };
    }

    /** Dotted quad, or RFC 5952 IPv6 (lowercase, longest zero run compressed). */
    static String formatAddress(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "." + (address[3] & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8;) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength && j - i > 1) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }
}
