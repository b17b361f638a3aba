package dev.openuapi.dns;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.ZoneSerials;
import io.quarkus.test.junit.QuarkusTest;

/** UAPI {@code DNS::parse_zone} and {@code DNS::mass_edit_zone} (spec §9.1 rows 35-36). */
@QuarkusTest
class DnsModuleTest {

    static String decode(JsonNode node) {
        return new String(Base64.getDecoder().decode(node.textValue()), StandardCharsets.UTF_8);
    }

    static JsonNode parse(TestAccount account, String token) {
        return Uapi.success(account.withToken(token).queryParam("zone", account.domain()).get("/execute/DNS/parse_zone").asString())
                .get("data");
    }

    static String serial(JsonNode lines) {
        for (JsonNode line : lines) {
            if ("record".equals(line.get("type").textValue()) && "SOA".equals(line.get("record_type").textValue())) {
                return decode(line.get("data_b64").get(2));
            }
        }
        throw new AssertionError("no SOA in " + lines);
    }

    static int indexOf(JsonNode lines, String name, String type) {
        for (JsonNode line : lines) {
            if ("record".equals(line.get("type").textValue()) && type.equals(line.get("record_type").textValue())
                    && name.equals(decode(line.get("dname_b64")))) {
                return line.get("line_index").intValue();
            }
        }
        return -1;
    }

