package dev.openuapi.hulk;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.FromAddress;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * WHM API 1's cPHulk functions, compared with cPanel's reference (api.docs.cpanel.net, Login Security
 * (cPHulk); cpanel-cphulk-api-openapi.yml in api-evangelist/cpanel), and the allow and deny lists. Each test
 * cleans up: lists, history, blocks and settings.
 */
@QuarkusTest
class HulkWhmTest {

    @Inject
    HulkService hulk;

    @AfterEach
    void cleanUp() {
        for (String list : List.of("white", "black")) {
            List<String> records = List.copyOf(hulk.records(list).keySet());
            if (!records.isEmpty()) {
                hulk.deleteRecords(list, records);
            }
        }
        hulk.flushHistory();
        hulk.resetSettings();
    }

    private static JsonNode whm(String function, Map<String, ?> args) {
        return Whm.json(asRoot(), function, args);
    }

    private static void ok(JsonNode answer) {
        assertEquals(1, answer.get("metadata").get("result").intValue(), answer.toString());
    }

    private static String wrong(String user) {
        return "cpanel " + user + ":" + Fixtures.randomSuffix(32).toUpperCase();
    }

    @Test
    void statusEnableAndDisable() throws IOException {
        // cPanel's example: {"data":{"is_enabled":1,"service":"cPHulk"},"metadata":{"command":"cphulk_status","reason":"OK","result":1,"version":1}}
        JsonNode status = whm("cphulk_status", Map.of());
        assertEquals("{\"is_enabled\":1,\"service\":\"cPHulk\"}", status.get("data").toString());
        assertEquals("{\"command\":\"cphulk_status\",\"version\":1,\"result\":1,\"reason\":\"OK\"}", status.get("metadata").toString());

        JsonNode disabled = whm("disable_cphulk", Map.of());
        ok(disabled);
        assertTrue(disabled.get("data") == null, "cPanel's example has metadata only: " + disabled);
        assertEquals(0, whm("cphulk_status", Map.of()).get("data").get("is_enabled").intValue());
        TestAccount alice = Fixtures.newAccount();
        String right = "cpanel " + alice.username() + ":" + alice.newToken();
        for (int i = 0; i < 6; i++) {
            FromAddress.get("198.51.100.40", "/execute/Tokens/list", wrong(alice.username()));
        }
        assertEquals(200, FromAddress.get("198.51.100.40", "/execute/Tokens/list", right).status(), "disabled: nothing is blocked");
        assertEquals("cPHulk is disabled on the server.", whm("read_cphulk_records", Map.of("list_name", "white")).get("metadata")
                .get("reason").textValue());
        ok(whm("read_cphulk_records", Map.of("list_name", "white", "skip_enabled_check", "1")));

        ok(whm("enable_cphulk", Map.of()));
        assertEquals(1, whm("cphulk_status", Map.of()).get("data").get("is_enabled").intValue());
    }

    @Test
    void setConfigKeyChangesTheRulesAndRefusesWhatNeedsABackendWeLack() throws IOException {
        // cPanel's example call: set_cphulk_config_key?api.version=1&key=is_enabled&value=1
        JsonNode set = whm("set_cphulk_config_key", Map.of("key", "max_failures_byip", "value", "2"));
        ok(set);
        JsonNode config = set.get("data").get("cphulk_config");
        assertEquals(2, config.get("max_failures_byip").intValue());
        assertEquals(15, config.get("ip_brute_force_period_mins").intValue());
        assertEquals(900, config.get("ip_brute_force_period_sec").intValue());
        assertEquals(30, config.get("mark_as_brute").intValue());
        assertEquals(21600, config.get("lookback_time").intValue());
        assertEquals(1, config.get("is_enabled").intValue());

        TestAccount alice = Fixtures.newAccount();
        String right = "cpanel " + alice.username() + ":" + alice.newToken();
        FromAddress.get("198.51.100.41", "/execute/Tokens/list", wrong(alice.username()));
        FromAddress.get("198.51.100.41", "/execute/Tokens/list", wrong(alice.username()));
        assertEquals(401, FromAddress.get("198.51.100.41", "/execute/Tokens/list", right).status(), "two failures now block");

        for (Map.Entry<String, String> refused : Map.of("command_to_run_on_brute_force", "echo BRUTE", "country_blacklist", "PK,BR",
                "block_excessive_brute_force_with_firewall", "1", "notify_on_brute", "1").entrySet()) {
            JsonNode answer = whm("set_cphulk_config_key", Map.of("key", refused.getKey(), "value", refused.getValue()));
            assertEquals(0, answer.get("metadata").get("result").intValue(), refused.getKey());
            assertTrue(answer.get("metadata").get("reason").textValue().startsWith("OpenUAPI cannot honour “" + refused.getKey() + "”"),
                    answer.toString());
        }
        ok(whm("set_cphulk_config_key", Map.of("key", "block_excessive_brute_force_with_firewall", "value", "0")));
        assertEquals("“bogus” is not a valid cPHulk configuration key.",
                Whm.reason(asRoot(), "set_cphulk_config_key", Map.of("key", "bogus", "value", "1")));
        assertEquals("The value for “max_failures” must be a whole number of failures, at least 1.",
                Whm.reason(asRoot(), "set_cphulk_config_key", Map.of("key", "max_failures", "value", "lots")));
    }

