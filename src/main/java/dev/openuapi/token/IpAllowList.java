package dev.openuapi.token;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.IpAddresses;
import dev.openuapi.common.Quote;

/**
 * A token's IP allow-list (spec §3.6): IPv4/IPv6 addresses and CIDR ranges, at most 100. Normalised:
 * IPv4 before IPv6, then numerically, without duplicates, with {@code /32} and {@code /128} written as a
 * bare address. An empty list means any address.
 */
public final class IpAllowList {

    public static final int MAX_ENTRIES = 100;

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
            String address = IpAddresses.format(network);
            return prefix == network.length * 8 ? address : address + "/" + prefix;
        }
    }

    private IpAllowList() {
    }

    /** Whether {@code remoteIp} may use a token whose stored list is {@code stored} ({@code null}: anyone). */
    public static boolean allows(List<String> stored, String remoteIp) {
        if (stored == null || stored.isEmpty()) {
            return true;
        }
        byte[] address = IpAddresses.parse(remoteIp);
        if (address == null) {
            return false;
        }
        byte[] mapped = unmapV4(address);
        for (String entry : stored) {
            Range range = parseRange(entry);
            if (range != null && (range.contains(address) || range.contains(mapped))) {
                return true;
            }
        }
        return false;
    }

    /** Validates and normalises a list for storage; {@code null} when the list is empty. */
    public static List<String> normalize(Collection<String> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw ApiException.invalid("An IP allow-list may not contain more than " + MAX_ENTRIES + " entries.");
        }
        TreeSet<Range> ranges = new TreeSet<>(Comparator.comparing((Range r) -> r.isV4() ? 0 : 1)
                .thenComparing(r -> new BigInteger(1, r.network())).thenComparingInt(Range::prefix));
        for (String entry : entries) {
            Range range = parseRange(entry.trim());
            if (range == null) {
                throw ApiException.invalid(Quote.of(entry) + " is not a valid IP address or CIDR range.");
            }
            ranges.add(range);
        }
        if (ranges.isEmpty()) {
            return null;
        }
        List<String> formatted = new ArrayList<>();
        ranges.forEach(r -> formatted.add(r.format()));
        return List.copyOf(formatted);
    }

    /**
     * The entries of a {@code whitelist_ip} argument as cPanel reads them: the single value {@code any}
     * stands for no limit (an empty list); anything else is the list itself.
     */
    public static List<String> fromArgument(List<String> entries) {
        return entries.size() == 1 && entries.get(0).equalsIgnoreCase("any") ? List.of() : entries;
    }

    static Range parseRange(String text) {
        int slash = text.indexOf('/');
        byte[] address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
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

}