    @Test
    void parseZoneGivesBase64LinesWithZeroBasedIndexes() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode lines = parse(alice, token);
        assertEquals("comment", lines.get(0).get("type").textValue());
        assertEquals(0, lines.get(0).get("line_index").intValue());
        assertTrue(decode(lines.get(0).get("text_b64")).startsWith("; cPanel first"));
        assertEquals("control", lines.get(2).get("type").textValue());
        assertEquals("$TTL 14400", decode(lines.get(2).get("text_b64")));
        JsonNode soa = lines.get(3);
        assertEquals("record", soa.get("type").textValue());
        assertEquals("SOA", soa.get("record_type").textValue());
        assertEquals(alice.domain() + ".", decode(soa.get("dname_b64")));
        assertEquals(7, soa.get("data_b64").size());
        JsonNode a = lines.get(indexOf(lines, alice.domain() + ".", "A"));
        // openuapi.dns.account-ip's default (a documentation address): OpenUAPI's own choice.
        assertEquals("192.0.2.1", decode(a.get("data_b64").get(0)));
        assertTrue(a.get("ttl").isInt());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i, lines.get(i).get("line_index").intValue());
        }
    }

    @Test
    void massEditAppliesEverythingAtOnceWithOneSerialBump() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode before = parse(alice, token);
        String serial = serial(before);
        int apexA = indexOf(before, alice.domain() + ".", "A");
        LocalDate since = ZoneSerials.todayUtc();
        String body = alice.withToken(token).formParam("zone", alice.domain()).formParam("serial", serial)
                .formParam("add", "{\"dname\":\"www\",\"ttl\":300,\"record_type\":\"A\",\"data\":[\"192.0.2.10\"]}")
                .formParam("add", "{\"dname\":\"_acme-challenge\",\"ttl\":60,\"record_type\":\"TXT\",\"data\":[\"abc\",\"def\"]}")
                .formParam("add", "{\"dname\":\"@\",\"record_type\":\"MX\",\"data\":[10,\"mail.example.net.\"]}")
                .formParam("edit", "{\"line_index\":" + apexA + ",\"dname\":\"" + alice.domain() + ".\",\"ttl\":600,\"record_type\":\"A\","
                        + "\"data\":[\"198.51.100.7\"]}")
                .post("/execute/DNS/mass_edit_zone").asString();
        JsonNode data = Uapi.success(body).get("data");
        ZoneSerials.assertNext(Long.parseLong(serial), Long.parseLong(data.get("new_serial").textValue()), since);

        JsonNode after = parse(alice, token);
        assertEquals(data.get("new_serial").textValue(), serial(after));
        assertEquals("198.51.100.7", decode(after.get(apexA).get("data_b64").get(0)));
        assertEquals(600, after.get(apexA).get("ttl").intValue());
        JsonNode txt = after.get(indexOf(after, "_acme-challenge." + alice.domain() + ".", "TXT"));
        assertEquals("abcdef", decode(txt.get("data_b64").get(0)));
        JsonNode mx = after.get(indexOf(after, alice.domain() + ".", "MX"));
        assertEquals(List.of("10", "mail.example.net."), List.of(decode(mx.get("data_b64").get(0)), decode(mx.get("data_b64").get(1))));

        int www = indexOf(after, "www." + alice.domain() + ".", "A");
        Uapi.success(alice.withToken(token).formParam("zone", alice.domain()).formParam("serial", serial(after))
                .formParam("remove", String.valueOf(www)).post("/execute/DNS/mass_edit_zone").asString());
        assertEquals(-1, indexOf(parse(alice, token), "www." + alice.domain() + ".", "A"));
    }

    @Test
    void aStaleSerialOrAnyBadItemChangesNothing() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode before = parse(alice, token);
        String serial = serial(before);
        String stale = String.valueOf(Long.parseLong(serial) - 1);
        // cPanel's wording, as real servers send it: public mass_edit_zone clients parse the current serial out of it.
        Uapi.failure(alice.withToken(token).formParam("zone", alice.domain()).formParam("serial", stale)
                .formParam("add", "{\"dname\":\"www\",\"record_type\":\"A\",\"data\":[\"192.0.2.10\"]}")
                .post("/execute/DNS/mass_edit_zone").asString(),
                "The given serial number (" + stale + ") does not match the DNS zone’s serial number (" + serial
                        + "). Refresh your view of the DNS zone, then resubmit.");
        List<String> badBatches = new ArrayList<>(List.of(
                "add={\"dname\":\"ok\",\"record_type\":\"A\",\"data\":[\"192.0.2.10\"]}&add={\"dname\":\"bad\",\"record_type\":\"A\",\"data\":[\"300.1.1.1\"]}",
                "add=not-json",
                "add={\"dname\":\"x\",\"record_type\":\"HINFO\",\"data\":[\"a\"]}",
                "remove=3",
                "remove=999",
                "remove=6&remove=6",
                "edit={\"dname\":\"x\",\"record_type\":\"A\",\"data\":[\"192.0.2.1\"]}"));
        for (String batch : badBatches) {
            JsonNode root = Uapi.envelope(alice.withToken(token).contentType("application/x-www-form-urlencoded")
                    .body("zone=" + alice.domain() + "&serial=" + serial + "&" + batch.replace("+", "%2B"))
                    .post("/execute/DNS/mass_edit_zone").asString());
            assertEquals(0, root.get("status").intValue(), batch + " " + root);
        }
        assertEquals(before.toString(), parse(alice, token).toString(), "the zone is unchanged");
        Uapi.failure(alice.withToken(token).formParam("zone", alice.domain()).post("/execute/DNS/mass_edit_zone").asString(),
                "Provide the “serial” argument."); // cPanel's standard text for a missing argument (spec §6.3)
    }

    @Test
    void aLineHasTheKeysOfItsKindOnly() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.success(alice.withToken(token).formParam("zone", alice.domain()).formParam("serial", serial(parse(alice, token)))
                .formParam("add", "{\"dname\":\"@\",\"record_type\":\"MX\",\"data\":[10,\"mail\"]}")
                .formParam("add", "{\"dname\":\"@\",\"record_type\":\"CAA\",\"data\":[0,\"issue\",\"letsencrypt.org\"]}")
                .post("/execute/DNS/mass_edit_zone").asString());
        JsonNode lines = parse(alice, token);
        // spec §9.1 row 35: {type:"record", line_index, dname_b64, record_type, ttl, data_b64:[…]} or
        // {type:"control"|"comment", line_index, text_b64}.
        assertEquals(List.of("type", "line_index", "text_b64"), ZoneEditTest.keys(lines.get(0)));
        assertEquals(List.of("type", "line_index", "text_b64"), ZoneEditTest.keys(lines.get(2)));
        for (int i = 3; i < lines.size(); i++) {
            assertEquals(List.of("type", "line_index", "dname_b64", "record_type", "ttl", "data_b64"), ZoneEditTest.keys(lines.get(i)), lines.get(i).toString());
        }
        JsonNode soa = lines.get(3);
        assertTrue(decode(soa.get("data_b64").get(0)).endsWith(".") && decode(soa.get("data_b64").get(1)).equals("hostmaster." + alice.domain() + "."),
                soa.toString());
        JsonNode mx = lines.get(indexOf(lines, alice.domain() + ".", "MX"));
        assertEquals(List.of("10", "mail." + alice.domain() + "."), List.of(decode(mx.get("data_b64").get(0)), decode(mx.get("data_b64").get(1))));
        JsonNode caa = lines.get(indexOf(lines, alice.domain() + ".", "CAA"));
        List<String> parts = new ArrayList<>();
        caa.get("data_b64").forEach(part -> parts.add(decode(part)));
        assertEquals(List.of("0", "issue", "letsencrypt.org"), parts, "the value unquoted");
    }

    @Test
    void anotherAccountsZoneIsRefused() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String token = alice.newToken();
        // cPanel's text ("You do not control a DNS zone named ..." as public clients quote it); the “” are OpenUAPI's.
        Uapi.failure(alice.withToken(token).queryParam("zone", bob.domain()).get("/execute/DNS/parse_zone").asString(),
                "You do not control a DNS zone named “" + bob.domain() + "”.");
        Uapi.failure(alice.withToken(token).formParam("zone", bob.domain()).formParam("serial", "1")
                .post("/execute/DNS/mass_edit_zone").asString(), "You do not control a DNS zone named “" + bob.domain() + "”.");
    }
}