    @Test
    void anAllowedAddressIsNeverCountedAndADeniedOneIsAlwaysRefused() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        String token = alice.newToken();
        String right = "cpanel " + alice.username() + ":" + token;
        // cPanel's example: create_cphulk_record?api.version=1&list_name=white&ip=192.168.0.1
        JsonNode created = whm("create_cphulk_record", Map.of("list_name", "white", "ip", "192.0.2.0/24", "comment", "the office"));
        ok(created);
        assertEquals("[\"192.0.2.0-192.0.2.255\"]", created.get("data").get("ips_added").toString());
        assertEquals("white", created.get("data").get("list_name").textValue());
        assertEquals("127.0.0.1", created.get("data").get("requester_ip").textValue());
        assertEquals(0, created.get("data").get("requester_ip_is_whitelisted").intValue());
        for (int i = 0; i < 10; i++) {
            FromAddress.get("192.0.2.77", "/execute/Tokens/list", wrong(alice.username()));
        }
        assertEquals(200, FromAddress.get("192.0.2.77", "/execute/Tokens/list", right).status(), "allowed: never counted");

        ok(whm("create_cphulk_record", Map.of("list_name", "black", "ip", "198.51.100.50-198.51.100.51")));
        FromAddress.Answer denied = FromAddress.get("198.51.100.51", "/execute/Tokens/list", right);
        assertEquals(401, denied.status(), "denied: even the right token, with UAPI's ordinary failure");
        assertEquals("Access denied\n", denied.body());
        assertEquals(403, FromAddress.get("198.51.100.50", "/api/v1/tokens", right).status(), "REST: 403 problem+json");
        assertEquals(200, FromAddress.get("198.51.100.52", "/execute/Tokens/list", right).status(), "outside the range");

        JsonNode read = whm("read_cphulk_records", Map.of("list_name", "white"));
        assertEquals("{\"192.0.2.0/24\":\"the office\"}", read.get("data").get("ips_in_list").toString());
        assertEquals("The IP address is not on the white list.", read.get("data").get("warning_ip").textValue());
        JsonNode bad = whm("create_cphulk_record", Map.of("list_name", "white", "ip", "192.68.0.300"));
        assertEquals("{\"192.68.0.300\":\"Invalid IP address or range: “192.68.0.300”\"}", bad.get("data").get("ips_failed").toString());
        assertEquals("The list_name parameter must be “white” or “black”.", Whm.reason(asRoot(), "read_cphulk_records",
                Map.of("list_name", "grey")));

