package dev.openuapi.dns;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.PowerDns;
import dev.openuapi.support.TestConfig;
import dev.openuapi.support.ZoneSerials;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * API 2 ZoneEdit against a real PowerDNS reading the same database: what acme.sh and certbot's cPanel
 * plugin do for a DNS-01 challenge, and every refusal on the way.
 */
@QuarkusTest
class ZoneEditTest {

    static PowerDns pdns;

    @BeforeAll
    static void startPowerDns() throws Exception {
        pdns = PowerDns.start(TestConfig.databaseName());
    }

    @AfterAll
    static void stopPowerDns() {
        if (pdns != null) {
            pdns.close();
        }
    }

    /** One API 2 ZoneEdit call with the token; returns cpanelresult. */
    static JsonNode zoneEdit(TestAccount account, String token, String function, Map<String, ?> args) {
        String body = account.withToken(token).queryParam("cpanel_jsonapi_apiversion", "2")
                .queryParam("cpanel_jsonapi_module", "ZoneEdit").queryParam("cpanel_jsonapi_func", function)
                .queryParams(args).get("/json-api/cpanel").then().statusCode(200).extract().asString();
        return Fixtures.json(body).get("cpanelresult");
    }

    static String serial(TestAccount account, String token) {
        return zoneEdit(account, token, "fetchzone", Map.of("domain", account.domain())).get("data").get(0).get("serialnum").textValue();
    }

    static int recordCount(TestAccount account, String token) {
        return zoneEdit(account, token, "fetchzone_records", Map.of("domain", account.domain())).get("data").size();
    }

    @Test
    void theDns01Flow() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String challenge = "_acme-challenge." + alice.domain() + ".";
        String value = "gfj9Xq-" + Fixtures.randomSuffix(20);

        // 1. acme.sh adds the TXT record with a name relative to the zone.
        JsonNode added = zoneEdit(alice, token, "add_zone_record",
                Map.of("domain", alice.domain(), "name", "_acme-challenge", "type", "TXT", "txtdata", value, "ttl", "60"));
        assertEquals(1, added.get("data").get(0).get("result").get("status").intValue(), added.toString());
        assertTrue(added.toString().contains("newserial"));

        // PowerDNS serves it at once.
        PowerDns.Answer answer = pdns.query(challenge, Type.TXT);
        assertEquals(1, answer.records().size(), pdns.log());
        assertEquals(value, ((TXTRecord) answer.records().get(0)).getStrings().get(0));
        assertEquals(60, answer.records().get(0).getTTL());

        // 2. certbot finds exactly that record by name, type and text.
        JsonNode found = zoneEdit(alice, token, "fetchzone_records",
                Map.of("domain", alice.domain(), "name", challenge, "type", "TXT", "txtdata", value));
        assertEquals(1, found.get("data").size(), found.toString());
        JsonNode record = found.get("data").get(0);
        assertEquals(challenge, record.get("name").textValue());
        assertEquals(value, record.get("txtdata").textValue());
        assertEquals(record.get("line").intValue(), record.get("Line").intValue());
        assertEquals(0, zoneEdit(alice, token, "fetchzone_records", Map.of("domain", alice.domain(), "name", challenge,
                "type", "TXT", "txtdata", "other-value")).get("data").size(), "filters match exactly");

        // 3. It removes the record by line.
        JsonNode removed = zoneEdit(alice, token, "remove_zone_record",
                Map.of("domain", alice.domain(), "line", record.get("line").asText()));
        assertEquals(1, removed.get("data").get(0).get("result").get("status").intValue(), removed.toString());

