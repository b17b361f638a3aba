package dev.openuapi.hulk;

import java.util.Arrays;

import dev.openuapi.common.IpAddresses;

/**
 * An address range as cPHulk's lists take it: one address, a CIDR range ({@code 192.168.1.0/30},
 * {@code 2001:db8::/32}) or {@code first-last}, IPv4 or IPv6. Kept as its first and last address, so
 * checking an address is two byte comparisons.
 *
 * @param given the range as the operator wrote it (trimmed)
 */
public record IpRange(String given, byte[] start, byte[] end) {

    /** The range, or {@code null} when {@code text} is not one. */
    public static IpRange parse(String text) {
        if (text == null || text.isBlank() || text.length() > 100) {
            return null;
        }
        String range = text.trim();
        int dash = range.indexOf('-');
        if (dash > 0) {
            byte[] first = IpAddresses.parse(range.substring(0, dash).trim());
            byte[] last = IpAddresses.parse(range.substring(dash + 1).trim());
            if (first == null || last == null || first.length != last.length || Arrays.compareUnsigned(first, last) > 0) {
                return null;
            }
            return new IpRange(range, first, last);
        }
        int slash = range.indexOf('/');
        if (slash > 0) {
            byte[] base = IpAddresses.parse(range.substring(0, slash));
            String bits = range.substring(slash + 1);
            if (base == null || !bits.matches("[0-9]{1,3}")) {
                return null;
            }
            int prefix = Integer.parseInt(bits);
            if (prefix > base.length * 8) {
                return null;
            }
            return new IpRange(range, network(base, prefix, false), network(base, prefix, true));
        }
        byte[] address = IpAddresses.parse(range);
        return address == null ? null : new IpRange(range, address, address);
    }

    public boolean contains(byte[] address) {
        return address != null && address.length == start.length && Arrays.compareUnsigned(address, start) >= 0
                && Arrays.compareUnsigned(address, end) <= 0;
    }

    /** cPanel's {@code ips_added} form: the address alone, or {@code first-last}. */
    public String asFirstLast() {
        return Arrays.equals(start, end) ? IpAddresses.format(start) : IpAddresses.format(start) + "-" + IpAddresses.format(end);
    }

    /** The first {@code prefix} bits of {@code address}, the rest all zeros or all ones. */
    static byte[] network(byte[] address, int prefix, boolean ones) {
        byte[] out = address.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            int mask = 0x80 >>> (bit % 8);
            out[bit / 8] = (byte) (ones ? out[bit / 8] | mask : out[bit / 8] & ~mask);
        }
        return out;
    }

    /** The key an address counts under: IPv4 as itself, IPv6 as its network of {@code ipv6Prefix} bits. */
    public static String countingKey(byte[] address, int ipv6Prefix) {
        if (address.length == 4 || ipv6Prefix >= 128) {
            return IpAddresses.format(address);
        }
        return IpAddresses.format(network(address, ipv6Prefix, false)) + "/" + ipv6Prefix;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange r && r.given.equals(given) && Arrays.equals(r.start, start) && Arrays.equals(r.end, end);
    }

    @Override
    public int hashCode() {
        return given.hashCode();
    }

    @Override
    public String toString() {
        return given;
    }
}
