package dev.openuapi.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.openuapi.common.ApiException;

/** The allow-list rules of spec §3.6. */
class IpAllowListTest {

    @Test
    void normalisesSortsAndDeduplicates() {
        assertEquals(List.of("10.0.0.0/8", "192.0.2.1", "2001:db8::/32", "2001:db8::1"),
                IpAllowList.normalize(List.of("2001:DB8::1/128", "192.0.2.1/32", "10.1.2.3/8", "2001:db8:0:0::/32", "192.0.2.1")));
        assertNull(IpAllowList.normalize(List.of()));
    }

    @Test
    void matchesAddressesAndRanges() {
        List<String> list = IpAllowList.normalize(List.of("192.0.2.0/24", "2001:db8::/32", "198.51.100.7"));
        assertTrue(IpAllowList.allows(list, "192.0.2.200"));
        assertTrue(IpAllowList.allows(list, "198.51.100.7"));
        assertTrue(IpAllowList.allows(list, "2001:db8:ffff::1"));
        assertTrue(IpAllowList.allows(list, "::ffff:192.0.2.9"), "IPv4-mapped IPv6");
        assertFalse(IpAllowList.allows(list, "192.0.3.1"));
        assertFalse(IpAllowList.allows(list, "198.51.100.8"));
        assertFalse(IpAllowList.allows(list, "2001:db9::1"));
        assertFalse(IpAllowList.allows(list, "not-an-ip"));
        assertTrue(IpAllowList.allows(null, "192.0.3.1"), "no list: any address");
    }

    @Test
    void refusesBadEntriesAndLongLists() {
        for (String bad : List.of("300.1.1.1", "192.0.2.0/33", "example.com", "::1/129", "1.2.3")) {
            assertThrows(ApiException.class, () -> IpAllowList.normalize(List.of(bad)), bad);
        }
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("10.0.0." + (i % 250));
        }
        assertThrows(ApiException.class, () -> IpAllowList.normalize(many));
    }
}
