package dev.openuapi.dns;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.common.ApiException;
import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.test.junit.QuarkusTest;

/**
 * ZoneService with typed inputs: the data reaches PowerDNS's columns as its parts (no joined string), the
 * serial bump rewrites only the SOA's serial, and refusals come in one order whatever form the data has.
 */
@QuarkusTest
class ZoneServiceTest {

    @Inject
    ZoneService zones;

    @Inject
    DataSource dataSource;

    /** (type, prio, content, ttl) of every record named {@code name}, as PowerDNS reads them. */
    List<List<Object>> columns(String name) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT type, prio, content, ttl FROM records WHERE name = ? ORDER BY id")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4)));
                }
            }
        }
        return rows;
    }

    static ZoneService.RecordInput input(String type, String name, String ttl, RecordData data) {
        return new ZoneService.RecordInput(type, name, ttl, (t, zone) -> data);
    }

    @Test
    void typedDataLandsInPowerDnsColumnsAndTheSerialMovesAlone() throws Exception {
        TestAccount alice = newAccount();
        String zone = alice.domain();
        List<List<Object>> soaBefore = columns(zone).stream().filter(r -> r.get(0).equals("SOA")).toList();
        List<Long> serials = new ArrayList<>();
        serials.add(Long.parseLong(zones.add(alice.username(), zone, input("MX", "@", "600", new RecordData.Mx(20, "mx." + zone)))));
        serials.add(Long.parseLong(zones.add(alice.username(), zone,
                input("SRV", "_sip._tcp", null, new RecordData.Srv(10, 5, 5060, "sip.example.net")))));
        serials.add(Long.parseLong(zones.add(alice.username(), zone,
                ZoneService.RecordInput.of("www." + zone + ".", RecordData.A.parse("192.0.2.44")))));

        // PowerDNS 4's gmysql backend reads the MX/SRV priority from prio and the rest from content (ZoneEditTest
        // shows pdns_server serving them so).
        assertEquals(List.of("MX", 20, "mx." + zone, 600), columns(zone).stream().filter(r -> r.get(0).equals("MX")).findFirst().orElseThrow());
        assertEquals(List.of(List.of("SRV", 10, "5 5060 sip.example.net", 14400)), columns("_sip._tcp." + zone),
                "14400: openuapi.dns.default-ttl's default");
        assertEquals(List.of(List.of("A", 0, "192.0.2.44", 14400)), columns("www." + zone));

        String soa = (String) columns(zone).stream().filter(r -> r.get(0).equals("SOA")).findFirst().orElseThrow().get(2);
        String[] before = ((String) soaBefore.get(0).get(2)).split(" ");
        String[] after = soa.split(" ");
        assertTrue(Long.parseLong(before[2]) < serials.get(0) && serials.get(0) < serials.get(1) && serials.get(1) < serials.get(2),
                "three changes, three bumps: " + before[2] + " " + serials);
        assertEquals(serials.get(2), Long.parseLong(after[2]), "the last change's serial is the zone's");
        after[2] = before[2];
        assertEquals(String.join(" ", before), String.join(" ", after), "only the serial changed");
        assertEquals(String.valueOf(serials.get(2)), zones.view(alice.username(), zone).serial());
    }

    @Test
    void refusalsComeInOneOrder() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String zone = alice.domain();
        ZoneService.DataReader failing = (type, z) -> {
            throw ApiException.invalid("data");
        };
        // OpenUAPI's own wording, not cPanel's. The zone comes first, then the line, the type, the name, the TTL, the data.
        assertEquals("You do not control a DNS zone named “" + bob.domain() + "”.", assertThrows(ApiException.class,
                () -> zones.edit(alice.username(), bob.domain(), 999, null, new ZoneService.RecordInput("SPF", "bad name", "-1", failing)))
                .getMessage());
        assertEquals("Line 999 of the zone “" + zone + "” does not hold a record.", assertThrows(ApiException.class,
                () -> zones.edit(alice.username(), zone, 999, null, new ZoneService.RecordInput("SPF", "bad name", "-1", failing))).getMessage());
        assertEquals("“SPF” is not a supported record type. Supported types: A, AAAA, CAA, CNAME, MX, NS, SRV, TXT.",
                assertThrows(ApiException.class, () -> zones.add(alice.username(), zone,
                        new ZoneService.RecordInput("SPF", "bad name", "-1", failing))).getMessage());
        assertEquals("“bad name” is not a valid domain name.", assertThrows(ApiException.class, () -> zones.add(alice.username(), zone,
                new ZoneService.RecordInput("A", "bad name", "-1", failing))).getMessage());
        assertEquals("“-1” is not a valid TTL: use a whole number of seconds from 1 to 2147483647.", assertThrows(ApiException.class,
                () -> zones.add(alice.username(), zone, new ZoneService.RecordInput("A", "www", "-1", failing))).getMessage());
        assertEquals("data", assertThrows(ApiException.class, () -> zones.add(alice.username(), zone,
                new ZoneService.RecordInput("A", "www", "60", failing))).getMessage());
        // The SOA is the system's: line 4 holds it.
        assertEquals("The SOA record cannot be changed this way; the system updates its serial itself.", assertThrows(ApiException.class,
                () -> zones.remove(alice.username(), zone, ZoneService.ZoneView.lineOf(0), null)).getMessage());
    }

    @Test
    void anEditKeepsTheRecordsTypeNameAndTtlAndTheDataFormSeesTheType() throws Exception {
        TestAccount alice = newAccount();
        String zone = alice.domain();
        zones.add(alice.username(), zone, input("MX", "@", "900", new RecordData.Mx(10, "mx1." + zone)));
        ZoneService.ZoneView view = zones.view(alice.username(), zone);
        int index = 0;
        while (!view.records().get(index).type().equals("MX")) {
            index++;
        }
        List<String> seen = new ArrayList<>();
        zones.edit(alice.username(), zone, ZoneService.ZoneView.lineOf(index), null, new ZoneService.RecordInput(null, null, null, (type, z) -> {
            seen.add(type + " in " + z);
            return new RecordData.Mx(30, "mx2." + z);
        }));
        assertEquals(List.of("MX in " + zone), seen);
        assertEquals(List.of(List.of("MX", 30, "mx2." + zone, 900)), columns(zone).stream().filter(r -> r.get(0).equals("MX")).toList());
    }
}
