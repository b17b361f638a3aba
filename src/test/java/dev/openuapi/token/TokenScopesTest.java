package dev.openuapi.token;

import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.feature.FeatureCatalog;
import dev.openuapi.kernel.Dispatcher;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 19 §1-§2: scoped and read-only tokens made with our REST API, refused in cPanel's words on every face (UAPI,
 * API 2, each call inside Batch::strict, the multipart upload route, our REST API), no escalation (create_full_access,
 * POST, PATCH), the list fields, owner-set IP allow-lists, and create_full_access refusing the arguments it never had.
 */
@QuarkusTest
class TokenScopesTest {

    static final String READ_ONLY_CREATE = Dispatcher.readOnlyRefusal("Tokens::create_full_access");

    /** A token made with the account's password, with these limits; returns its value. */
    static String token(TestAccount account, String name, List<String> features, boolean readOnly) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (features != null) {
            body.put("features", features);
        }
        if (readOnly) {
            body.put("read_only", true);
        }
        return account.withPassword().contentType(ContentType.JSON).body(body).post("/api/v1/tokens").then().statusCode(201).extract()
                .path("token");
    }

    static String uapi(TestAccount account, String token, String function, Map<String, String> args) {
        return account.withToken(token).formParams(args).post("/execute/" + function).then().statusCode(200).extract().asString();
    }

    static JsonNode api2(TestAccount account, String token, String module, String function, Map<String, String> args) {
        String body = account.withToken(token).queryParam("cpanel_jsonapi_apiversion", "2").queryParam("cpanel_jsonapi_module", module)
                .queryParam("cpanel_jsonapi_func", function).queryParams(args).get("/json-api/cpanel").then().statusCode(200).extract()
                .asString();
        return Fixtures.json(body).get("cpanelresult");
    }

    static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    static List<String> names(JsonNode rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add(r.get("name").textValue()));
        return names;
    }

    // --- what the lists show ---------------------------------------------------------------------------

    @Test
    void listsShowFeaturesSortedReadOnlyAndNoFullAccess() {
        TestAccount alice = newAccount();
        token(alice, "full", null, false);
        token(alice, "limited", List.of("zoneedit", "ftpaccts", "zoneedit"), false);
        token(alice, "reader", null, true);
        token(alice, "both", List.of("cron"), true);
        List<String> all = List.copyOf(new TreeSet<>(FeatureCatalog.names()));

        JsonNode rest = Fixtures.json(alice.withPassword().get("/api/v1/tokens").then().statusCode(200).extract().asString());
        JsonNode uapi = Uapi.success(alice.withPassword().get("/execute/Tokens/list").then().extract().asString()).get("data");
        for (JsonNode list : List.of(rest, uapi)) {
            Map<String, JsonNode> byName = new HashMap<>();
            list.forEach(t -> byName.put(t.get("name").textValue(), t));
            assertEquals(1, byName.get("full").get("has_full_access").intValue());
            assertEquals("[]", byName.get("full").get("features").toString());
            assertEquals(0, byName.get("full").get("read_only").intValue());

            assertEquals(0, byName.get("limited").get("has_full_access").intValue());
            assertEquals("[\"ftpaccts\",\"zoneedit\"]", byName.get("limited").get("features").toString(), "sorted, each once");
            assertEquals(0, byName.get("limited").get("read_only").intValue());

            assertEquals(0, byName.get("reader").get("has_full_access").intValue());
            List<String> readerFeatures = new ArrayList<>();
            byName.get("reader").get("features").forEach(f -> readerFeatures.add(f.textValue()));
            assertEquals(all, readerFeatures, "only read-only: the account's features");
            assertEquals(1, byName.get("reader").get("read_only").intValue());

            assertEquals("[\"cron\"]", byName.get("both").get("features").toString());
            assertEquals(1, byName.get("both").get("read_only").intValue());
        }
        // UAPI keeps cPanel's fields in cPanel's order; read_only comes after them
        List<String> keys = new ArrayList<>();
        uapi.get(0).fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("name", "create_time", "expires_at", "has_full_access", "features", "whitelist_ips", "read_only"), keys);
    }

    @Test
    void featuresMustBeKnownAndTheAccountsOwn() {
        TestAccount alice = newAccount();
        List<String> allButCron = new ArrayList<>(new TreeSet<>(FeatureCatalog.names()));
        allButCron.remove("cron");
        Fixtures.patchAccount(alice.username(), Map.of("features", allButCron));
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("name", "x", "features", List.of("ftpaccts", "nosuch")))
                .post("/api/v1/tokens"), 400).body("detail", containsString("“nosuch” is not a feature name."));
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("name", "x", "features", List.of("cron")))
                .post("/api/v1/tokens"), 400).body("detail", containsString("You do not have the feature “cron”."));
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("name", "x", "features", List.of("")))
                .post("/api/v1/tokens"), 400).body("detail", equalTo("A feature name cannot be empty."));
        problem(alice.withPassword().contentType(ContentType.JSON).body("{\"name\":\"x\",\"features\":\"cron\"}").post("/api/v1/tokens"), 400);
        problem(alice.withPassword().contentType(ContentType.JSON).body("{\"name\":\"x\",\"read_only\":\"maybe\"}").post("/api/v1/tokens"), 400);
        token(alice, "ok", List.of("ftpaccts"), false);
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("features", List.of("cron"))).patch("/api/v1/tokens/ok"), 400)
                .body("detail", containsString("You do not have the feature “cron”."));
        alice.withPassword().get("/api/v1/tokens").then().body("name", equalTo(List.of("ok"))).body("[0].features", equalTo(List.of("ftpaccts")));
    }

    // --- refusals on each face -------------------------------------------------------------------------

    @Test
    void uapiRefusesOutsideTheScopeInCpanelsWords() {
        TestAccount alice = newAccount();
        String ftpOnly = token(alice, "ftp-only", List.of("ftpaccts"), false);
        Uapi.success(uapi(alice, ftpOnly, "Ftp/list_ftp", Map.of()));
        Uapi.failure(uapi(alice, ftpOnly, "Tokens/list", Map.of()), "You do not have the feature “apitokens”.");
        Uapi.failure(uapi(alice, ftpOnly, "Variables/get_user_information", Map.of()), Dispatcher.UNRESTRICTED_ONLY);

        String reader = token(alice, "reader", null, true);
        Uapi.success(uapi(alice, reader, "Tokens/list", Map.of()));
        Uapi.failure(uapi(alice, reader, "Tokens/create_full_access", Map.of("name", "sneaky")), READ_ONLY_CREATE);
        Uapi.failure(uapi(alice, reader, "Variables/get_user_information", Map.of()), Dispatcher.UNRESTRICTED_ONLY);
        // the same token through /json-api/cpanel as UAPI (API 3)
        String api3 = alice.withToken(reader).queryParam("cpanel_jsonapi_apiversion", "3").queryParam("cpanel_jsonapi_module", "Tokens")
                .queryParam("cpanel_jsonapi_func", "create_full_access").queryParam("name", "sneaky").get("/json-api/cpanel").then()
                .statusCode(200).extract().asString();
        assertTrue(api3.contains(READ_ONLY_CREATE.replace("“", "\\u201c").replace("”", "\\u201d")) || api3.contains(READ_ONLY_CREATE), api3);

        // unrestricted credentials are not narrowed
        Uapi.success(alice.withPassword().get("/execute/Variables/get_user_information").then().extract().asString());
        String full = token(alice, "full", null, false);
        Uapi.success(uapi(alice, full, "Variables/get_user_information", Map.of()));
        assertEquals(List.of("ftp-only", "full", "reader"),
                names(Uapi.success(uapi(alice, full, "Tokens/list", Map.of())).get("data")).stream().sorted().toList(), "nothing sneaked in");
    }

    @Test
    void api2RefusesOutsideTheScope() {
        TestAccount alice = newAccount();
        String ftpOnly = token(alice, "ftp-only", List.of("ftpaccts"), false);
        JsonNode refused = api2(alice, ftpOnly, "Cron", "listcron", Map.of());
        assertEquals("You do not have the feature “cron”.", refused.get("error").textValue(), refused.toString());
        assertEquals(0, refused.get("event").get("result").intValue(), refused.toString());

        String cronWriter = token(alice, "cron-writer", List.of("cron"), false);
        JsonNode before = api2(alice, cronWriter, "Cron", "listcron", Map.of());
        assertTrue(!before.has("error") || before.get("error").isNull(), before.toString());
        String cronReader = token(alice, "cron-reader", List.of("cron"), true);
        JsonNode write = api2(alice, cronReader, "Cron", "add_line",
                Map.of("command", "/bin/true", "minute", "1", "hour", "1", "day", "*", "month", "*", "weekday", "*"));
        assertEquals(Dispatcher.readOnlyRefusal("Cron::add_line"), write.get("error").textValue(), write.toString());
        assertEquals(before.get("data"), api2(alice, cronWriter, "Cron", "listcron", Map.of()).get("data"), "the read-only token added nothing");
        JsonNode written = api2(alice, cronWriter, "Cron", "add_line",
                Map.of("command", "/bin/true", "minute", "1", "hour", "1", "day", "*", "month", "*", "weekday", "*"));
        assertTrue(!written.has("error") || written.get("error").isNull(), "the same call with write access: " + written);
        assertTrue(!before.get("data").equals(api2(alice, cronWriter, "Cron", "listcron", Map.of()).get("data")), "so the check can fail");
    }

    @Test
    void eachCallInsideBatchStrictMeetsTheScopeAndTheBatchStops() {
        TestAccount alice = newAccount();
        String tokensOnly = token(alice, "tokens-only", List.of("apitokens"), false);
        String body = alice.withToken(tokensOnly)
                .formParam("command", "[\"Tokens\",\"list\"]")
                .formParam("command", "[\"Variables\",\"get_user_information\",{\"name\":\"user\"}]")
                .formParam("command", "[\"Tokens\",\"revoke\",{\"name\":\"tokens-only\"}]")
                .post("/execute/Batch/strict").then().statusCode(200).extract().asString();
        JsonNode root = Uapi.envelope(body);
        assertEquals(0, root.get("status").intValue(), body);
        assertEquals("Command 2 (Variables::get_user_information) failed: " + Dispatcher.UNRESTRICTED_ONLY, root.get("errors").get(0).textValue());
        assertEquals(2, root.get("data").size(), "the third command never ran");
        assertEquals(1, root.get("data").get(0).get("status").intValue());

        String reader = token(alice, "reader", null, true);
        body = alice.withToken(reader)
                .formParam("command", "[\"Tokens\",\"list\"]")
                .formParam("command", "[\"Tokens\",\"create_full_access\",{\"name\":\"from-batch\"}]")
                .post("/execute/Batch/strict").then().statusCode(200).extract().asString();
        root = Uapi.envelope(body);
        assertEquals("Command 2 (Tokens::create_full_access) failed: " + READ_ONLY_CREATE, root.get("errors").get(0).textValue(), body);
        assertEquals(List.of("reader", "tokens-only"),
                names(Uapi.success(alice.withPassword().get("/execute/Tokens/list").then().extract().asString()).get("data")).stream().sorted()
                        .toList(), "nothing was revoked or made");
    }

    @Test
    void theUploadRouteMeetsTheScopeBeforeReadingTheBody() {
        TestAccount alice = newAccount();
        String ftpOnly = token(alice, "ftp-only", List.of("ftpaccts"), false);
        String body = alice.withToken(ftpOnly).multiPart("file-0", "a.txt", "hello".getBytes(), "text/plain").multiPart("dir", "public_html")
                .post("/execute/Fileman/upload_files").then().statusCode(200).extract().asString();
        Uapi.failure(body, "You do not have the feature “filemanager”.");
        String reader = token(alice, "reader", null, true);
        body = alice.withToken(reader).multiPart("file-0", "a.txt", "hello".getBytes(), "text/plain").multiPart("dir", "public_html")
                .post("/execute/Fileman/upload_files").then().statusCode(200).extract().asString();
        Uapi.failure(body, Dispatcher.readOnlyRefusal("Fileman::upload_files"));
        String files = token(alice, "files", List.of("filemanager"), false);
        body = alice.withToken(files).multiPart("file-0", "a.txt", "hello".getBytes(), "text/plain").multiPart("dir", "public_html")
                .post("/execute/Fileman/upload_files").then().statusCode(200).extract().asString();
        assertEquals(1, Uapi.success(body).get("data").get("succeeded").intValue(), "a token with the feature uploads");
    }

    @Test
    void restTakesScopedTokensOnlyWithinTheirRights() {
        TestAccount alice = newAccount();
        String ftpOnly = token(alice, "ftp-only", List.of("ftpaccts"), false);
        problem(alice.withToken(ftpOnly).get("/api/v1/tokens"), 403).body("detail", equalTo("You do not have the feature “apitokens”."));

        String reader = token(alice, "reader", null, true);
        alice.withToken(reader).get("/api/v1/tokens").then().statusCode(200);
        problem(alice.withToken(reader).contentType(ContentType.JSON).body(Map.of("name", "r2", "read_only", true)).post("/api/v1/tokens"), 403)
                .body("detail", equalTo(Dispatcher.readOnlyRefusal("POST /api/v1/tokens")));
        problem(alice.withToken(reader).contentType(ContentType.JSON).body(Map.of("new_name", "renamed")).patch("/api/v1/tokens/ftp-only"), 403)
                .body("detail", equalTo(Dispatcher.readOnlyRefusal("PATCH /api/v1/tokens/{name}")));
        problem(alice.withToken(reader).delete("/api/v1/tokens/ftp-only"), 403)
                .body("detail", equalTo(Dispatcher.readOnlyRefusal("DELETE /api/v1/tokens/{name}")));
        alice.withPassword().get("/api/v1/tokens").then().body("name", org.hamcrest.Matchers.containsInAnyOrder("ftp-only", "reader"));

        // a token limited to features that include apitokens may manage tokens, within its rights
        String manager = token(alice, "manager", List.of("apitokens", "ftpaccts"), false);
        alice.withToken(manager).delete("/api/v1/tokens/ftp-only").then().statusCode(204);
    }

    // --- no escalation ---------------------------------------------------------------------------------

    @Test
    void aScopedTokenNeverMakesOrWidensATokenBeyondItsOwnRights() {
        TestAccount alice = newAccount();
        String manager = token(alice, "manager", List.of("apitokens", "ftpaccts"), false);
        String escalation = TokenService.ESCALATION;

        // UAPI create_full_access makes unrestricted tokens only
        Uapi.failure(uapi(alice, manager, "Tokens/create_full_access", Map.of("name", "wide")),
                escalation + "this token is limited, and “wide” would be unrestricted.");
        // REST: unrestricted, wider features, every feature (read-only only)
        problem(alice.withToken(manager).contentType(ContentType.JSON).body(Map.of("name", "wide")).post("/api/v1/tokens"), 403)
                .body("detail", equalTo(escalation + "this token is limited, and “wide” would be unrestricted."));
        problem(alice.withToken(manager).contentType(ContentType.JSON).body(Map.of("name", "wide", "features", List.of("ftpaccts", "cron")))
                .post("/api/v1/tokens"), 403).body("detail", equalTo(escalation + "this token does not have the feature “cron”."));
        problem(alice.withToken(manager).contentType(ContentType.JSON).body(Map.of("name", "wide", "read_only", true)).post("/api/v1/tokens"),
                403).body("detail", containsString("would have every feature of the account"));
        // within its rights: fine
        alice.withToken(manager).contentType(ContentType.JSON).body(Map.of("name", "narrow", "features", List.of("ftpaccts")))
                .post("/api/v1/tokens").then().statusCode(201);

        // PATCH: widening another token, or itself, is refused; a change within its rights is not
        problem(alice.withToken(manager).contentType(ContentType.JSON).body(Map.of("features", List.of("cron"))).patch("/api/v1/tokens/narrow"),
                403).body("detail", equalTo(escalation + "this token does not have the feature “cron”."));
        problem(alice.withToken(manager).contentType(ContentType.JSON).body(Map.of("features", List.of())).patch("/api/v1/tokens/narrow"), 403);
        problem(alice.withToken(manager).contentType(ContentType.JSON).body(Map.of("features", List.of())).patch("/api/v1/tokens/manager"), 403);
        problem(alice.withToken(manager).contentType(ContentType.JSON).body(Map.of("features", List.of("apitokens", "ftpaccts", "zoneedit")))
                .patch("/api/v1/tokens/manager"), 403);
        alice.withToken(manager).contentType(ContentType.JSON).body(Map.of("new_name", "narrower", "read_only", true))
                .patch("/api/v1/tokens/narrow").then().statusCode(200).body("name", equalTo("narrower")).body("read_only", equalTo(1))
                .body("features", equalTo(List.of("ftpaccts")));
        // a wider token is beyond it altogether: not even renamed (REST or UAPI)
        token(alice, "full", null, false);
        problem(alice.withToken(manager).contentType(ContentType.JSON).body(Map.of("new_name", "full2")).patch("/api/v1/tokens/full"), 403)
                .body("detail", equalTo(escalation + "this token is limited, and “full” would be unrestricted."));
        Uapi.failure(uapi(alice, manager, "Tokens/rename", Map.of("name", "full", "new_name", "full2")),
                escalation + "this token is limited, and “full” would be unrestricted.");

        alice.withPassword().get("/api/v1/tokens").then().body("name", org.hamcrest.Matchers.containsInAnyOrder("manager", "narrower", "full"))
                .body("find { it.name == 'manager' }.features", equalTo(List.of("apitokens", "ftpaccts")));
        // unrestricted credentials may do anything within the account
        alice.withPassword().contentType(ContentType.JSON).body(Map.of("features", List.of())).patch("/api/v1/tokens/manager").then()
                .statusCode(200).body("has_full_access", equalTo(1)).body("features", equalTo(List.of()));
    }

    @Test
    void createFullAccessRefusesTheArgumentsThatAskForLess() {
        TestAccount alice = newAccount();
        for (Map<String, String> args : List.of(Map.of("name", "a", "readonly", "1"), Map.of("name", "b", "read_only", "0"),
                Map.of("name", "c", "features", "zoneedit"), Map.of("name", "d", "features-0", "zoneedit"))) {
            Uapi.failure(alice.withPassword().formParams(args).post("/execute/Tokens/create_full_access").then().extract().asString(),
                    TokensModule.NOT_FULL_ACCESS);
        }
        alice.withPassword().get("/api/v1/tokens").then().body("size()", equalTo(0));
        Uapi.success(alice.withPassword().formParams(Map.of("name", "plain")).post("/execute/Tokens/create_full_access").then().extract()
                .asString());
    }

    // --- IP allow-lists set by the owner ---------------------------------------------------------------

    @Test
    void theOwnerSetsTheAllowListOnCreateAndPatch() {
        TestAccount alice = newAccount();
        String token = alice.withPassword().contentType(ContentType.JSON)
                .body(Map.of("name", "placed", "whitelist_ips", List.of("2001:db8::1/128", "10.9.8.7/32", "10.0.0.0/8", "10.9.8.7")))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        alice.withPassword().get("/api/v1/tokens").then().body("[0].whitelist_ips", equalTo(List.of("10.0.0.0/8", "10.9.8.7", "2001:db8::1")));
        assertEquals(401, alice.withToken(token).get("/execute/Tokens/list").statusCode(), "127.0.0.1 is not on the list");

        alice.withPassword().contentType(ContentType.JSON).body(Map.of("whitelist_ips", List.of("127.0.0.0/8"))).patch("/api/v1/tokens/placed")
                .then().statusCode(200).body("whitelist_ips", equalTo(List.of("127.0.0.0/8")));
        Uapi.success(uapi(alice, token, "Tokens/list", Map.of()));
        alice.withPassword().contentType(ContentType.JSON).body(Map.of("whitelist_ips", List.of())).patch("/api/v1/tokens/placed")
                .then().statusCode(200).body("whitelist_ips", nullValue());

        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("whitelist_ips", List.of("300.1.1.1"))).patch("/api/v1/tokens/placed"),
                400).body("detail", equalTo("“300.1.1.1” is not a valid IP address or CIDR range."));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("10.0." + i + ".1");
        }
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("name", "many", "whitelist_ips", many)).post("/api/v1/tokens"), 400)
                .body("detail", equalTo("An IP allow-list may not contain more than 100 entries."));
        problem(alice.withPassword().contentType(ContentType.JSON).body("{\"name\":\"nul\",\"whitelist_ips\":[null]}").post("/api/v1/tokens"), 400);
        alice.withPassword().get("/api/v1/tokens").then().body("name", equalTo(List.of("placed")));

        // the operator's endpoint keeps working, and keeps the token's scope
        alice.withPassword().contentType(ContentType.JSON).body(Map.of("features", List.of("ftpaccts"))).patch("/api/v1/tokens/placed").then()
                .statusCode(200);
        Fixtures.asRoot().contentType(ContentType.JSON).body(Map.of("whitelist_ips", List.of("10.9.8.7")))
                .put("/api/v1/accounts/" + alice.username() + "/tokens/placed/whitelist").then().statusCode(200);
        alice.withPassword().get("/api/v1/tokens").then().body("[0].whitelist_ips", equalTo(List.of("10.9.8.7")))
                .body("[0].features", equalTo(List.of("ftpaccts")));
        assertEquals(401, alice.withToken(token).get("/execute/Ftp/list_ftp").statusCode());
    }

    @Test
    void aPatchedScopeTakesEffectAtOnceAndAPatchMayChangeTheExpiry() throws InterruptedException {
        TestAccount alice = newAccount();
        String token = alice.newToken("changing");
        Uapi.success(uapi(alice, token, "Tokens/list", Map.of()));
        alice.withPassword().contentType(ContentType.JSON).body(Map.of("features", List.of("ftpaccts"))).patch("/api/v1/tokens/changing").then()
                .statusCode(200).body("has_full_access", equalTo(0));
        String refused = "You do not have the feature “apitokens”.";
        long deadline = System.nanoTime() + 2_000_000_000L;
        String body;
        do {
            body = uapi(alice, token, "Tokens/list", Map.of());
        } while (!body.contains("apitokens") && System.nanoTime() < deadline);
        Uapi.failure(body, refused);
        alice.withPassword().contentType(ContentType.JSON).body(Map.of("features", List.of(), "read_only", false)).patch("/api/v1/tokens/changing")
                .then().statusCode(200).body("has_full_access", equalTo(1));
        deadline = System.nanoTime() + 2_000_000_000L;
        do {
            body = uapi(alice, token, "Tokens/list", Map.of());
        } while (body.contains("apitokens") && System.nanoTime() < deadline);
        Uapi.success(body);

        long expiry = System.currentTimeMillis() / 1000 + 86_400;
        alice.withPassword().contentType(ContentType.JSON).body(Map.of("expires_at", expiry)).patch("/api/v1/tokens/changing").then()
                .statusCode(200).body("expires_at", equalTo((int) expiry));
        alice.withPassword().contentType(ContentType.JSON).body(Map.of("expires_at", 0)).patch("/api/v1/tokens/changing").then()
                .statusCode(200).body("expires_at", nullValue());
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("expires_at", 1_500_000_000)).patch("/api/v1/tokens/changing"), 400)
                .body("detail", equalTo("The “1500000000” value must be a future date."));
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of()).patch("/api/v1/tokens/changing"), 400);
        problem(given().auth().preemptive().basic(alice.username(), alice.password()).contentType(ContentType.JSON)
                .body(Map.of("new_name", "")).patch("/api/v1/tokens/changing"), 400).body("detail", equalTo("The “new_name” argument cannot be empty."));
    }
}
