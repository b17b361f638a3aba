package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void ipv4Literals() {
        assertArrayEquals(new byte[] { (byte) 192, 0, 2, 1 }, IpAddresses.parse("192.0.2.1"));
        assertArrayEquals(new byte[] { (byte) 255, (byte) 255, (byte) 255, (byte) 255 }, IpAddresses.parse("255.255.255.255"));
        assertArrayEquals(new byte[] { 0, 0, 0, 0 }, IpAddresses.parse("0.0.0.0"));
        for (String bad : new String[] { "256.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.-4", "1..2.3", " 1.2.3.4", "1.2.3.4 ", "a.b.c.d", "" }) {
            assertNull(IpAddresses.parse(bad), bad);
        }
    }

    @Test
    void ipv6LiteralsAndNeverAHostName() {
        assertEquals("::1", IpAddresses.format(IpAddresses.parse("::1")));
        assertEquals("2001:db8::1", IpAddresses.format(IpAddresses.parse("[2001:DB8:0:0::1]")));
        assertNull(IpAddresses.parse("localhost"));
        assertNull(IpAddresses.parse("example.com"));
        assertNull(IpAddresses.parse(null));
    }
}
