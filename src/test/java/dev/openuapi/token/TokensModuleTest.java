package dev.openuapi.token;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/** UAPI {@code Tokens::*} (spec §4), called the way cPanel's documentation shows. */
@QuarkusTest
class TokensModuleTest {

    /** Every error text in this class is cPanel's, from the spec's §4 tables (this one: spec §4, name rules). */
    private static final String INVALID_NAME = " is not a valid API token name. An API token name must not be longer than 50 "
            + "characters and may only contain the following 64 characters: a-z A-Z 0-9 _ -";

    @Test
    void createFullAccessReturnsTheTokenOnceInCpanelsShape() {
        TestAccount alice = newAccount();
        String token = alice.newToken("bootstrap");
        long before = System.currentTimeMillis() / 1000;
        String body = alice.withToken(token).queryParam("name", "deploy-bot")
                .get("/execute/Tokens/create_full_access").then().statusCode(200).extract().asString();

        JsonNode data = Uapi.success(body).get("data");
        assertTrue(data.get("token").textValue().matches("[0-9A-Z]{32}"), body);
        assertTrue(data.get("create_time").isIntegralNumber() && data.get("create_time").longValue() >= before, body);
        assertTrue(data.has("whitelist_ips") && data.get("whitelist_ips").isNull(), body);
        assertEquals(3, data.size(), "only create_time, token and whitelist_ips: " + body);
        assertEquals("{}", Uapi.envelope(body).get("metadata").toString(), body);

        // The new token works at once, and list never shows a value.
        String list = alice.withToken(data.get("token").textValue()).get("/execute/Tokens/list").then().statusCode(200)
                .extract().asString();
        assertEquals(List.of("bootstrap", "deploy-bot"), Uapi.success(list).get("data").findValuesAsText("name").stream().sorted().toList());
        assertFalse(list.contains(data.get("token").textValue()), list);
    }

    @Test
    void listShowsEveryTokenWithCpanelsFieldsAndTransformed() {
        TestAccount alice = newAccount();
        String token = alice.newToken("ci");
        long expiry = System.currentTimeMillis() / 1000 + 86_400;
        Uapi.success(alice.withToken(token).formParam("name", "monitor").formParam("expires_at", expiry)
                .post("/execute/Tokens/create_full_access").asString());

        String body = alice.withToken(token).get("/execute/Tokens/list").then().statusCode(200).extract().asString();
        JsonNode root = Uapi.success(body);
        assertEquals(1, root.get("metadata").get("transformed").intValue(), body);
        JsonNode data = root.get("data");
        assertTrue(data.isArray() && data.size() == 2, body);
        for (JsonNode row : data) {
            // cPanel's fields in cPanel's order, then OpenUAPI's read_only (issue 19), which cPanel's clients ignore
            assertEquals(List.of("name", "create_time", "expires_at", "has_full_access", "features", "whitelist_ips", "read_only"),
                    fieldNames(row), body);
            assertEquals(0, row.get("read_only").intValue());
            assertEquals(1, row.get("has_full_access").intValue());
            assertTrue(row.get("has_full_access").isInt());
            assertTrue(row.get("features").isArray() && row.get("features").isEmpty());
            assertTrue(row.get("whitelist_ips").isNull());
        }
        JsonNode ci = find(data, "ci");
        JsonNode monitor = find(data, "monitor");
        assertTrue(ci.get("expires_at").isNull(), body);
        assertTrue(monitor.get("expires_at").isIntegralNumber(), body);
        assertEquals(expiry, monitor.get("expires_at").longValue());
    }

