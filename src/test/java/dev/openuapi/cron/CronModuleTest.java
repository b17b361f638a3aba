package dev.openuapi.cron;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.test.junit.QuarkusTest;

/** API 2 Cron (spec §9.2): the crontab, its extra count record, stable linekeys and refusals. */
@QuarkusTest
class CronModuleTest {

    static JsonNode cron(TestAccount account, String token, String function, Map<String, String> args) {
        String body = account.withToken(token).queryParam("cpanel_jsonapi_module", "Cron").queryParam("cpanel_jsonapi_func", function)
                .queryParams(args).get("/json-api/cpanel").then().statusCode(200).extract().asString();
        return Fixtures.json(body).get("cpanelresult");
    }

    static Map<String, String> job(String minute, String command) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("minute", minute);
        args.put("hour", "*");
        args.put("day", "*");
        args.put("month", "*");
        args.put("weekday", "*");
        args.put("command", command);
        return args;
    }

    /** A fetchcron row as its crontab line. */
    static String line(JsonNode row) {
        return String.join(" ", row.get("minute").textValue(), row.get("hour").textValue(), row.get("day").textValue(),
                row.get("month").textValue(), row.get("weekday").textValue(), row.get("command").textValue());
    }

    @Test
    void addListEditRemove() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode added = cron(alice, token, "add_line", job("*/15", "php /home/alice/cron.php > /dev/null"));
        JsonNode result = added.get("data").get(0);
        assertEquals(1, result.get("status").intValue(), added.toString());
        String linekey = result.get("linekey").textValue();
        assertEquals(1, added.get("event").get("result").intValue(), added.toString());
        assertEquals(1, cron(alice, token, "add_line", job("0", "backup.sh")).get("data").get(0).get("status").intValue());

        JsonNode list = cron(alice, token, "listcron", Map.of()).get("data");
        assertEquals(3, list.size(), "two jobs and the extra count record");
        assertEquals("{\"count\":3}", list.get(2).toString());
        assertEquals(1, list.get(0).get("count").intValue());
        assertEquals("*/15", list.get(0).get("minute").textValue());
        assertEquals(linekey, list.get(0).get("linekey").textValue());
        assertEquals("php /home/alice/cron.php &gt; /dev/null", list.get(0).get("command_htmlsafe").textValue());
        assertEquals(2, cron(alice, token, "listcron", Map.of("omit_extra_record", "1")).get("data").size());

        JsonNode edited = cron(alice, token, "edit_line", Map.of("linekey", linekey, "minute", "5", "hour", "2"));
        assertEquals(1, edited.get("data").get(0).get("status").intValue(), edited.toString());
        assertEquals(linekey, edited.get("data").get(0).get("linekey").textValue(), "the linekey is stable");
        JsonNode first = cron(alice, token, "fetchcron", Map.of()).get("data").get(0);
        assertEquals("5", first.get("minute").textValue());
        assertEquals("2", first.get("hour").textValue());
        assertEquals("php /home/alice/cron.php > /dev/null", first.get("command").textValue(), "unchanged fields stay");
        assertEquals(1, first.get("commandnumber").intValue());

        JsonNode before = cron(alice, token, "fetchcron", Map.of()).get("data");
        String kept = null;
        for (JsonNode row : before) {
            if (row.get("line").intValue() != 2) {
                kept = line(row);
            }
        }
        JsonNode removed = cron(alice, token, "remove_line", Map.of("line", "2"));
        assertEquals(1, removed.get("data").get(0).get("status").intValue());
        assertEquals(1, cron(alice, token, "fetchcron", Map.of()).get("data").size());
        assertEquals(kept, line(cron(alice, token, "fetchcron", Map.of()).get("data").get(0)), "the job on line 2 went, the other stays");
        JsonNode again = cron(alice, token, "remove_line", Map.of("linekey", "0".repeat(32)));
        // spec §9.2 (Cpanel/Cron.pm): the message for a job that is not there
        assertEquals("Cron job not found in the crontab.", again.get("data").get(0).get("statusmsg").textValue());
        assertEquals("Cron job not found in the crontab.", again.get("error").textValue());
    }

    @Test
    void duplicatesAndBadFieldsAreRefused() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        assertEquals(1, cron(alice, token, "add_line", job("0", "task.sh")).get("data").get(0).get("status").intValue());
        JsonNode duplicate = cron(alice, token, "add_line", job("0", "task.sh"));
        assertEquals(0, duplicate.get("data").get(0).get("status").intValue());
        assertEquals("This cron job already exists.", duplicate.get("data").get(0).get("statusmsg").textValue()); // spec §9.2
        for (Map.Entry<String, String> bad : List.of(Map.entry("minute", "60"), Map.entry("minute", "*/0"), Map.entry("hour", "24"),
                Map.entry("day", "0"), Map.entry("month", "13"), Map.entry("month", "foo"), Map.entry("weekday", "8"),
                Map.entry("minute", "1;rm -rf /"), Map.entry("command", ""), Map.entry("command", "a\nb"), Map.entry("hour", "5-2"))) {
            Map<String, String> args = job("1", "other.sh");
            args.put(bad.getKey(), bad.getValue());
            JsonNode refused = cron(alice, token, "add_line", args);
            assertEquals(0, refused.get("data").get(0).get("status").intValue(), bad + " " + refused);
            assertFalse(refused.get("data").get(0).has("linekey"));
        }
        for (String good : List.of("0,30", "1-5", "*/10", "1-10/2")) {
            assertEquals(1, cron(alice, token, "add_line", job(good, "ok.sh")).get("data").get(0).get("status").intValue(), good);
        }
        Map<String, String> named = job("0", "named.sh");
        named.put("month", "jan-jun");
        named.put("weekday", "mon,fri");
        assertEquals(1, cron(alice, token, "add_line", named).get("data").get(0).get("status").intValue());
        assertEquals(6, cron(alice, token, "listcron", Map.of("omit_extra_record", "1")).get("data").size(), "task.sh, four good, named");
    }

    @Test
    void anotherAccountsJobsAreInvisible() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String aliceToken = alice.newToken();
        String linekey = cron(alice, aliceToken, "add_line", job("0", "secret.sh")).get("data").get(0).get("linekey").textValue();
        String bobToken = bob.newToken();
        assertEquals(1, cron(bob, bobToken, "listcron", Map.of()).get("data").size(), "only bob's extra count record");
        JsonNode steal = cron(bob, bobToken, "remove_line", Map.of("linekey", linekey));
        assertEquals(0, steal.get("data").get(0).get("status").intValue());
        // the same answer as for a job that does not exist at all (spec §9.2's message): nothing leaks
        assertEquals("Cron job not found in the crontab.", steal.get("data").get(0).get("statusmsg").textValue());
        assertEquals(1, cron(alice, aliceToken, "listcron", Map.of("omit_extra_record", "1")).get("data").size(), "alice's job stays");
        assertTrue(cron(alice, aliceToken, "listcron", Map.of()).get("data").get(0).get("command").textValue().equals("secret.sh"));
    }
}
