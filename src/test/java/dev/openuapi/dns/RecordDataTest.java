package dev.openuapi.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.Args;

/**
 * Typed record data: PowerDNS's (type, prio, content) columns in and out unchanged, zone-file renderings,
 * and the two client forms (ZoneEdit's named fields, mass_edit_zone's positional data) agreeing.
 */
class RecordDataTest {

    static final String ZONE = "example.com";

    /** Rows as PowerDNS 4's gmysql backend holds them: the MX/SRV priority in prio, TXT and CAA values quoted. */
    static final List<Object[]> POWERDNS_ROWS = List.of(
            new Object[] { "A", 0, "192.0.2.1" },
            new Object[] { "AAAA", 0, "2001:db8::1" },
            new Object[] { "CNAME", 0, "target.example.net" },
            new Object[] { "NS", 0, "ns1.example.net" },
            new Object[] { "MX", 10, "mail.example.com" },
            new Object[] { "SRV", 10, "5 5060 sip.example.net" },
            new Object[] { "TXT", 0, "\"v=spf1 -all\" \"second \\\"quoted\\\" \\\\ string\"" },
            new Object[] { "CAA", 0, "0 issue \"letsencrypt.org\"" },
            new Object[] { "SOA", 0, "ns1.example.net hostmaster.example.com 2026113001 3600 1800 1209600 86400" },
            new Object[] { "PTR", 0, "host.example.com" });

    @Test
    void powerDnsColumnsGoInAndComeOutUnchanged() {
        for (Object[] row : POWERDNS_ROWS) {
            RecordData data = RecordData.fromPowerDns((String) row[0], (Integer) row[1], (String) row[2]);
            assertEquals(row[0], data.type());
            assertEquals(row[1], data.prio(), (String) row[0]);
            assertEquals(row[2], data.content(), (String) row[0]);
        }
    }

    @Test
    void thePartsAreTyped() {
        assertEquals(new RecordData.Mx(10, "mail.example.com"), RecordData.fromPowerDns("MX", 10, "mail.example.com"));
        assertEquals(new RecordData.Srv(10, 5, 5060, "sip.example.net"), RecordData.fromPowerDns("SRV", 10, "5 5060 sip.example.net"));
        assertEquals(new RecordData.Txt(List.of("v=spf1 -all", "second \"quoted\" \\ string")), RecordData.fromPowerDns("TXT", 0,
                "\"v=spf1 -all\" \"second \\\"quoted\\\" \\\\ string\""));
        assertEquals(new RecordData.Caa(0, "issue", "letsencrypt.org"), RecordData.fromPowerDns("CAA", 0, "0 issue \"letsencrypt.org\""));
        RecordData.Soa soa = (RecordData.Soa) RecordData.fromPowerDns("SOA", 0, "ns1.example.net hostmaster.example.com 2026113001 3600 1800 "
                + "1209600 86400");
        assertEquals(new RecordData.Soa("ns1.example.net", "hostmaster.example.com", 2026113001L, 3600, 1800, 1209600, 86400), soa);
        assertEquals("ns1.example.net hostmaster.example.com 2026113002 3600 1800 1209600 86400", soa.withSerial(2026113002L).content());
        assertThrows(IllegalStateException.class, () -> RecordData.fromPowerDns("SOA", 0, "ns1.example.net hostmaster.example.com 1"));
    }

    @Test
    void zoneFileLinesAndParseZoneParts() {
        // Zone-file presentation (RFC 1035 §5.1): host names fully qualified with their trailing dot.
        assertEquals("example.com. 300 IN MX 10 mail.example.com.",
                new ZoneRecord(1, ZONE, 300, new RecordData.Mx(10, "mail.example.com")).zoneLine());
        assertEquals("_sip._tcp.example.com. 300 IN SRV 10 5 5060 sip.example.net.",
                new ZoneRecord(1, "_sip._tcp." + ZONE, 300, new RecordData.Srv(10, 5, 5060, "sip.example.net")).zoneLine());
        assertEquals("example.com. 86400 IN SOA ns1.example.net. hostmaster.example.com. 2026113001 3600 1800 1209600 86400",
                new ZoneRecord(1, ZONE, 86400, new RecordData.Soa("ns1.example.net", "hostmaster.example.com", 2026113001L, 3600, 1800,
                        1209600, 86400)).zoneLine());
        assertEquals("example.com. 300 IN TXT \"a\\\"b\" \"c\"", new ZoneRecord(1, ZONE, 300, new RecordData.Txt(List.of("a\"b", "c"))).zoneLine());
        assertEquals("example.com. 300 IN CAA 0 issue \"letsencrypt.org\"",
                new ZoneRecord(1, ZONE, 300, new RecordData.Caa(0, "issue", "letsencrypt.org")).zoneLine());
        assertEquals("www.example.com. 300 IN CNAME example.com.", new ZoneRecord(1, "www." + ZONE, 300, new RecordData.Cname(ZONE)).zoneLine());
        // DNS::parse_zone's data parts (spec §9.1 row 35): one per field, character-strings unquoted.
        assertEquals(List.of("10", "mail.example.com."), new RecordData.Mx(10, "mail.example.com").zoneFields());
        assertEquals(List.of("a\"b", "c"), new RecordData.Txt(List.of("a\"b", "c")).zoneFields());
        assertEquals(List.of("0", "issue", "letsencrypt.org"), new RecordData.Caa(0, "issue", "letsencrypt.org").zoneFields());
        assertEquals(List.of("ns1.example.net.", "hostmaster.example.com.", "2026113001", "3600", "1800", "1209600", "86400"),
                new RecordData.Soa("ns1.example.net", "hostmaster.example.com", 2026113001L, 3600, 1800, 1209600, 86400).zoneFields());
        assertEquals(List.of("host.example.com"), new RecordData.Other("PTR", 0, "host.example.com").zoneFields());
    }