        // 4. PowerDNS no longer has it; the rest of the zone is intact.
        PowerDns.Answer gone = pdns.query(challenge, Type.TXT);
        assertTrue(gone.records().isEmpty(), gone.toString());
        assertEquals(4, recordCount(alice, token), "SOA, 2 NS and A remain");
        assertEquals(1, pdns.query(alice.domain() + ".", Type.A).records().size());
    }

    @Test
    void certbotStyleFullyQualifiedNamesAndTheLineAlias() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String name = "_acme-challenge.www." + alice.domain() + ".";
        JsonNode added = zoneEdit(alice, token, "add_zone_record", Map.of("domain", alice.domain(), "name", name, "type", "TXT", "txtdata", "v1"));
        assertEquals(1, added.get("data").get(0).get("result").get("status").intValue(), added.toString());
        assertEquals("v1", ((TXTRecord) pdns.query(name, Type.TXT).records().get(0)).getStrings().get(0), "served under the FQDN given");
        JsonNode row = zoneEdit(alice, token, "fetchzone_records", Map.of("domain", alice.domain(), "name", name)).get("data").get(0);
        JsonNode removed = zoneEdit(alice, token, "remove_zone_record", Map.of("domain", alice.domain(), "Line", row.get("Line").asText()));
        assertEquals(1, removed.get("data").get(0).get("result").get("status").intValue());
        assertTrue(pdns.query(name, Type.TXT).records().isEmpty());
    }

    @Test
    void everyChangeBumpsTheSerialThatPowerDnsServes() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        long before = Long.parseLong(serial(alice, token));
        LocalDate since = ZoneSerials.todayUtc();
        JsonNode added = zoneEdit(alice, token, "add_zone_record",
                Map.of("domain", alice.domain(), "name", "www", "type", "A", "address", "203.0.113.10"));
        assertEquals(1, added.get("data").get(0).get("result").get("status").intValue(), added.toString());
        long after = Long.parseLong(added.get("data").get(0).get("result").get("newserial").textValue());
        ZoneSerials.assertNext(before, after, since);
        assertEquals(String.valueOf(after), serial(alice, token));
        SOARecord soa = (SOARecord) pdns.query(alice.domain() + ".", Type.SOA).records().get(0);
        assertEquals(after, soa.getSerial());
    }

    @Test
    void editByLineChangesThatRecordOnly() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        addAll(alice, token, List.of(Map.of("name", "mail", "type", "A", "address", "203.0.113.5"),
                Map.of("name", "@", "type", "MX", "exchange", "mail", "preference", "10")));
        JsonNode mx = zoneEdit(alice, token, "fetchzone_records", Map.of("domain", alice.domain(), "type", "MX")).get("data").get(0);
        assertEquals("mail." + alice.domain(), mx.get("exchange").textValue());
        assertEquals(10, mx.get("preference").intValue());
        JsonNode edited = zoneEdit(alice, token, "edit_zone_record", Map.of("domain", alice.domain(), "line", mx.get("line").asText(),
                "type", "MX", "exchange", "mx2.example.net.", "preference", "20"));
        assertEquals(1, edited.get("data").get(0).get("result").get("status").intValue(), edited.toString());
        JsonNode after = zoneEdit(alice, token, "fetchzone_records", Map.of("domain", alice.domain(), "line", mx.get("line").asText()))
                .get("data").get(0);
        assertEquals("mx2.example.net", after.get("exchange").textValue());
        assertEquals(20, after.get("preference").intValue());
        assertEquals("203.0.113.5", zoneEdit(alice, token, "fetchzone_records", Map.of("domain", alice.domain(), "type", "A",
                "name", "mail")).get("data").get(0).get("address").textValue());
        List<Record> served = pdns.query(alice.domain() + ".", Type.MX).records();
        assertEquals("mx2.example.net.", ((org.xbill.DNS.MXRecord) served.get(0)).getTarget().toString());
    }

    @Test
    void everyTypeRoundTripsThroughPowerDns() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String zone = alice.domain();
        List<Map<String, String>> records = List.of(
                Map.of("name", "v6", "type", "AAAA", "address", "2001:DB8:0:0::1"),
                Map.of("name", "alias", "type", "CNAME", "cname", "target.example.net"),
                Map.of("name", "_sip._tcp", "type", "SRV", "priority", "10", "weight", "5", "port", "5060", "target", "sip.example.net."),
                Map.of("name", "@", "type", "CAA", "flag", "0", "tag", "issue", "value", "letsencrypt.org"),
                Map.of("name", "delegated", "type", "NS", "nsdname", "ns.example.net"),
                Map.of("name", "long", "type", "TXT", "txtdata", "x".repeat(300) + " \"quoted\""));
        addAll(alice, token, records);
        assertEquals(java.net.InetAddress.getByName("2001:db8::1"),
                ((org.xbill.DNS.AAAARecord) pdns.query("v6." + zone + ".", Type.AAAA).records().get(0)).getAddress());
        assertEquals("2001:db8::1", zoneEdit(alice, token, "fetchzone_records", Map.of("domain", zone, "type", "AAAA")).get("data")
                .get(0).get("address").textValue(), "stored in RFC 5952 form");
        assertEquals("target.example.net.", pdns.query("alias." + zone + ".", Type.CNAME).records().get(0).rdataToString());
        assertEquals("10 5 5060 sip.example.net.", pdns.query("_sip._tcp." + zone + ".", Type.SRV).records().get(0).rdataToString());
        assertTrue(pdns.query(zone + ".", Type.CAA).records().get(0).rdataToString().contains("letsencrypt.org"));
        TXTRecord txt = (TXTRecord) pdns.query("long." + zone + ".", Type.TXT).records().get(0);
        StringBuilder wire = new StringBuilder();
        txt.getStringsAsByteArrays().forEach(bytes -> wire.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("x".repeat(300) + " \"quoted\"", wire.toString(), "split into 255-byte strings on the wire");
        assertEquals(2, txt.getStringsAsByteArrays().size());
        JsonNode row = zoneEdit(alice, token, "fetchzone_records", Map.of("domain", zone, "type", "TXT", "name", "long")).get("data").get(0);
        assertEquals("x".repeat(300) + " \"quoted\"", row.get("txtdata").textValue());
        JsonNode srv = zoneEdit(alice, token, "fetchzone_records", Map.of("domain", zone, "type", "SRV")).get("data").get(0);
        assertEquals(5060, srv.get("port").intValue());
        assertEquals("sip.example.net", srv.get("target").textValue());
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String token = alice.newToken();
        String zone = alice.domain();
        String serialBefore = serial(alice, token);
        int countBefore = recordCount(alice, token);
        // Every refusal text below is OpenUAPI's own wording, not cPanel's (the spec documents only the shape,
        // §9.2: result.status 0 and no "newserial", which acme.sh reads as success).
        Map<String, Map<String, String>> refusals = new LinkedHashMap<>();
        refusals.put("“SPF” is not a supported record type", Map.of("function", "add_zone_record", "name", "x", "type", "SPF", "txtdata", "v"));
        refusals.put("“999.1.1.1” is not a valid IPv4 address", Map.of("function", "add_zone_record", "name", "x", "type", "A", "address", "999.1.1.1"));
        refusals.put("“zz::zz” is not a valid IPv6 address", Map.of("function", "add_zone_record", "name", "x", "type", "AAAA", "address", "zz::zz"));
        refusals.put("is not within the zone", Map.of("function", "add_zone_record", "name", "x.elsewhere.example.", "type", "A", "address", "192.0.2.9"));
        refusals.put("The “txtdata” argument is required for TXT records.", Map.of("function", "add_zone_record", "name", "x", "type", "TXT"));
        refusals.put("is not a valid TTL", Map.of("function", "add_zone_record", "name", "x", "type", "A", "address", "192.0.2.9", "ttl", "-5"));
        refusals.put("is not a valid domain name", Map.of("function", "add_zone_record", "name", "bad name", "type", "A", "address", "192.0.2.9"));
        refusals.put("You must specify the “line” of the record.", Map.of("function", "remove_zone_record"));
        refusals.put("does not hold a record", Map.of("function", "remove_zone_record", "line", "999"));
        refusals.put("“abc” is not a valid line number.", Map.of("function", "edit_zone_record", "line", "abc", "type", "A", "address", "192.0.2.9"));
        refusals.put("The SOA record cannot be changed", Map.of("function", "remove_zone_record", "line", "4"));
        for (Map.Entry<String, Map<String, String>> refusal : refusals.entrySet()) {
            Map<String, String> args = new LinkedHashMap<>(refusal.getValue());
            String function = args.remove("function");
            args.put("domain", zone);
            JsonNode result = zoneEdit(alice, token, function, args);
            JsonNode status = result.get("data").get(0).get("result");
            assertEquals(0, status.get("status").intValue(), refusal.getKey() + " " + result);
            assertTrue(status.get("statusmsg").textValue().contains(refusal.getKey()), result.toString());
            assertEquals(status.get("statusmsg").textValue(), result.get("error").textValue());
            assertFalse(result.toString().contains("newserial"), "acme.sh reads newserial as success: " + result);
        }
        // Another account's zone, and a zone nobody has, are refused alike. The text is cPanel's ("You do not control a
        // DNS zone named ..." as public clients quote it); the “” around the name are OpenUAPI's.
        for (String other : List.of(bob.domain(), "nobody-has-this.example")) {
            JsonNode add = zoneEdit(alice, token, "add_zone_record", Map.of("domain", other, "name", "x", "type", "A", "address", "192.0.2.9"));
            assertEquals("You do not control a DNS zone named “" + other + "”.", add.get("data").get(0).get("result").get("statusmsg").textValue());
            JsonNode remove = zoneEdit(alice, token, "remove_zone_record", Map.of("domain", other, "line", "7"));
            assertEquals(0, remove.get("data").get(0).get("result").get("status").intValue());
            JsonNode read = zoneEdit(alice, token, "fetchzone_records", Map.of("domain", other));
            assertEquals(0, read.get("event").get("result").intValue());
            assertEquals("You do not control a DNS zone named “" + other + "”.", read.get("error").textValue());
        }
        assertEquals(serialBefore, serial(alice, token));
        assertEquals(countBefore, recordCount(alice, token));
        String bobToken = bob.newToken();
        assertEquals(4, recordCount(bob, bobToken), "bob's zone was not touched");
    }

    @Test
    void concurrentEditsLoseNothing() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        long before = Long.parseLong(serial(alice, token));
        LocalDate since = ZoneSerials.todayUtc();
        List<Long> serials = new ArrayList<>();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String label = "host" + i;
                calls.add(() -> zoneEdit(alice, token, "add_zone_record",
                        Map.of("domain", alice.domain(), "name", label, "type", "A", "address", "198.51.100." + (10 + label.length()))));
            }
            for (Future<JsonNode> result : pool.invokeAll(calls)) {
                JsonNode status = result.get().get("data").get(0).get("result");
                assertEquals(1, status.get("status").intValue(), status.toString());
                serials.add(Long.parseLong(status.get("newserial").textValue()));
            }
        } finally {
            pool.shutdownNow();
        }
        ZoneSerials.assertConcurrent(before, serials, since);
        assertEquals(4 + writers, recordCount(alice, token));
        assertEquals(java.util.Collections.max(serials), Long.parseLong(serial(alice, token)), "the last change's serial is the zone's");
        for (int i = 0; i < writers; i++) {
            assertEquals(1, pdns.query("host" + i + "." + alice.domain() + ".", Type.A).records().size());
        }
    }

    /** Adds each record (ZoneEdit's fields) to the account's zone, checking that each was added. */
    static void addAll(TestAccount account, String token, List<Map<String, String>> records) {
        for (Map<String, String> record : records) {
            Map<String, String> args = new LinkedHashMap<>(record);
            args.put("domain", account.domain());
            JsonNode result = zoneEdit(account, token, "add_zone_record", args).get("data").get(0).get("result");
            assertEquals(1, result.get("status").intValue(), record + " " + result);
        }
    }

    /** The keys of a JSON object, in the order they were written. */
    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void everyTypesRowHasItsOwnKeysInOrder() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String zone = alice.domain();
        List<Map<String, String>> records = List.of(
                Map.of("name", "www", "type", "A", "address", "203.0.113.10"),
                Map.of("name", "v6", "type", "AAAA", "address", "2001:db8::1"),
                Map.of("name", "alias", "type", "CNAME", "cname", "target.example.net"),
                Map.of("name", "sub", "type", "NS", "nsdname", "ns.example.net"),
                Map.of("name", "txt", "type", "TXT", "txtdata", "hello"),
                Map.of("name", "@", "type", "MX", "exchange", "mail", "preference", "10"),
                Map.of("name", "_sip._tcp", "type", "SRV", "priority", "10", "weight", "5", "port", "5060", "target", "sip.example.net"),
                Map.of("name", "@", "type", "CAA", "flag", "0", "tag", "issue", "value", "letsencrypt.org"));
        addAll(alice, token, records);
        JsonNode rows = zoneEdit(alice, token, "fetchzone", Map.of("domain", zone)).get("data").get(0).get("record");
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        rows.forEach(row -> byType.putIfAbsent(row.get("name").textValue() + " " + row.get("type").textValue(), row));
        List<String> common = List.of("line", "Line", "name", "type", "class", "ttl");
        // cPanel's documented A row (spec §8.2, from cPanel's API 2 docs):
        // {"line":12,"Line":12,"name":"www.example.com.","type":"A","class":"IN","ttl":14400,"address":"203.0.113.10","record":"203.0.113.10"}
        JsonNode a = byType.get("www." + zone + ". A");
        assertEquals("{\"line\":" + a.get("line") + ",\"Line\":" + a.get("line") + ",\"name\":\"www." + zone + ".\",\"type\":\"A\","
                + "\"class\":\"IN\",\"ttl\":14400,\"address\":\"203.0.113.10\",\"record\":\"203.0.113.10\"}", a.toString());
        // The other types' fields: OpenUAPI's own choice of order (cPanel's full list is not documented, spec §14 item 12),
        // the order these rows have always had.
        Map<String, List<String>> own = new LinkedHashMap<>();
        own.put("v6." + zone + ". AAAA", List.of("address", "record"));
        own.put("alias." + zone + ". CNAME", List.of("cname", "record"));
        own.put("sub." + zone + ". NS", List.of("nsdname", "record"));
        own.put("txt." + zone + ". TXT", List.of("txtdata", "record"));
        own.put(zone + ". MX", List.of("preference", "exchange", "record"));
        own.put("_sip._tcp." + zone + ". SRV", List.of("priority", "weight", "port", "target", "record"));
        own.put(zone + ". CAA", List.of("flag", "tag", "value", "record"));
        own.put(zone + ". SOA", List.of("mname", "rname", "serial", "refresh", "retry", "expire", "minimum"));
        for (Map.Entry<String, List<String>> type : own.entrySet()) {
            List<String> expected = new ArrayList<>(common);
            expected.addAll(type.getValue());
            assertEquals(expected, keys(byType.get(type.getKey())), type.getKey());
        }
        JsonNode mx = byType.get(zone + ". MX");
        assertTrue(mx.get("preference").isInt() && mx.get("record").textValue().equals("mail." + zone), mx.toString());
        JsonNode srv = byType.get("_sip._tcp." + zone + ". SRV");
        assertEquals(List.of(10, 5, 5060), List.of(srv.get("priority").intValue(), srv.get("weight").intValue(), srv.get("port").intValue()));
        JsonNode caa = byType.get(zone + ". CAA");
        assertEquals("{\"flag\":0,\"tag\":\"issue\",\"value\":\"letsencrypt.org\",\"record\":\"letsencrypt.org\"}",
                "{" + caa.toString().substring(caa.toString().indexOf("\"flag\"")));
        JsonNode soa = byType.get(zone + ". SOA");
        assertTrue(soa.get("serial").isTextual() && soa.get("refresh").isInt(), "the serial is a string, the timers numbers: " + soa);
        assertEquals(zoneEdit(alice, token, "fetchzone", Map.of("domain", zone)).get("data").get(0).get("serialnum"), soa.get("serial"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryTypesFields() {
        JsonPath doc = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String row = "paths.'/json-api/cpanel;module=ZoneEdit;func=fetchzone_records'.get.responses.'200'.content.'application/json'"
                + ".schema.properties.cpanelresult.properties.data.items";
        // The row's keys as everyTypesRowHasItsOwnKeysInOrder reads them off the wire, every type's together.
        assertEquals(List.of("line", "Line", "name", "type", "class", "ttl", "address", "cname", "nsdname", "txtdata", "preference",
                "exchange", "priority", "weight", "port", "target", "flag", "tag", "value", "mname", "rname", "serial", "refresh", "retry",
                "expire", "minimum", "record"), new ArrayList<>(doc.getMap(row + ".properties").keySet()));
        assertEquals("integer", doc.getString(row + ".properties.preference.type"));
        assertEquals("string", doc.getString(row + ".properties.serial.type"), "the SOA serial is a string on the wire");
        assertEquals("NS: the name server.", doc.getString(row + ".properties.nsdname.description"));
    }

    @Test
    void compactApi2BytesForAChange() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        long before = Long.parseLong(serial(alice, token));
        LocalDate since = ZoneSerials.todayUtc();
        String body = alice.withToken(token).urlEncodingEnabled(false).get("/json-api/cpanel?cpanel_jsonapi_apiversion=2"
                + "&cpanel_jsonapi_module=ZoneEdit&cpanel_jsonapi_func=add_zone_record&domain=" + alice.domain()
                + "&name=_acme-challenge&type=TXT&txtdata=abc&ttl=1").asString();
        Matcher served = Pattern.compile("\"newserial\":\"(\\d+)\"").matcher(body);
        assertTrue(served.find(), body);
        ZoneSerials.assertNext(before, Long.parseLong(served.group(1)), since);
        // "Created the record." is OpenUAPI's own wording, not cPanel's; the shape is the spec's (§9 ZoneEdit).
        assertEquals("{\"cpanelresult\":{\"apiversion\":2,\"module\":\"ZoneEdit\",\"func\":\"add_zone_record\",\"event\":{\"result\":1},"
                + "\"data\":[{\"result\":{\"status\":1,\"statusmsg\":\"Created the record.\",\"newserial\":\"" + served.group(1)
                + "\"}}]}}\n", body);
    }

    @Test
    void fetchzonesListsEveryZoneOfTheAccountAsZoneFileLines() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Fixtures.asRoot().contentType(ContentType.JSON).body(Map.of("domain", "addon-" + alice.domain(), "type", "addon_domain"))
                .post("/api/v1/accounts/" + alice.username() + "/domains").then().statusCode(201);
        JsonNode result = zoneEdit(alice, token, "fetchzones", Map.of());
        assertEquals(1, result.get("event").get("result").intValue(), result.toString());
        assertEquals(1, result.get("data").get(0).get("status").intValue(), result.toString());
        JsonNode zones = result.get("data").get(0).get("zones");
        assertEquals(2, zones.size());
        for (JsonNode lines : zones) {
            assertTrue(lines.get(0).textValue().startsWith("; cPanel first"), lines.toString());
            assertTrue(lines.size() >= 7);
        }
        assertTrue(zones.get(alice.domain()).get(3).textValue().contains(" IN SOA "));
    }
}
