package dev.openuapi.dns;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.openuapi.common.ApiException;
import dev.openuapi.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The DNS part of an account backup: every zone of the account as {@code dnszones/<zone>.db} (cPanel's pkgacct writes
 * {@code $work_dir/dnszones/$name.db}, scripts/pkgacct "Copying Dns Zones"), a file BIND's own {@code named-checkzone} accepts,
 * and back into PowerDNS's tables with every record as it was and a newer SOA serial.
 */
@QuarkusTest
class ZoneFileServiceTest {

    static final String NAMED_CHECKZONE = "/usr/bin/named-checkzone";

    @Inject
    ZoneFileService files;

    @Inject
    ZoneService zones;

    @Inject
    ZoneStore store;

    @TempDir
    Path root;

    /** A new account named h4… (this helper's prefix), made through the admin API. */
    static String newAccount() {
        String username = "h4" + Fixtures.randomSuffix(10);
        asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "pw-" + Fixtures.randomSuffix(16), "domain", username + ".example", "contact_email",
                        "owner@" + username + ".example"))
                .post("/api/v1/accounts").then().statusCode(201);
        return username;
    }

    /** Every record of the zone as (name, ttl, type, prio, content), the SOA's serial left out (it is compared on its own). */
    List<List<Object>> rows(String zone) {
        List<List<Object>> rows = new ArrayList<>();
        for (ZoneRecord r : store.records(store.find(zone).orElseThrow().id())) {
            RecordData data = r.data() instanceof RecordData.Soa soa ? soa.withSerial(0) : r.data();
            rows.add(List.of(r.name(), r.ttl(), data.type(), data.prio(), data.content()));
        }
        return rows;
    }

    long serial(String zone) {
        return zones.view(store.find(zone).orElseThrow().owner(), zone).soa().serial();
    }

    void add(String owner, String zone, String type, String name, String ttl, RecordData data) {
        zones.add(owner, zone, new ZoneService.RecordInput(type, name, ttl, (t, z) -> data));
    }

    /** A zone with one record of each kind the editors make, and the awkward ones: long TXT, quotes, UTF-8, a wildcard. */
    void fill(String owner, String zone) {
        add(owner, zone, "A", "www", "300", RecordData.A.parse("192.0.2.10"));
        add(owner, zone, "A", "mail", null, RecordData.A.parse("192.0.2.11"));
        add(owner, zone, "A", "*", "600", RecordData.A.parse("192.0.2.12"));
        add(owner, zone, "AAAA", "v6", null, RecordData.Aaaa.parse("2001:DB8:0:0::1"));
        add(owner, zone, "CNAME", "ftp", null, RecordData.Cname.parse("www", zone));
        add(owner, zone, "MX", "@", "3600", RecordData.Mx.parse("10", "mail", zone));
        add(owner, zone, "MX", "@", "3600", RecordData.Mx.parse("20", "mx.other.example.", zone));
        String dkim = "v=DKIM1; k=rsa; p=" + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(9) + "IDAQAB";
        add(owner, zone, "TXT", "default._domainkey", null, RecordData.Txt.parse(dkim));
        add(owner, zone, "TXT", "@", null, RecordData.Txt.parse("v=spf1 +a +mx ~all"));
        add(owner, zone, "TXT", "quoted", null, RecordData.Txt.parse("say \"hi\" \\ back; slash — ünïcode"));
        add(owner, zone, "SRV", "_sip._tcp", null, RecordData.Srv.parse("10", "5", "5060", "sip.other.example.", zone));
        add(owner, zone, "CAA", "@", null, RecordData.Caa.parse("0", "issue", "letsencrypt.org"));
        add(owner, zone, "CAA", "@", null, RecordData.Caa.parse("128", "iodef", "mailto:security@" + zone));
        add(owner, zone, "CAA", "tricky", null, RecordData.Caa.parse("0", "issue", "ca.example; note=\"ü\" \\ x"));
        add(owner, zone, "NS", "delegated", null, RecordData.Ns.parse("ns1.other.example.", zone));
    }

    @Test
    void exportedZonesPassNamedCheckzoneAndComeBackAsTheyWere() throws Exception {
        String owner = newAccount();
        String main = owner + ".example";
        String second = "second-" + owner + ".example";
        zones.createZone(second, owner);
        fill(owner, main);
        fill(owner, second);
        List<List<Object>> mainBefore = rows(main);
        List<List<Object>> secondBefore = rows(second);
        long mainSerial = serial(main);
        assertTrue(mainBefore.size() >= 17, "SOA, NS, A plus the filled records: " + mainBefore);

        files.export(owner, root);
        assertEquals(List.of(main, second).stream().sorted().toList(), files.zonesIn(root));
        for (String zone : List.of(main, second)) {
            Path file = root.resolve("dnszones").resolve(zone + ".db");
            assertTrue(Files.isRegularFile(file), file + " as cPanel's pkgacct names it");
            // BIND's checker of master files: every record of the file must parse and the zone must be whole.
            assertEquals("OK", namedCheckzone(zone, file).strip().lines().reduce((a, b) -> b).orElse(""), Files.readString(file));
        }
        String text = Files.readString(root.resolve("dnszones").resolve(main + ".db"));
        assertTrue(text.contains("\"say \\\"hi\\\" \\\\ back; slash"), "quotes and backslashes escaped: " + text);

        zones.deleteZone(main);
        zones.deleteZone(second);
        assertFalse(zones.zoneExists(main));

        files.restore(root, owner);
        assertEquals(mainBefore, rows(main), "every record back, in the zone file's order");
        assertEquals(secondBefore, rows(second));
        assertEquals(owner, store.find(main).orElseThrow().owner());
        assertTrue(serial(main) > mainSerial, "the serial is bumped: " + serial(main) + " after " + mainSerial);
        RecordData.Txt long1 = (RecordData.Txt) store.records(store.find(main).orElseThrow().id()).stream()
                .filter(r -> r.name().equals("default._domainkey." + main)).findFirst().orElseThrow().data();
        assertEquals(2, long1.strings().size(), "a TXT longer than 255 bytes stays two character-strings");

        // the restored zone is served as the editors see it: ZoneEdit's view reads the same records
        assertEquals(mainBefore.size(), zones.view(owner, main).records().size());
    }

    @Test
    void aZoneThatExistsAlreadyIsRefusedBeforeAnythingChanges() throws Exception {
        String owner = newAccount();
        String other = newAccount();
        String kept = owner + ".example";
        String gone = "a-" + owner + ".example"; // sorts before the existing zone: it would be made first
        zones.createZone(gone, owner);
        files.export(owner, root);
        zones.deleteZone(gone);
        List<List<Object>> keptBefore = rows(kept);

        ApiException refused = assertThrows(ApiException.class, () -> files.restore(root, other));
        assertEquals("The DNS zone " + dev.openuapi.common.Quote.of(kept) + " already exists on this server.", refused.getMessage());
        assertFalse(zones.zoneExists(gone), "nothing made");
        assertEquals(owner, store.find(kept).orElseThrow().owner(), "the zone stays its owner's");
        assertEquals(keptBefore, rows(kept));
    }

    @Test
    void aBrokenOrForeignZoneFileIsRefusedWithNothingMade() throws Exception {
        String owner = newAccount();
        String good = "a-" + owner + ".example";
        Path dir = Files.createDirectories(root.resolve("dnszones"));
        Files.writeString(dir.resolve(good + ".db"), soa(good) + good + ". 300 IN A 192.0.2.1\n");

        String outside = "b-" + owner + ".example";
        Files.writeString(dir.resolve(outside + ".db"), soa(outside) + "www.elsewhere.example. 300 IN A 192.0.2.1\n");
        ApiException refused = assertThrows(ApiException.class, () -> files.restore(root, owner));
        assertTrue(refused.getMessage().contains("holds a record outside the zone"), refused.getMessage());
        assertFalse(zones.zoneExists(good));

        Files.writeString(dir.resolve(outside + ".db"), soa(outside) + outside + ". 300 IN A not-an-address\n");
        refused = assertThrows(ApiException.class, () -> files.restore(root, owner));
        assertTrue(refused.getMessage().startsWith("The zone file “" + outside + ".db” is not valid"), refused.getMessage());

        Files.writeString(dir.resolve(outside + ".db"), outside + ". 300 IN A 192.0.2.1\n");
        refused = assertThrows(ApiException.class, () -> files.restore(root, owner));
        assertEquals("The zone file “" + outside + ".db” must hold exactly one SOA record; it holds 0.", refused.getMessage());
        assertFalse(zones.zoneExists(good));
        assertFalse(zones.zoneExists(outside));
    }

    /**
     * The restore of a whole account: removeacct, then the account made again on the same domain, which makes its default
     * zone. restore refuses that zone; restoreOver replaces the account's own zone with the archive's (serial above both),
     * and still refuses another account's.
     */
    @Test
    void restoreOverReplacesTheAccountsOwnDefaultZoneOnly() throws Exception {
        String owner = newAccount();
        String zone = owner + ".example";
        fill(owner, zone);
        List<List<Object>> before = rows(zone);
        files.export(owner, root);
        assertEquals(1, dev.openuapi.support.Whm.json(asRoot(), "removeacct", Map.of("username", owner)).get("metadata").get("result").asInt());
        assertFalse(zones.zoneExists(zone), "removeacct took the zone");

        String again = "h4" + Fixtures.randomSuffix(10);
        asRoot().contentType(ContentType.JSON).body(Map.of("username", again, "password", "pw-" + Fixtures.randomSuffix(16), "domain", zone,
                "contact_email", "owner@" + zone)).post("/api/v1/accounts").then().statusCode(201);
        List<List<Object>> fresh = rows(zone);
        long freshSerial = serial(zone);
        assertEquals(again, store.find(zone).orElseThrow().owner());

        assertThrows(ApiException.class, () -> files.restore(root, again), "restore keeps to its contract: the zone exists");
        String stranger = newAccount();
        assertThrows(ApiException.class, () -> files.restoreOver(root, stranger), "another account's zone is never replaced");
        assertEquals(fresh, rows(zone));

        files.restoreOver(root, again);
        assertEquals(before, rows(zone), "the archive's records replace the default ones");
        assertEquals(again, store.find(zone).orElseThrow().owner());
        assertTrue(serial(zone) > freshSerial, serial(zone) + " after " + freshSerial);
    }

    /** A file as BIND or cPanel writes it: $ORIGIN, $TTL, relative and @ names, raw UTF-8 in a string. */
    @Test
    void aHandWrittenMasterFileReadsTheSame() throws Exception {
        String owner = newAccount();
        String zone = "hand-" + owner + ".example";
        Path dir = Files.createDirectories(root.resolve("dnszones"));
        Files.writeString(dir.resolve(zone + ".db"), String.join("\n",
                "; cPanel-style header", "$TTL 14400", "$ORIGIN " + zone + ".",
                "@ 86400 IN SOA ns1.other.example. hostmaster ( 2024010101 3600 1800 1209600 86400 )",
                "@ 86400 IN NS ns1.other.example.",
                "www IN A 192.0.2.7",
                "@ IN TXT \"café — ß\" \"second\"",
                "@ IN MX 5 www", ""), StandardCharsets.UTF_8);
        files.restore(root, owner);
        assertEquals(List.of(
                List.of(zone, 86400, "SOA", 0, "ns1.other.example hostmaster." + zone + " 0 3600 1800 1209600 86400"),
                List.of(zone, 86400, "NS", 0, "ns1.other.example"),
                List.of("www." + zone, 14400, "A", 0, "192.0.2.7"),
                List.of(zone, 14400, "TXT", 0, "\"café — ß\" \"second\""),
                List.of(zone, 14400, "MX", 5, "www." + zone)), rows(zone));
        assertTrue(serial(zone) > 2024010101L);
    }

    /** A failure half-way (the database refuses the second zone's record) leaves no zone behind: one transaction. */
    @Test
    void aFailureHalfWayUndoesTheZonesMadeBeforeIt() throws Exception {
        String owner = newAccount();
        String first = "a-" + owner + ".example";
        String second = "b-" + owner + ".example";
        Path dir = Files.createDirectories(root.resolve("dnszones"));
        Files.writeString(dir.resolve(first + ".db"), soa(first) + "www." + first + ". 300 IN A 192.0.2.1\n");
        // 250 strings of 255 bytes: a valid TXT for DNS, longer than PowerDNS's content column (VARCHAR(64000)) once quoted
        String huge = ("\"" + "x".repeat(255) + "\" ").repeat(250);
        Files.writeString(dir.resolve(second + ".db"), soa(second) + second + ". 300 IN TXT " + huge + "\n");

        RuntimeException failed = assertThrows(RuntimeException.class, () -> files.restore(root, owner));
        assertEquals("Could not write to the zone tables", failed.getMessage(), "the database's refusal, after the first zone was made");
        assertFalse(zones.zoneExists(first), "the first zone was undone");
        assertFalse(zones.zoneExists(second));

        files.discard(root, owner); // nothing of the archive is left: discard has nothing to do and changes nothing
        assertFalse(zones.zoneExists(first));
    }

    static String soa(String zone) {
        return zone + ". 86400 IN SOA ns1.other.example. hostmaster." + zone + ". 2024010101 3600 1800 1209600 86400\n" + zone
                + ". 86400 IN NS ns1.other.example.\n";
    }

    /** named-checkzone's output for the file (it exits non-zero on any error, and the test fails with its output). */
    static String namedCheckzone(String zone, Path file) throws Exception {
        if (!Files.isExecutable(Path.of(NAMED_CHECKZONE))) {
            throw new IllegalStateException(NAMED_CHECKZONE + " is missing: apt-get install bind9-utils (.ci/run must)");
        }
        Process process = new ProcessBuilder(NAMED_CHECKZONE, zone, file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "named-checkzone did not finish");
        assertEquals(0, process.exitValue(), "named-checkzone refused " + file + ":\n" + output + "\n" + Files.readString(file));
        return output;
    }
}
