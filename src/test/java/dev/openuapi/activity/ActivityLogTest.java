package dev.openuapi.activity;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.FromAddress;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The activity log (issue 20 §1): what a call leaves in it (and what it never does), the pages and their cursors, the
 * time filter, retention and the per-token cap, who sees what, failed logins, and the off switch.
 */
@QuarkusTest
class ActivityLogTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    EntityManager em;

    @Inject
    ActivityRecorder recorder;

    @Inject
    ActivityService service;

    /** Waits (with a deadline, checking often) for the flusher to have written what {@code condition} looks for. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            List<Object[]> result = new ArrayList<>();
            for (Object row : (List<Object>) query.getResultList()) {
                result.add(row instanceof Object[] array ? array : new Object[] { row });
            }
            return result;
        });
    }

    private long number(String sql, Object... params) {
        List<Object[]> found = rows(sql, params);
        return found.isEmpty() || found.get(0)[0] == null ? 0 : ((Number) found.get(0)[0]).longValue();
    }

    private void update(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            query.executeUpdate();
        });
    }

    private long tokenId(TestAccount account, String name) {
        return number("SELECT t.id FROM api_token t JOIN account a ON a.id = t.account_id WHERE a.username = ?1 AND t.name = ?2",
                account.username(), name);
    }

    /** A token made on our REST API with {@code body} (its name, features, rate limit…); returns its value. */
    private static String token(TestAccount account, Map<String, Object> body) {
        return account.withPassword().contentType(ContentType.JSON).body(body).post("/api/v1/tokens").then().statusCode(201).extract()
                .path("token");
    }

    private long accountId(TestAccount account) {
        return number("SELECT id FROM account WHERE username = ?1", account.username());
    }

    private long calls(long tokenId, String face, String module, String function, String result) {
        return number("SELECT SUM(count) FROM activity_count WHERE credential = 'CPANEL_TOKEN' AND token_id = ?1 AND face = ?2 "
                + "AND module = ?3 AND function = ?4 AND result = ?5", tokenId, face, module, function, result);
    }

    /** Every value of every row of the three tables, as text. */
    private String everything() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("activity_count", "activity_event", "auth_failure_count")) {
            for (Object[] row : rows("SELECT * FROM " + table)) {
                for (Object value : row) {
                    all.append(value).append('|');
                }
                all.append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void aCallLeavesItsFaceModuleFunctionAndResultAndNeverAnArgumentOrASecret() {
        TestAccount alice = newAccount();
        String name = "log" + Fixtures.randomSuffix(6);
        String token = alice.newToken(name);
        long id = tokenId(alice, name);
        String argument = "ARGVALUE" + Fixtures.randomSuffix(10);

        alice.withToken(token).get("/execute/Variables/get_user_information?name=" + argument).then().statusCode(200);
        alice.withToken(token).get("/execute/Tokens/create_full_access").then().statusCode(200); // no name: the function's own error
        alice.withToken(token).get("/api/v1/tokens").then().statusCode(200);
        alice.withToken(token).get("/json-api/cpanel?cpanel_jsonapi_module=Tokens&cpanel_jsonapi_func=list&cpanel_jsonapi_apiversion=3"
                + "&secret=" + argument).then().statusCode(200);

        await("the UAPI call", () -> calls(id, "UAPI", "Variables", "get_user_information", "ok") == 1);
        await("the failed call", () -> calls(id, "UAPI", "Tokens", "create_full_access", "failed") == 1);
        await("the REST call", () -> calls(id, "REST", "REST", "GET /api/v1/tokens", "ok") == 1);
        await("the events", () -> number("SELECT COUNT(*) FROM activity_event WHERE credential = 'CPANEL_TOKEN' AND token_id = ?1", id) >= 3);
        // the password that created the token is counted as the password's
        assertTrue(number("SELECT SUM(count) FROM activity_count WHERE account_id = ?1 AND credential = 'ACCOUNT_PASSWORD' AND face = 'REST' "
                + "AND function = 'POST /api/v1/tokens' AND result = 'ok'", accountId(alice)) >= 1);

        String all = everything();
        assertFalse(all.contains(argument), "an argument's value is in the activity tables");
        assertFalse(all.contains(token), "the token's value is in the activity tables");
        assertFalse(all.contains(dev.openuapi.token.TokenValues.hash(token)), "the token's hash is in the activity tables");
        assertFalse(all.contains(alice.password()), "the password is in the activity tables");

        // the owner reads the token's recent calls, newest first
        JsonNode events = Fixtures.json(alice.withPassword().get("/api/v1/tokens/" + name + "/activity").then().statusCode(200)
                .extract().asString()).path("events");
        assertTrue(events.size() >= 3, events.toString());
        List<String> functions = new ArrayList<>();
        events.forEach(e -> functions.add(e.path("function").asText()));
        assertTrue(functions.indexOf("GET /api/v1/tokens") < functions.indexOf("get_user_information"), functions.toString());
        JsonNode first = events.get(events.size() - 1);
        assertEquals("uapi", first.path("face").asText());
        assertEquals("Variables", first.path("module").asText());
        assertEquals("ok", first.path("result").asText());
        assertNotNull(first.path("address").textValue());
        assertFalse(events.toString().contains(argument));
    }

    @Test
    void aScopeRefusalIsRefused() {
        TestAccount alice = newAccount();
        String name = "ro" + Fixtures.randomSuffix(6);
        String token = token(alice, Map.of("name", name, "features", List.of("zoneedit")));
        long id = tokenId(alice, name);
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(200);
        alice.withToken(token).get("/api/v1/activity").then().statusCode(403); // needs apitokens, as /api/v1/tokens does
        await("the refused UAPI call", () -> calls(id, "UAPI", "Tokens", "list", "refused") == 1);
        await("the refused REST call", () -> calls(id, "REST", "REST", "GET /api/v1/activity", "refused") == 1);
    }

    private static final String UPLOAD = "/execute/Fileman/upload_files";

    private static io.restassured.response.Response upload(io.restassured.specification.RequestSpecification as, byte[] content) {
        return as.multiPart("file-0", "a.txt", content, "text/plain").multiPart("dir", "public_html").post(UPLOAD);
    }

    /** The streamed upload route records its calls as the dispatcher does any other: ok, refused, failed (413 too). */
    @Test
    void theUploadRouteIsRecordedLikeAnyUapiCall() {
        TestAccount alice = newAccount();
        String name = "up" + Fixtures.randomSuffix(6);
        String token = alice.newToken(name);
        long id = tokenId(alice, name);
        String ftpName = "ftp" + Fixtures.randomSuffix(6);
        String ftpOnly = token(alice, Map.of("name", ftpName, "features", List.of("ftpaccts")));
        long ftpId = tokenId(alice, ftpName);

        dev.openuapi.support.Uapi.success(upload(alice.withToken(token), "hello".getBytes()).then().statusCode(200).extract().asString());
        dev.openuapi.support.Uapi.failure(upload(alice.withToken(ftpOnly), "hello".getBytes()).then().statusCode(200).extract().asString(),
                "You do not have the feature “filemanager”.");
        upload(dev.openuapi.support.TooLarge.expectContinue(alice.withToken(token)), new byte[5 * 1024 * 1024]).then().statusCode(413); // over openuapi.files.max-upload-size (4M)
        upload(alice.withPassword(), "again".getBytes()).then().statusCode(200);
        recorder.flush();

        assertEquals(1, calls(id, "UAPI", "Fileman", "upload_files", "ok"));
        assertEquals(1, calls(id, "UAPI", "Fileman", "upload_files", "failed"));
        assertEquals(1, calls(ftpId, "UAPI", "Fileman", "upload_files", "refused"));
        assertEquals(1, number("SELECT SUM(count) FROM activity_count WHERE account_id = ?1 AND credential = 'ACCOUNT_PASSWORD' "
                + "AND face = 'UAPI' AND module = 'Fileman' AND function = 'upload_files' AND result = 'ok'", accountId(alice)));
        JsonNode events = Fixtures.json(alice.withPassword().get("/api/v1/tokens/" + name + "/activity").then().statusCode(200)
                .extract().asString()).path("events");
        assertEquals(2, events.size(), events.toString());
        assertEquals("failed", events.get(0).path("result").asText());
        assertEquals("ok", events.get(1).path("result").asText());
        events.forEach(e -> {
            assertEquals("uapi", e.path("face").asText());
            assertEquals("Fileman", e.path("module").asText());
            assertEquals("upload_files", e.path("function").asText());
            assertNotNull(e.path("address").textValue());
        });
    }

    /**
     * A call past its token's rate limit (issue 20 §2) is recorded, as limited, on every face (the function its URL names,
     * or unknown), counted and among the token's recent calls, and never as a failed login.
     */
    @Test
    void aCallPastTheRateLimitIsLimitedAndNeverAFailedLogin() {
        TestAccount bob = newAccount();
        String name = "lim" + Fixtures.randomSuffix(6);
        String token = token(bob, Map.of("name", name, "rate_limit_per_minute", 1));
        long id = tokenId(bob, name);
        long account = accountId(bob);

        bob.withToken(token).get("/execute/Variables/get_user_information").then().statusCode(200);
        bob.withToken(token).get("/execute/Variables/get_user_information").then().statusCode(429);
        bob.withToken(token).get("/execute/Variables/get_user_information").then().statusCode(429);
        bob.withToken(token).get("/execute/NoSuchModule/made_up").then().statusCode(429);
        bob.withToken(token).get("/json-api/cpanel?cpanel_jsonapi_module=Tokens&cpanel_jsonapi_func=list&cpanel_jsonapi_apiversion=3")
                .then().statusCode(429);
        bob.withToken(token).get("/json-api/cpanel?cpanel_jsonapi_module=Email&cpanel_jsonapi_func=listpops").then().statusCode(429);
        bob.withToken(token).get("/api/v1/tokens").then().statusCode(429).contentType("application/problem+json");
        upload(bob.withToken(token), "hello".getBytes()).then().statusCode(429);
        recorder.flush();

        assertEquals(1, calls(id, "UAPI", "Variables", "get_user_information", "ok"));
        assertEquals(2, calls(id, "UAPI", "Variables", "get_user_information", "limited"));
        assertEquals(1, calls(id, "UAPI", "unknown", "unknown", "limited"), "a name that is not registered is unknown");
        assertEquals(1, calls(id, "API2", "Tokens", "list", "limited"));
        assertEquals(1, calls(id, "API2", "Email", "listpops", "limited"));
        assertEquals(1, calls(id, "REST", "REST", "GET /api/v1/tokens", "limited"));
        assertEquals(1, calls(id, "UAPI", "Fileman", "upload_files", "limited"));
        assertEquals(0, number("SELECT COUNT(*) FROM activity_count WHERE token_id = ?1 AND credential = 'CPANEL_TOKEN' "
                + "AND result IN ('refused', 'failed')", id), "a limited call is neither refused nor failed");
        assertEquals(0, number("SELECT COUNT(*) FROM auth_failure_count WHERE account_id = ?1", account), "never a failed login");

        JsonNode events = Fixtures.json(bob.withPassword().get("/api/v1/tokens/" + name + "/activity").then().statusCode(200)
                .extract().asString()).path("events");
        assertEquals(8, events.size(), events.toString());
        assertEquals("Fileman", events.get(0).path("module").asText());
        assertEquals("GET /api/v1/tokens", events.get(1).path("function").asText());
        assertEquals("rest", events.get(1).path("face").asText());
        for (int i = 0; i < 7; i++) {
            assertEquals("limited", events.get(i).path("result").asText(), events.toString());
        }
        assertEquals("ok", events.get(7).path("result").asText());
        assertTrue(walkCounts(bob, Map.of("group", "day"), 500).stream().anyMatch(r -> name.equals(r.path("token").textValue())
                && r.path("result").asText().equals("limited") && r.path("count").asLong() == 2), "the counts endpoint shows it");
    }

    @Test
    void cursorsWalkEveryRowOnceAndTheTimeFilterHolds() {
        TestAccount alice = newAccount();
        String name = "pg" + Fixtures.randomSuffix(6);
        String token = alice.newToken(name);
        long id = tokenId(alice, name);
        List<String> functions = List.of("get_user_information", "list_cron_jobs_nope", "x1", "x2", "x3", "x4", "x5");
        for (int i = 0; i < 7; i++) {
            alice.withToken(token).get("/execute/Variables/get_user_information?name=n" + i).then().statusCode(200);
        }
        await("seven events", () -> number("SELECT COUNT(*) FROM activity_event WHERE token_id = ?1 AND credential = 'CPANEL_TOKEN'", id) == 7);
        recorder.flush(); // the counts too, which the ticker writes every count-flush-interval (10 s)
        // events: limit 2 walks the 7 in 4 pages, the same as one page of 500, newest first
        List<JsonNode> walked = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = alice.withPassword().queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonNode page = Fixtures.json(request.get("/api/v1/tokens/" + name + "/activity").then().statusCode(200).extract().asString());
            pages++;
            assertTrue(page.path("events").size() <= 2);
            for (JsonNode event : page.path("events")) {
                walked.add(event);
                times.add(event.path("time").asLong());
            }
            cursor = page.path("next_cursor").textValue();
        } while (cursor != null);
        assertEquals(4, pages);
        assertEquals(7, times.size());
        List<JsonNode> single = new ArrayList<>();
        Fixtures.json(alice.withPassword().queryParam("limit", 500).get("/api/v1/tokens/" + name + "/activity").then().statusCode(200)
                .extract().asString()).path("events").forEach(single::add);
        assertEquals(single, walked);
        JsonNode none = Fixtures.json(alice.withPassword().queryParam("to", times.get(6) - 1).get("/api/v1/tokens/" + name + "/activity")
                .then().statusCode(200).extract().asString());
        assertEquals(0, none.path("events").size(), "nothing before the first call");
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i - 1) >= times.get(i), "newest first: " + times);
        }
        assertEquals(7, number("SELECT COUNT(DISTINCT id) FROM activity_event WHERE token_id = ?1 AND credential = 'CPANEL_TOKEN'", id));

        // counts: rows of an older minute and day, inserted as the flusher would have written them
        long accountId = accountId(alice);
        long nowMinute = System.currentTimeMillis() / 60_000;
        for (int i = 0; i < functions.size(); i++) {
            update("INSERT INTO activity_count (account_id, credential, token_id, face, module, function, result, minute, count) "
                    + "VALUES (?1, 'CPANEL_TOKEN', ?2, 'UAPI', 'Variables', ?3, 'ok', ?4, ?5)", accountId, id, functions.get(i),
                    nowMinute - 3 * 1440 - i, i + 1);
        }
        // (reading counts is itself counted, as REST calls, while the walk goes on: those rows are left out of the comparison)
        List<JsonNode> all = walkCounts(alice, Map.of(), 3).stream().filter(r -> !r.path("module").asText().equals("REST")).toList();
        List<JsonNode> onePage = walkCounts(alice, Map.of(), 500).stream().filter(r -> !r.path("module").asText().equals("REST")).toList();
        assertEquals(onePage.size(), all.size());
        assertEquals(new HashSet<>(onePage.stream().map(JsonNode::toString).toList()),
                new HashSet<>(all.stream().map(JsonNode::toString).toList()));
        assertEquals(all.size(), new HashSet<>(all.stream().map(JsonNode::toString).toList()).size(), "each row once");
        assertTrue(all.size() >= 8, all.toString()); // the seven old minutes and today's

        // the time filter: only the old minutes, then only today's
        long threeDaysAgo = (nowMinute - 3 * 1440 - 10) * 60;
        long twoDaysAgo = (nowMinute - 2 * 1440) * 60;
        List<JsonNode> old = walkCounts(alice, Map.of("from", threeDaysAgo, "to", twoDaysAgo), 2);
        assertEquals(7, old.size(), old.toString());
        old.forEach(row -> assertTrue(row.path("time").asLong() >= threeDaysAgo && row.path("time").asLong() < twoDaysAgo, row.toString()));
        List<JsonNode> recent = walkCounts(alice, Map.of("from", twoDaysAgo), 2);
        recent.forEach(row -> assertTrue(row.path("time").asLong() >= twoDaysAgo, row.toString()));
        assertTrue(recent.stream().anyMatch(r -> r.path("function").asText().equals("get_user_information") && r.path("count").asLong() >= 1));

        // per day: the seven old minutes fall on one or two days, summed
        List<JsonNode> days = walkCounts(alice, Map.of("group", "day", "from", threeDaysAgo, "to", twoDaysAgo), 500);
        assertEquals(1 + 2 + 3 + 4 + 5 + 6 + 7, days.stream().mapToLong(r -> r.path("count").asLong()).sum());
        days.forEach(row -> assertEquals(0, row.path("time").asLong() % 86_400, row.toString()));

        // bad input: a clear 400 in problem+json
        alice.withPassword().queryParam("limit", 501).get("/api/v1/activity").then().statusCode(400).contentType("application/problem+json");
        alice.withPassword().queryParam("cursor", "not-a-cursor").get("/api/v1/activity").then().statusCode(400)
                .contentType("application/problem+json");
        alice.withPassword().queryParam("group", "week").get("/api/v1/activity").then().statusCode(400);
        alice.withPassword().queryParam("from", 10).queryParam("to", 5).get("/api/v1/activity").then().statusCode(400);
    }

    private static List<JsonNode> walkCounts(TestAccount account, Map<String, Object> filter, int limit) {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            var request = account.withPassword().queryParams(filter).queryParam("limit", limit);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonNode page = Fixtures.json(request.get("/api/v1/activity").then().statusCode(200).extract().asString());
            page.path("counts").forEach(rows::add);
            assertTrue(page.path("counts").size() <= limit);
            cursor = page.path("next_cursor").textValue();
        } while (cursor != null);
        return rows;
    }

    @Test
    void theCleanUpDeletesWhatIsPastTheRetentionAndBeyondEachTokensRecentEvents() {
        long now = System.currentTimeMillis();
        long account = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        long oldMinute = (now - Duration.ofDays(91).toMillis()) / 60_000;
        long newMinute = (now - Duration.ofDays(89).toMillis()) / 60_000;
        for (int i = 0; i < 5; i++) {
            update("INSERT INTO activity_count (account_id, credential, token_id, face, module, function, result, minute, count) "
                    + "VALUES (?1, 'ACCOUNT_PASSWORD', 0, 'UAPI', 'Variables', 'f', 'ok', ?2, 1)", account, oldMinute - i);
            update("INSERT INTO auth_failure_count (account_id, address, reason, minute, count) VALUES (?1, '192.0.2.9', 'bad_password', ?2, 1)",
                    account, oldMinute - i);
            update("INSERT INTO activity_event (account_id, credential, token_id, time, address, face, module, function, result) "
                    + "VALUES (?1, 'CPANEL_TOKEN', ?2, ?3, '192.0.2.9', 'UAPI', 'Variables', 'f', 'ok')", account, account, oldMinute * 60_000 - i);
        }
        update("INSERT INTO activity_count (account_id, credential, token_id, face, module, function, result, minute, count) "
                + "VALUES (?1, 'ACCOUNT_PASSWORD', 0, 'UAPI', 'Variables', 'f', 'ok', ?2, 1)", account, newMinute);
        update("INSERT INTO auth_failure_count (account_id, address, reason, minute, count) VALUES (?1, '192.0.2.9', 'bad_password', ?2, 1)",
                account, newMinute);
        // a token with eight recent events, of which the newest five are kept
        long cappedToken = account + 1;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            update("INSERT INTO activity_event (account_id, credential, token_id, time, address, face, module, function, result) "
                    + "VALUES (?1, 'CPANEL_TOKEN', ?2, ?3, '192.0.2.9', 'UAPI', 'Variables', 'f', 'ok')", account, cappedToken, now - 1000 + i);
            ids.add(number("SELECT MAX(id) FROM activity_event WHERE token_id = ?1", cappedToken));
        }

        ActivityService.Cleanup done = service.cleanup(now, Duration.ofDays(90), 5, 2); // batches of two: several statements each

        assertTrue(done.counts() >= 5 && done.events() >= 5 && done.failures() >= 5 && done.capped() >= 3, done.toString());
        assertEquals(1, number("SELECT COUNT(*) FROM activity_count WHERE account_id = ?1", account));
        assertEquals(newMinute, number("SELECT minute FROM activity_count WHERE account_id = ?1", account));
        assertEquals(1, number("SELECT COUNT(*) FROM auth_failure_count WHERE account_id = ?1", account));
        assertEquals(0, number("SELECT COUNT(*) FROM activity_event WHERE token_id = ?1", account));
        List<Long> kept = rows("SELECT id FROM activity_event WHERE token_id = ?1 ORDER BY id", cappedToken).stream()
                .map(r -> ((Number) r[0]).longValue()).toList();
        assertEquals(ids.subList(3, 8), kept, "the newest five");
    }

    @Test
    void aFlushInWhichATokenFilledItsRecentEventsDeletesItsOlderOnesAtOnce() {
        long now = System.currentTimeMillis();
        long account = 910_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        long token = account + 1;
        long other = account + 2;
        for (int i = 0; i < 4; i++) {
            for (long id : List.of(token, other)) {
                update("INSERT INTO activity_event (account_id, credential, token_id, time, address, face, module, function, result) "
                        + "VALUES (?1, 'CPANEL_TOKEN', ?2, ?3, '192.0.2.9', 'UAPI', 'Variables', 'f', 'ok')", account, id, now - 10_000 + i);
            }
        }
        java.util.function.LongFunction<ActivityRecorder.Event> event = time -> new ActivityRecorder.Event(account, "CPANEL_TOKEN", token,
                time, "192.0.2.9", "UAPI", "Variables", "f", "ok");
        String times = "SELECT time FROM activity_event WHERE token_id = ?1 ORDER BY id";

        // more calls than the three it keeps: only its newest three reached the flush, and its older rows go with it
        service.write(new ActivityRecorder.Batch(Map.of(), List.of(event.apply(now), event.apply(now + 1), event.apply(now + 2)),
                Set.of(new RecentEvents.TokenKey("CPANEL_TOKEN", token)), Map.of()), 3, 5000);
        assertEquals(List.of(now, now + 1, now + 2), rows(times, token).stream().map(r -> ((Number) r[0]).longValue()).toList());
        assertEquals(4, number("SELECT COUNT(*) FROM activity_event WHERE token_id = ?1", other), "another token's are not touched");

        // a flush in which the token did not fill its ring deletes nothing (the clean-up caps it later)
        service.write(new ActivityRecorder.Batch(Map.of(), List.of(event.apply(now + 3)), Set.of(), Map.of()), 3, 5000);
        assertEquals(4, number("SELECT COUNT(*) FROM activity_event WHERE token_id = ?1", token));
    }

    @Test
    void anOwnerSeesOnlyItsOwnAndRootSeesEveryonesThroughTheAdminApi() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String name = "vis" + Fixtures.randomSuffix(6);
        String token = alice.newToken(name);
        alice.withToken(token).get("/execute/Variables/get_user_information?name=domain").then().statusCode(200);
        bob.withPassword().get("/execute/Variables/get_user_information?name=domain").then().statusCode(200);
        long id = tokenId(alice, name);
        await("alice's call", () -> calls(id, "UAPI", "Variables", "get_user_information", "ok") == 1);

        // bob: alice's token is not his (404, as for a name he has not), and his counts are his only
        bob.withPassword().get("/api/v1/tokens/" + name + "/activity").then().statusCode(404).contentType("application/problem+json");
        await("bob's call", () -> walkCounts(bob, Map.of(), 500).stream().anyMatch(r -> r.path("function").asText().equals("get_user_information")));
        walkCounts(bob, Map.of(), 500).forEach(row -> assertEquals(bob.username(), row.path("account").asText()));
        walkCounts(alice, Map.of(), 500).forEach(row -> assertEquals(alice.username(), row.path("account").asText()));
        assertTrue(walkCounts(alice, Map.of(), 500).stream().anyMatch(r -> name.equals(r.path("token").textValue())));

        // root: everyone's, or one account's
        JsonNode everyone = Fixtures.json(asRoot().queryParam("limit", 500).get("/api/v1/admin/activity").then().statusCode(200).extract().asString());
        assertNotNull(everyone.path("counts"));
        JsonNode alices = Fixtures.json(asRoot().queryParam("account", alice.username()).queryParam("limit", 500).get("/api/v1/admin/activity")
                .then().statusCode(200).extract().asString());
        assertTrue(alices.path("counts").size() > 0);
        alices.path("counts").forEach(row -> assertEquals(alice.username(), row.path("account").asText()));
        assertTrue(alices.toString().contains(name));
        asRoot().queryParam("account", "nosuchacct").get("/api/v1/admin/activity").then().statusCode(404);

        // an account cannot use the admin API, with its password or a token
        alice.withPassword().get("/api/v1/admin/activity").then().statusCode(401);
        alice.withToken(token).get("/api/v1/admin/activity").then().statusCode(403).contentType("application/problem+json"); // tokens: cPanel's APIs only
        alice.withPassword().get("/api/v1/admin/activity/auth-failures").then().statusCode(401);
        given().get("/api/v1/activity").then().statusCode(401);
    }

    /** {@code token=NAME} narrows the account's counts to one token, under its earlier names too (the page's chart reads these). */
    @Test
    void oneTokensCountsAreItsOwnUnderEveryName() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String name = "one" + Fixtures.randomSuffix(6);
        String token = alice.newToken(name);
        String other = alice.newToken();
        String bobs = "bob" + Fixtures.randomSuffix(6);
        bob.newToken(bobs);
        for (int i = 0; i < 2; i++) {
            alice.withToken(token).get("/execute/Variables/get_user_information").then().statusCode(200);
        }
        alice.withToken(other).get("/execute/Variables/get_user_information").then().statusCode(200);
        alice.withPassword().get("/execute/Variables/get_user_information").then().statusCode(200);
        recorder.flush();

        List<JsonNode> rows = walkCounts(alice, Map.of("token", name, "group", "day"), 500);
        assertFalse(rows.isEmpty());
        rows.forEach(row -> {
            assertEquals("cpanel_token", row.path("credential").asText(), row.toString());
            assertEquals(name, row.path("token").asText(), row.toString());
        });
        assertEquals(2, rows.stream().filter(r -> r.path("function").asText().equals("get_user_information")).mapToLong(r -> r.path("count").asLong()).sum());
        assertTrue(walkCounts(alice, Map.of(), 500).stream().anyMatch(r -> !name.equals(r.path("token").textValue())), "unfiltered: every credential");

        String renamed = name + "b";
        alice.withPassword().contentType(ContentType.JSON).body(Map.of("new_name", renamed)).patch("/api/v1/tokens/" + name).then().statusCode(200);
        List<JsonNode> after = walkCounts(alice, Map.of("token", renamed, "group", "day"), 500);
        assertEquals(2, after.stream().filter(r -> r.path("function").asText().equals("get_user_information")).mapToLong(r -> r.path("count").asLong()).sum());
        after.forEach(row -> assertEquals(renamed, row.path("token").asText()));

        for (String absent : List.of(name, bobs, "nosuchtoken")) {
            alice.withPassword().queryParam("token", absent).get("/api/v1/activity").then().statusCode(404).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.equalTo("The API token “" + absent + "” does not exist."));
        }
    }

    @Test
    void failedLoginsAreCountedForAKnownAccountOnly() throws Exception {
        TestAccount alice = newAccount();
        int host = ThreadLocalRandom.current().nextInt(1, 250);
        String address = "198.51.100." + host;
        String other = "198.51.100." + (host + 1); // the unknown user's failures: neither address nears cPHulk's block
        String unknown = "nosuch" + Fixtures.randomSuffix(6).toLowerCase();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((alice.username() + ":wrong-password").getBytes());
        String unknownBasic = "Basic " + java.util.Base64.getEncoder().encodeToString((unknown + ":wrong-password").getBytes());
        recorder.flush();
        long before = number("SELECT SUM(count) FROM auth_failure_count WHERE address = ?1", other);

        assertEquals(401, FromAddress.get(other, "/execute/Variables/get_user_information", unknownBasic).status());
        assertEquals(401, FromAddress.get(other, "/execute/Variables/get_user_information", "cpanel " + unknown + ":" + "B".repeat(32)).status());
        recorder.flush();
        assertEquals(before, number("SELECT SUM(count) FROM auth_failure_count WHERE address = ?1", other), "an unknown user is not counted");
        assertFalse(everything().contains(unknown));

        assertEquals(401, FromAddress.get(address, "/execute/Variables/get_user_information", basic).status());
        assertEquals(401, FromAddress.get(address, "/execute/Variables/get_user_information", "cpanel " + alice.username() + ":"
                + "A".repeat(32)).status());
        long aliceId = accountId(alice);
        await("alice's failed logins", () -> number("SELECT SUM(count) FROM auth_failure_count WHERE account_id = ?1 AND address = ?2",
                aliceId, address) == 2);
        assertEquals(1, number("SELECT SUM(count) FROM auth_failure_count WHERE account_id = ?1 AND reason = 'bad_password'", aliceId));
        assertEquals(1, number("SELECT SUM(count) FROM auth_failure_count WHERE account_id = ?1 AND reason = 'bad_token'", aliceId));
        assertFalse(everything().contains("wrong-password"));

        JsonNode failures = Fixtures.json(asRoot().queryParam("account", alice.username()).get("/api/v1/admin/activity/auth-failures").then()
                .statusCode(200).extract().asString()).path("failures");
        assertEquals(2, failures.size(), failures.toString());
        failures.forEach(f -> assertEquals(address, f.path("address").asText()));
    }

    @Test
    void theOffSwitchRecordsNothing() {
        TestAccount alice = newAccount();
        String name = "off" + Fixtures.randomSuffix(6);
        String token = alice.newToken(name);
        long id = tokenId(alice, name);
        recorder.flush();
        recorder.setEnabled(false);
        try {
            alice.withToken(token).get("/execute/Variables/get_user_information?name=domain").then().statusCode(200);
            alice.withToken(token).get("/api/v1/tokens").then().statusCode(200);
            recorder.flush();
            assertEquals(0, number("SELECT COUNT(*) FROM activity_count WHERE credential = 'CPANEL_TOKEN' AND token_id = ?1", id));
            assertEquals(0, number("SELECT COUNT(*) FROM activity_event WHERE credential = 'CPANEL_TOKEN' AND token_id = ?1", id));
        } finally {
            recorder.setEnabled(true);
        }
        // and on again: the same call is recorded
        alice.withToken(token).get("/execute/Variables/get_user_information?name=domain").then().statusCode(200);
        await("the call once on", () -> calls(id, "UAPI", "Variables", "get_user_information", "ok") == 1);
    }
}