        JsonNode deleted = whm("delete_cphulk_record", Map.of("list_name", "black", "ip", "198.51.100.50-198.51.100.51"));
        assertEquals("[\"198.51.100.50-198.51.100.51\"]", deleted.get("data").get("ips_removed").toString());
        assertEquals(200, FromAddress.get("198.51.100.51", "/execute/Tokens/list", right).status(), "no longer denied");
    }

    @Test
    void batchCreateTakesCpanelsJsonBody() {
        // cPanel's example body (batch_create_cphulk_records), with TEST-NET addresses
        String body = "{\"api.version\":1,\"list_name\":\"white\",\"records\":[{\"comment\":\"Automated update tools.\",\"ip\":\"192.0.2.1\"},"
                + "{\"comment\":\"System administrators and support systems.\",\"ip\":\"192.0.2.8/30\"},"
                + "{\"comment\":\"Owner of example.com.\",\"ip\":\"203.0.113.7-203.0.113.8\"},"
                + "{\"comment\":\"Special access group 2\",\"ip\":\"2001:db8::/32\"}]}";
        JsonNode answer = Fixtures.json(asRoot().contentType(ContentType.JSON).body(body).post("/json-api/batch_create_cphulk_records").then()
                .statusCode(200).extract().asString());
        ok(answer);
        assertEquals("[\"192.0.2.1\",\"192.0.2.8-192.0.2.11\",\"203.0.113.7-203.0.113.8\",\"2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff\"]",
                answer.get("data").get("ips_added").toString());
        assertEquals("[\"192.0.2.1\",\"192.0.2.8/30\",\"203.0.113.7-203.0.113.8\",\"2001:db8::/32\"]",
                answer.get("data").get("original_ips_added").toString());
        assertEquals("Owner of example.com.", hulk.records("white").get("203.0.113.7-203.0.113.8"));
    }

    @Test
    void brutesFailedLoginsAndUnblocking() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        String right = "cpanel " + alice.username() + ":" + alice.newToken();
        String attacker = "198.51.100.60";
        for (int i = 0; i < 5; i++) {
            FromAddress.get(attacker, "/execute/Tokens/list", wrong(alice.username()));
        }
        assertEquals(401, FromAddress.get(attacker, "/execute/Tokens/list", right).status());

        JsonNode failed = whm("get_cphulk_failed_logins", Map.of()).get("data").get("failed_logins");
        List<JsonNode> mine = new java.util.ArrayList<>();
        failed.forEach(row -> {
            if (row.get("ip").textValue().equals(attacker)) {
                mine.add(row);
            }
        });
        assertEquals(5, mine.size(), failed.toString());
        assertEquals(alice.username(), mine.get(0).get("user").textValue());
        assertEquals("cpaneld", mine.get(0).get("service").textValue());
        // cPanel's example time: 2014-11-20T00:00:00.000Z
        assertTrue(mine.get(0).get("logintime").textValue().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), mine.toString());

        JsonNode brutes = whm("get_cphulk_brutes", Map.of()).get("data").get("brutes");
        assertEquals(1, brutes.size(), brutes.toString());
        assertEquals(attacker, brutes.get(0).get("ip").textValue());
        assertEquals(15, brutes.get(0).get("timeleft").intValue());
        assertEquals(0, whm("get_cphulk_excessive_brutes", Map.of()).get("data").get("excessive_brutes").size());

        // cPanel's example: flush_cphulk_login_history_for_ips?api.version=1&ip=192.168.0.1
        JsonNode flushed = whm("flush_cphulk_login_history_for_ips", Map.of("ip", attacker));
        assertEquals(6, flushed.get("data").get("records_removed").intValue(), "five failures and the block");
        assertEquals(0, flushed.get("data").get("iptable_bans_removed").intValue());
        assertEquals(200, FromAddress.get(attacker, "/execute/Tokens/list", right).status(), "unblocked");

        // an excessive brute, after lowering the thresholds
        ok(whm("set_cphulk_config_key", Map.of("key", "max_failures_byip", "value", "10")));
        ok(whm("set_cphulk_config_key", Map.of("key", "mark_as_brute", "value", "3")));
        for (int i = 0; i < 3; i++) {
            FromAddress.get("198.51.100.61", "/execute/Tokens/list", wrong(alice.username()));
        }
        FromAddress.Answer excessive = FromAddress.get("198.51.100.61", "/execute/Tokens/list", right);
        assertEquals(401, excessive.status());
        assertTrue(Long.parseLong(excessive.header("Retry-After")) > 86_000, "blocked for a day");
        JsonNode excessiveBrutes = whm("get_cphulk_excessive_brutes", Map.of()).get("data").get("excessive_brutes");
        assertEquals("198.51.100.61", excessiveBrutes.get(0).get("ip").textValue());

        // whitelisting an address removes its block
        JsonNode white = whm("create_cphulk_record", Map.of("list_name", "white", "ip", "198.51.100.61"));
        assertEquals(1, white.get("data").get("ip_blocks_removed").intValue());
        assertEquals(200, FromAddress.get("198.51.100.61", "/execute/Tokens/list", right).status());

        assertTrue(whm("flush_cphulk_login_history", Map.of()).get("data").get("records_removed").intValue() >= 3);
        assertEquals(0, whm("get_cphulk_failed_logins", Map.of()).get("data").get("failed_logins").size());
    }

    @Test
    void userBrutesUnderTheUsernameRule() throws IOException {
        TestAccount bob = Fixtures.newAccount();
        ok(whm("set_cphulk_config_key", Map.of("key", "username_based_protection", "value", "1")));
        ok(whm("set_cphulk_config_key", Map.of("key", "max_failures", "value", "3")));
        for (int i = 0; i < 3; i++) {
            FromAddress.get("198.51.100." + (70 + i), "/execute/Tokens/list", HulkTest.basic(bob.username(), "nope" + i));
        }
        assertEquals(401, FromAddress.get("198.51.100.80", "/execute/Tokens/list", HulkTest.basic(bob.username(), bob.password())).status(),
                "the user is locked from any address");
        JsonNode users = whm("get_cphulk_user_brutes", Map.of()).get("data").get("user_brutes");
        assertEquals(bob.username(), users.get(0).get("user").textValue());
        assertEquals("cpaneld", users.get(0).get("service").textValue());
    }

    @Test
    void resellersCannotTouchCphulk() {
        TestAccount reseller = Fixtures.newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", reseller.username())));
        String reason = Whm.reason(reseller.withPassword(), "disable_cphulk", Map.of());
        assertEquals("Permission denied: “disable_cphulk” needs the “all” privilege.", reason);
    }
}
