package dev.openuapi.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** openuapi.dns.resolvers' forms, and cPanel's list wording. No server is asked. */
class PublicDnsTest {

    @Test
    void resolverAddressesAndPorts() {
        assertEquals(53, PublicDns.simple("127.0.0.1").getAddress().getPort());
        assertEquals(5353, PublicDns.simple("127.0.0.1:5353").getAddress().getPort());
        assertEquals("127.0.0.1", PublicDns.simple("127.0.0.1:5353").getAddress().getAddress().getHostAddress());
        assertEquals(5300, PublicDns.simple("[::1]:5300").getAddress().getPort());
        assertEquals(53, PublicDns.simple("::1").getAddress().getPort(), "a bare IPv6 address");
        assertThrows(IllegalArgumentException.class, () -> PublicDns.simple("127.0.0.1:port"));
        assertThrows(IllegalArgumentException.class, () -> PublicDns.simple("[::1:53"));
    }

    @Test
    void listAndAsCpanelWritesIt() {
        assertEquals("a", DnsLookupService.listAnd(List.of("a")));
        assertEquals("a and b", DnsLookupService.listAnd(List.of("a", "b")));
        assertEquals("a, b, and c", DnsLookupService.listAnd(List.of("a", "b", "c")));
    }
}
