package dev.openuapi.batch;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/** UAPI {@code Batch::strict}: calls in order, full results, stop at the first failure. */
@QuarkusTest
class BatchModuleTest {

    @Test
    void runsEveryCommandInOrder() {
        TestAccount alice = newAccount();
        String token = alice.newToken("ci");
        String body = alice.withToken(token)
                .formParam("command", "[\"Tokens\",\"create_full_access\",{\"name\":\"from-batch\"}]")
                .formParam("command", "[\"Variables\",\"get_user_information\",{\"name\":[\"user\",\"domain\"]}]")
                .formParam("command", "[\"Tokens\",\"list\"]")
                .post("/execute/Batch/strict").asString();
        JsonNode data = Uapi.success(body).get("data");
        assertEquals(3, data.size());
        assertEquals(1, data.get(0).get("status").intValue());
        assertTrue(data.get(0).get("data").get("token").textValue().matches("[0-9A-Z]{32}"));
        assertEquals(alice.username(), data.get(1).get("data").get("user").textValue());
        assertEquals(alice.domain(), data.get(1).get("data").get("domain").textValue());
        assertEquals(2, data.get(2).get("data").size(), "the token made by the first command is listed by the third");
        assertEquals(1, data.get(2).get("metadata").get("transformed").intValue());
    }

    @Test
    void stopsAtTheFirstFailure() {
        TestAccount alice = newAccount();
        String token = alice.newToken("ci");
        String body = alice.withToken(token)
                .formParam("command-0", "[\"Tokens\",\"create_full_access\",{\"name\":\"one\"}]")
                .formParam("command-1", "[\"Tokens\",\"create_full_access\",{\"name\":\"bad name\"}]")
                .formParam("command-2", "[\"Tokens\",\"create_full_access\",{\"name\":\"three\"}]")
                .post("/execute/Batch/strict").asString();
        JsonNode root = Uapi.envelope(body);
        assertEquals(0, root.get("status").intValue());
        // "Command N (...) failed: " is OpenUAPI's own wording; the rest is cPanel's Tokens message (spec §3.2).
        assertTrue(root.get("errors").get(0).textValue().startsWith("Command 2 (Tokens::create_full_access) failed: “bad name” is not"),
                body);
        assertEquals(2, root.get("data").size(), "results up to and including the failure");
        assertEquals(0, root.get("data").get(1).get("status").intValue());
        JsonNode tokens = Uapi.success(alice.withToken(token).get("/execute/Tokens/list").asString()).get("data");
        assertEquals(2, tokens.size(), "ci and one; three never ran");
    }

    @Test
    void badCommandsAreRefused() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        // cPanel's standard text for a missing multi-value argument (spec §6.3).
        Uapi.failure(alice.withToken(token).post("/execute/Batch/strict").asString(), "Provide at least one “command” argument.");
        // The two below are OpenUAPI's own wording, not cPanel's.
        for (String bad : new String[] { "not json", "{\"a\":1}", "[\"Tokens\"]", "[\"Tokens\",\"list\",[1]]" }) {
            Uapi.failure(alice.withToken(token).formParam("command", bad).post("/execute/Batch/strict").asString(),
                    "Each “command” must be a JSON array: [\"Module\",\"function\",{arguments}].");
        }
        Uapi.failure(alice.withToken(token).formParam("command", "[\"Batch\",\"strict\",{}]").post("/execute/Batch/strict").asString(),
                "Batch calls cannot be nested.");
    }
}