    static Args args(String... pairs) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entries.add(new AbstractMap.SimpleEntry<>(pairs[i], pairs[i + 1]));
        }
        return Args.fromPairs(entries);
    }

    @Test
    void namedFieldsAndPositionalDataGiveTheSameData() {
        assertEquals(new RecordData.Mx(10, "mail.example.com"), ZoneEditModule.data(args("preference", "10", "exchange", "mail"), "MX", ZONE));
        assertEquals(new RecordData.Mx(10, "mail.example.com"), DnsModule.data(List.of("10", "mail"), "MX", ZONE));
        assertEquals(new RecordData.Srv(1, 2, 443, "svc.example.net"),
                ZoneEditModule.data(args("priority", "1", "weight", "2", "port", "443", "target", "svc.example.net."), "SRV", ZONE));
        assertEquals(new RecordData.Srv(1, 2, 443, "svc.example.net"), DnsModule.data(List.of("1", "2", "443", "svc.example.net."), "SRV", ZONE));
        assertEquals(new RecordData.Caa(128, "issue", "ca.example"), ZoneEditModule.data(args("flag", "128", "tag", "ISSUE", "value", "ca.example"),
                "CAA", ZONE));
        assertEquals(new RecordData.Caa(128, "issue", "ca.example"), DnsModule.data(List.of("128", "ISSUE", "ca.example"), "CAA", ZONE));
        assertEquals(new RecordData.Aaaa("2001:db8::1"), ZoneEditModule.data(args("address", "2001:DB8:0:0::1"), "AAAA", ZONE));
        assertEquals(new RecordData.Aaaa("2001:db8::1"), DnsModule.data(List.of("2001:DB8:0:0::1"), "AAAA", ZONE));
        // mass_edit_zone's TXT strings are joined, then cut again at 255 bytes, as ZoneEdit's txtdata is.
        String text = "x".repeat(300);
        assertEquals(new RecordData.Txt(List.of("x".repeat(255), "x".repeat(45))), ZoneEditModule.data(args("txtdata", text), "TXT", ZONE));
        assertEquals(new RecordData.Txt(List.of("x".repeat(255), "x".repeat(45))), DnsModule.data(List.of("x".repeat(100), "x".repeat(200)),
                "TXT", ZONE));
    }

    static String refusal(Runnable parse) {
        return assertThrows(ApiException.class, parse::run).getMessage();
    }

    @Test
    void refusalsNameZoneEditsFieldInBothForms() {
        // OpenUAPI's own wording, not cPanel's (the messages ZoneEdit has always given).
        assertEquals("The “exchange” argument is required for MX records.", refusal(() -> DnsModule.data(List.of("10"), "MX", ZONE)));
        assertEquals("The “exchange” argument is required for MX records.",
                refusal(() -> ZoneEditModule.data(args("preference", "10"), "MX", ZONE)));
        assertEquals("The “port” argument is required for SRV records.", refusal(() -> DnsModule.data(List.of("1", "2"), "SRV", ZONE)));
        assertEquals("The “txtdata” argument is required for TXT records.", refusal(() -> DnsModule.data(List.of(), "TXT", ZONE)));
        // The order of checks: the preference before the exchange, the flag before the tag before the value.
        assertEquals("“70000” is not a valid preference: use a whole number from 0 to 65535.",
                refusal(() -> DnsModule.data(List.of("70000"), "MX", ZONE)));
        assertEquals("“300” is not a valid flag: use a whole number from 0 to 255.", refusal(() -> DnsModule.data(List.of("300"), "CAA", ZONE)));
        assertEquals("“is sue” is not a valid CAA tag.", refusal(() -> ZoneEditModule.data(args("tag", "is sue"), "CAA", ZONE)));
        assertEquals("Record data may not contain control characters.",
                refusal(() -> ZoneEditModule.data(args("tag", "issue", "value", "a\u0001b"), "CAA", ZONE)));
        assertEquals("The TXT record data is too long.", refusal(() -> DnsModule.data(List.of("y".repeat(4001)), "TXT", ZONE)));
        assertEquals("“999.1.1.1” is not a valid IPv4 address.", refusal(() -> ZoneEditModule.data(args("address", "999.1.1.1"), "A", ZONE)));
        assertEquals("“bad host” is not a valid domain name.", refusal(() -> DnsModule.data(List.of("bad host"), "CNAME", ZONE)));
    }
}
