package dev.openuapi.dns;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12 row 7: a client that retries {@code ZoneEdit::remove_zone_record line=L} deleted the records that
 * moved up into line L. cPanel's answer is {@code serialnum} (Whostmgr::DNS: {@code remove_zone_record} and
 * {@code edit_zone_record} take the serial of the zone as the client read it, and refuse with
 * "Zone file changed since last read." when it is no longer the zone's). Line-only calls stay positional,
 * as on cPanel. These tests read the zone back through the API (the records are PowerDNS's rows; serving
 * them is {@link ZoneEditTest}'s part).
 */
@QuarkusTest
class ZoneEditRetriesTest {

    static final String CHANGED = "Zone file changed since last read.";

    static JsonNode zoneEdit(TestAccount account, String token, String function, Map<String, ?> args) {
        return ZoneEditTest.zoneEdit(account, token, function, args);
    }

    static JsonNode result(JsonNode cpanelresult) {
        return cpanelresult.get("data").get(0).get("result");
    }

    /** Adds TXT records r0 … r(n-1) and returns the zone's serial afterwards. */
    static String addRecords(TestAccount account, String token, int n) {
        for (int i = 0; i < n; i++) {
            JsonNode added = zoneEdit(account, token, "add_zone_record",
                    Map.of("domain", account.domain(), "name", "r" + i, "type", "TXT", "txtdata", "value-" + i));
            assertEquals(1, result(added).get("status").intValue(), added.toString());
        }
        return ZoneEditTest.serial(account, token);
    }

    static String lineOf(TestAccount account, String token, String label) {
        JsonNode rows = zoneEdit(account, token, "fetchzone_records",
                Map.of("domain", account.domain(), "name", label + "." + account.domain() + ".")).get("data");
        assertEquals(1, rows.size(), label + ": " + rows);
        return rows.get(0).get("line").asText();
    }

    static List<String> txtNames(TestAccount account, String token) {
        List<String> names = new ArrayList<>();
        zoneEdit(account, token, "fetchzone_records", Map.of("domain", account.domain(), "type", "TXT")).get("data")
                .forEach(row -> names.add(row.get("name").textValue()));
        return names;
    }

    /**
     * The repro, with the serial a retrying client sends: 10 parallel copies of
     * {@code remove_zone_record&domain=D&line=L&serialnum=S} remove exactly one record, the one on line L
     * at serial S; the nine others are refused with cPanel's message and remove nothing.
     */
    @Test
    void tenParallelCopiesOfOneRemoveWithItsSerialRemoveExactlyOneRecord() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String serial = addRecords(alice, token, 12);
        String line = lineOf(alice, token, "r0");
        int before = ZoneEditTest.recordCount(alice, token);

        int copies = 10;
        CyclicBarrier start = new CyclicBarrier(copies);
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        List<JsonNode> answers = new ArrayList<>();
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                futures.add(pool.submit((Callable<JsonNode>) () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return zoneEdit(alice, token, "remove_zone_record", Map.of("domain", alice.domain(), "line", line, "serialnum", serial));
                }));
            }
            for (Future<JsonNode> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        int removed = 0;
        for (JsonNode answer : answers) {
            JsonNode status = result(answer);
            if (status.get("status").intValue() == 1) {
                removed++;
            } else {
                assertEquals(CHANGED, status.get("statusmsg").textValue(), answer.toString());
                assertEquals(CHANGED, answer.get("error").textValue(), answer.toString());
                assertFalse(answer.toString().contains("newserial"), "acme.sh reads newserial as success: " + answer);
            }
        }
        assertEquals(1, removed, answers.toString());
        assertEquals(before - 1, ZoneEditTest.recordCount(alice, token), "exactly one record is gone");
        List<String> names = txtNames(alice, token);
        assertFalse(names.contains("r0." + alice.domain() + "."), names.toString());
        for (int i = 1; i < 12; i++) {
            assertTrue(names.contains("r" + i + "." + alice.domain() + "."), "r" + i + " moved up into the line and stays: " + names);
        }
    }

    /** A stale serial on edit_zone_record or remove_zone_record: cPanel's refusal, and the zone is as it was. */
    @Test
    void aStaleSerialIsRefusedAndChangesNothing() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String stale = addRecords(alice, token, 2);
        String line = lineOf(alice, token, "r1");
        addRecords(alice, token, 0);
        JsonNode other = zoneEdit(alice, token, "add_zone_record", Map.of("domain", alice.domain(), "name", "later", "type", "A",
                "address", "192.0.2.44"));
        String current = result(other).get("newserial").textValue();
        int count = ZoneEditTest.recordCount(alice, token);

        JsonNode edit = zoneEdit(alice, token, "edit_zone_record", Map.of("domain", alice.domain(), "line", line, "serialnum", stale,
                "type", "TXT", "txtdata", "edited"));
        JsonNode remove = zoneEdit(alice, token, "remove_zone_record", Map.of("domain", alice.domain(), "line", line, "serialnum", stale));
        for (JsonNode refused : List.of(edit, remove)) {
            assertEquals(0, result(refused).get("status").intValue(), refused.toString());
            assertEquals(CHANGED, result(refused).get("statusmsg").textValue());
            assertEquals(CHANGED, refused.get("error").textValue());
            assertFalse(refused.toString().contains("newserial"), refused.toString());
        }
        assertEquals(current, ZoneEditTest.serial(alice, token), "the serial did not move");
        assertEquals(count, ZoneEditTest.recordCount(alice, token));
        JsonNode r1 = zoneEdit(alice, token, "fetchzone_records", Map.of("domain", alice.domain(), "line", line)).get("data").get(0);
        assertEquals("value-1", r1.get("txtdata").textValue(), "the record was not edited");

        // With the current serial both go through, each bumping the serial.
        JsonNode edited = zoneEdit(alice, token, "edit_zone_record", Map.of("domain", alice.domain(), "line", line, "serialnum", current,
                "type", "TXT", "txtdata", "edited"));
        assertEquals(1, result(edited).get("status").intValue(), edited.toString());
        String afterEdit = result(edited).get("newserial").textValue();
        assertEquals("edited", zoneEdit(alice, token, "fetchzone_records", Map.of("domain", alice.domain(), "line", line)).get("data")
                .get(0).get("txtdata").textValue());
        JsonNode staleAgain = zoneEdit(alice, token, "remove_zone_record", Map.of("domain", alice.domain(), "line", line,
                "serialnum", current));
        assertEquals(CHANGED, result(staleAgain).get("statusmsg").textValue(), "the edit moved the serial on");
        JsonNode removed = zoneEdit(alice, token, "remove_zone_record", Map.of("domain", alice.domain(), "line", line,
                "serialnum", afterEdit));
        assertEquals(1, result(removed).get("status").intValue(), removed.toString());
        assertEquals(count - 1, ZoneEditTest.recordCount(alice, token));
    }

    /** Without serialnum a line is a position, as on cPanel: the same call twice removes two records. */
    @Test
    void lineOnlyCallsStayPositional() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        addRecords(alice, token, 3);
        String line = lineOf(alice, token, "r0");
        Map<String, String> args = new LinkedHashMap<>(Map.of("domain", alice.domain(), "line", line));
        assertEquals(1, result(zoneEdit(alice, token, "remove_zone_record", args)).get("status").intValue());
        assertEquals(1, result(zoneEdit(alice, token, "remove_zone_record", args)).get("status").intValue());
        List<String> names = txtNames(alice, token);
        assertEquals(List.of("r2." + alice.domain() + "."), names, "r0, then r1 (which moved up into the line), are gone");
    }

    @Test
    void theOpenApiDocumentDescribesSerialnum() {
        String document = io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode paths = Fixtures.json(document).get("paths");
        for (String function : List.of("remove_zone_record", "edit_zone_record")) {
            JsonNode operation = paths.get("/json-api/cpanel;module=ZoneEdit;func=" + function).get("get");
            List<String> parameters = new ArrayList<>();
            operation.get("parameters").forEach(p -> parameters.add(p.path("name").asText()));
            assertTrue(parameters.contains("serialnum"), function + ": " + parameters);
        }
    }
}