    @Test
    void createRefusesMissingEmptyInvalidAndDuplicateNames() {
        TestAccount alice = newAccount();
        String token = alice.newToken("ci");
        Uapi.failure(alice.withToken(token).get("/execute/Tokens/create_full_access").asString(),
                "Provide the “name” argument.");
        Uapi.failure(alice.withToken(token).queryParam("name", "").get("/execute/Tokens/create_full_access").asString(),
                "The “name” argument cannot be empty.");
        Uapi.failure(alice.withToken(token).queryParam("name", "bad name!").get("/execute/Tokens/create_full_access").asString(),
                "“bad name!”" + INVALID_NAME);
        Uapi.failure(alice.withToken(token).queryParam("name", "x".repeat(51)).get("/execute/Tokens/create_full_access")
                .asString(), "“" + "x".repeat(51) + "”" + INVALID_NAME);
        Uapi.success(alice.withToken(token).queryParam("name", "y".repeat(50)).get("/execute/Tokens/create_full_access")
                .asString());
        Uapi.failure(alice.withToken(token).queryParam("name", "ci").get("/execute/Tokens/create_full_access").asString(),
                "A conflicting API token with the name “ci” already exists.");
    }

    @Test
    void namesAreCaseSensitiveAndPerAccount() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String token = alice.newToken("Foo");
        Uapi.success(alice.withToken(token).queryParam("name", "foo").get("/execute/Tokens/create_full_access").asString());
        bob.newToken("Foo"); // another account may use the same name
        JsonNode data = Uapi.success(alice.withToken(token).get("/execute/Tokens/list").asString()).get("data");
        assertEquals(2, data.size());
        assertTrue(find(data, "Foo") != null && find(data, "foo") != null);
    }

    @Test
    void createRefusesPastAndMalformedExpiry() {
        TestAccount alice = newAccount();
        String token = alice.newToken("ci");
        Uapi.failure(alice.withToken(token).queryParam("name", "old").queryParam("expires_at", "1500000000")
                .get("/execute/Tokens/create_full_access").asString(), "The “1500000000” value must be a future date.");
        for (String bad : List.of("abc", "-5", "1.5", "99999999999999999999", "67767976233522000")) {
            Uapi.failure(alice.withToken(token).queryParam("name", "bad").queryParam("expires_at", bad)
                    .get("/execute/Tokens/create_full_access").asString(), "“" + bad + "” is not a valid UNIX epoch timestamp.");
        }
        // 0 and empty mean "never expires".
        for (String never : List.of("0", "")) {
            String name = "never" + never.length();
            Uapi.success(alice.withToken(token).queryParam("name", name).queryParam("expires_at", never)
                    .get("/execute/Tokens/create_full_access").asString());
            assertTrue(find(Uapi.success(alice.withToken(token).get("/execute/Tokens/list").asString()).get("data"), name)
                    .get("expires_at").isNull());
        }
        assertEquals(3, Uapi.success(alice.withToken(token).get("/execute/Tokens/list").asString()).get("data").size(),
                "refused creates stored nothing");
    }

    @Test
    void renameKeepsTheValueWorking() {
        TestAccount alice = newAccount();
        String token = alice.newToken("old-name");
        String body = alice.withToken(token).queryParam("name", "old-name").queryParam("new_name", "new-name")
                .get("/execute/Tokens/rename").asString();
        JsonNode root = Uapi.success(body);
        assertTrue(root.get("data").isNull(), body);
        assertEquals("{}", root.get("metadata").toString());
        JsonNode data = Uapi.success(alice.withToken(token).get("/execute/Tokens/list").asString()).get("data");
        assertEquals(1, data.size());
        assertEquals("new-name", data.get(0).get("name").textValue());
    }

    @Test
    void renameErrors() {
        TestAccount alice = newAccount();
        String token = alice.newToken("a");
        alice.newToken("b");
        Uapi.failure(alice.withToken(token).queryParam("name", "nope").queryParam("new_name", "c")
                .get("/execute/Tokens/rename").asString(), "The API token “nope” does not exist.");
        Uapi.failure(alice.withToken(token).queryParam("name", "a").queryParam("new_name", "b")
                .get("/execute/Tokens/rename").asString(), "An API token with the name “b” already exists.");
        Uapi.failure(alice.withToken(token).queryParam("name", "a").queryParam("new_name", "a")
                .get("/execute/Tokens/rename").asString(), "“new_name” must be a different value from “name”.");
        Uapi.failure(alice.withToken(token).queryParam("name", "a").queryParam("new_name", "no way")
                .get("/execute/Tokens/rename").asString(), "“no way”" + INVALID_NAME);
        Uapi.failure(alice.withToken(token).queryParam("name", "a").get("/execute/Tokens/rename").asString(),
                "Provide the “new_name” argument.");
        Uapi.failure(alice.withToken(token).get("/execute/Tokens/rename").asString(),
                "Provide the “name” and “new_name” arguments.");
        Uapi.failure(alice.withToken(token).queryParam("name", "a").queryParam("new_name", "")
                .get("/execute/Tokens/rename").asString(), "The “new_name” argument cannot be empty.");
        // Nothing changed.
        JsonNode data = Uapi.success(alice.withToken(token).get("/execute/Tokens/list").asString()).get("data");
        assertTrue(find(data, "a") != null && find(data, "b") != null && data.size() == 2);
    }

    @Test
    void revokeRemovesTheTokenAndAnswersZeroForUnknownNames() {
        TestAccount alice = newAccount();
        String token = alice.newToken("keeper");
        String victim = alice.newToken("victim");
        Uapi.success(alice.withToken(victim).get("/execute/Tokens/list").then().statusCode(200).extract().asString());

        JsonNode revoked = Uapi.success(alice.withToken(token).queryParam("name", "victim").get("/execute/Tokens/revoke").asString());
        assertTrue(revoked.get("data").isInt() && revoked.get("data").intValue() == 1);
        alice.withToken(victim).get("/execute/Tokens/list").then().statusCode(401);

        JsonNode unknown = Uapi.success(alice.withToken(token).queryParam("name", "victim").get("/execute/Tokens/revoke").asString());
        assertEquals(0, unknown.get("data").intValue());
        Uapi.failure(alice.withToken(token).get("/execute/Tokens/revoke").asString(), "Provide the “name” argument.");
    }

    @Test
    void aTokenMayRevokeItself() {
        TestAccount alice = newAccount();
        String token = alice.newToken("self");
        Uapi.success(alice.withToken(token).queryParam("name", "self").get("/execute/Tokens/revoke").asString());
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(401);
    }

    @Test
    void everyTokensFunctionNeedsTheApitokensFeature() {
        TestAccount alice = newAccount();
        String token = alice.newToken("ci");
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("mysql")));
        for (String function : List.of("create_full_access?name=x", "list", "rename?name=ci&new_name=x", "revoke?name=ci",
                "nonexistent")) {
            Uapi.failure(alice.withToken(token).get("/execute/Tokens/" + function).asString(),
                    "You do not have the feature “apitokens”.");
        }
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens")));
        Uapi.success(alice.withToken(token).get("/execute/Tokens/list").asString());
    }

    @Test
    void parallelCreatesOfOneNameLetExactlyOneWin() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken("ci");
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> alice.withToken(token).formParam("name", "race").post("/execute/Tokens/create_full_access")
                        .then().statusCode(200).extract().asString());
            }
            int won = 0;
            for (Future<String> result : pool.invokeAll(calls)) {
                JsonNode root = Uapi.envelope(result.get());
                if (root.get("status").intValue() == 1) {
                    won++;
                } else {
                    assertEquals("A conflicting API token with the name “race” already exists.",
                            root.get("errors").get(0).textValue());
                }
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
        JsonNode data = Uapi.success(alice.withToken(token).get("/execute/Tokens/list").asString()).get("data");
        assertEquals(2, data.size());
    }

    @Test
    void unknownTokensFunctionIsNotFound() {
        TestAccount alice = newAccount();
        String token = alice.newToken("ci");
        for (String missing : List.of("create_limited", "update", "get_details")) {
            Uapi.failure(alice.withToken(token).get("/execute/Tokens/" + missing).asString(),
                    "The system could not find the function “" + missing + "” in the module “Tokens”.");
        }
    }

    static JsonNode find(JsonNode rows, String name) {
        for (JsonNode row : rows) {
            if (name.equals(row.get("name").textValue())) {
                return row;
            }
        }
        return null;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
