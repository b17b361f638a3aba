package dev.openuapi.plan;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Plans (packages), their limits on every resource, and usage against them (Quota, ResourceUsage). The plan API
 * (/api/v1/plans) and its wordings are OpenUAPI's own; Quota and ResourceUsage field names follow spec §9.1.
 */
@QuarkusTest
class PlanTest {

    static String newPlan(Map<String, Object> limits) {
        String name = "plan-" + Fixtures.randomSuffix(8);
        Map<String, Object> body = new HashMap<>(limits);
        body.put("name", name);
        asRoot().contentType(ContentType.JSON).body(body).post("/api/v1/plans").then().statusCode(201).body("name", equalTo(name));
        return name;
    }

    static void assign(TestAccount account, String plan) {
        Map<String, Object> body = new HashMap<>();
        body.put("plan", plan);
        asRoot().contentType(ContentType.JSON).body(body).put("/api/v1/accounts/" + account.username() + "/plan").then().statusCode(200);
    }

    @Test
    void planCrud() {
        String name = newPlan(Map.of("max_databases", 2, "disk_quota_mb", 100));
        asRoot().get("/api/v1/plans/" + name).then().statusCode(200).body("max_databases", equalTo(2))
                .body("max_subdomains", nullValue()).body("disk_quota_mb", equalTo(100));
        asRoot().contentType(ContentType.JSON).body(Map.of("name", name, "max_databases", 5)).put("/api/v1/plans/" + name).then()
                .statusCode(200).body("max_databases", equalTo(5)).body("disk_quota_mb", nullValue());
        asRoot().contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/v1/plans").then().statusCode(409)
                .contentType("application/problem+json");
        asRoot().contentType(ContentType.JSON).body(Map.of("name", "bad/name")).post("/api/v1/plans").then().statusCode(400);
        asRoot().contentType(ContentType.JSON).body(Map.of("name", "neg-" + Fixtures.randomSuffix(5), "max_databases", -1))
                .post("/api/v1/plans").then().statusCode(400);
        TestAccount alice = newAccount();
        assign(alice, name);
        asRoot().delete("/api/v1/plans/" + name).then().statusCode(409);
        assign(alice, null);
        asRoot().delete("/api/v1/plans/" + name).then().statusCode(204);
        asRoot().get("/api/v1/plans/" + name).then().statusCode(404);
        asRoot().contentType(ContentType.JSON).body(Map.of("plan", "no-such-plan")).put("/api/v1/accounts/" + alice.username() + "/plan")
                .then().statusCode(404);
    }

    @Test
    void limitsStopTheNextResourceAndCreateNothing() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        assign(alice, newPlan(Map.of("max_databases", 1, "max_subdomains", 1, "max_addon_domains", 0)));
        Uapi.success(alice.withToken(token).formParam("name", alice.username() + "_one").post("/execute/Mysql/create_database").asString());
        Uapi.failure(alice.withToken(token).formParam("name", alice.username() + "_two").post("/execute/Mysql/create_database").asString(),
                limitReached(1, "databases"));
        assertEquals(1, Uapi.success(alice.withToken(token).get("/execute/Mysql/list_databases").asString()).get("data").size());

        String domains = "/api/v1/accounts/" + alice.username() + "/domains";
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", "a", "type", "sub_domain", "rootdomain", alice.domain())).post(domains)
                .then().statusCode(201);
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", "b", "type", "sub_domain", "rootdomain", alice.domain())).post(domains)
                .then().statusCode(400).body("detail", equalTo(limitReached(1, "subdomains")));
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", "addon-" + alice.domain(), "type", "addon_domain")).post(domains)
                .then().statusCode(400).body("detail", equalTo(limitReached(0, "addon domains")));

        JsonNode usages = Uapi.success(alice.withToken(token).get("/execute/ResourceUsage/get_usages").asString()).get("data");
        assertEquals(1, row(usages, "mysql_databases").get("usage").intValue());
        assertEquals(1, row(usages, "mysql_databases").get("maximum").intValue());
        assertEquals(1, row(usages, "subdomains").get("usage").intValue());
        assertEquals(0, row(usages, "addon_domains").get("maximum").intValue());
        assertTrue(row(usages, "ftp_accounts").get("maximum").isNull(), "no limit set: unlimited");

        assign(alice, null); // off the plan: no limits
        Uapi.success(alice.withToken(token).formParam("name", alice.username() + "_two").post("/execute/Mysql/create_database").asString());
        for (String db : List.of("_one", "_two")) {
            Uapi.success(alice.withToken(token).formParam("name", alice.username() + db).post("/execute/Mysql/delete_database").asString());
        }
    }

    /** OpenUAPI's own wording, not cPanel's (PlanService.requireRoom). */
    static String limitReached(int max, String noun) {
        return "The account has reached its plan’s limit of " + max + " " + noun + ".";
    }

    static List<String> domainNames(TestAccount account) {
        JsonNode list = Fixtures.json(asRoot().get("/api/v1/accounts/" + account.username() + "/domains").then().statusCode(200).extract()
                .asString());
        List<String> names = new ArrayList<>();
        list.forEach(d -> names.add(d.get("domain").textValue()));
        return names;
    }

    /** The zones the account sees through API 2 ZoneEdit::fetchzones, sorted. */
    static List<String> zones(TestAccount account, String token) {
        JsonNode result = Fixtures.json(account.withToken(token).queryParam("cpanel_jsonapi_module", "ZoneEdit")
                .queryParam("cpanel_jsonapi_func", "fetchzones").get("/json-api/cpanel").then().statusCode(200).extract().asString())
                .get("cpanelresult");
        assertEquals(1, result.get("event").get("result").intValue(), result.toString());
        List<String> zones = new ArrayList<>();
        result.get("data").get(0).get("zones").fieldNames().forEachRemaining(zones::add);
        zones.sort(null);
        return zones;
    }

    @Test
    void theParkedDomainLimitStopsTheSecondParkedDomainAndCreatesNothing() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        assign(alice, newPlan(Map.of("max_parked_domains", 1)));
        String domains = "/api/v1/accounts/" + alice.username() + "/domains";
        String first = "parked-one-" + alice.domain();
        String second = "parked-two-" + alice.domain();
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", first, "type", "parked_domain")).post(domains).then().statusCode(201);
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", second, "type", "parked_domain")).post(domains).then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo(limitReached(1, "parked domains")));

        assertEquals(List.of(alice.domain(), first), domainNames(alice), "the refused domain is not listed");
        List<String> expected = new ArrayList<>(List.of(alice.domain(), first));
        expected.sort(null);
        assertEquals(expected, zones(alice, token), "the refused domain has no zone");
        JsonNode parked = Uapi.success(alice.withToken(token).get("/execute/DomainInfo/list_domains").asString()).get("data")
                .get("parked_domains");
        assertEquals("[\"" + first + "\"]", parked.toString());

        // the limit counts parked domains only: an addon domain still fits
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", "addon-" + alice.domain(), "type", "addon_domain")).post(domains)
                .then().statusCode(201);
        // and a freed place can be taken again
        asRoot().delete(domains + "/" + first).then().statusCode(204);
        asRoot().contentType(ContentType.JSON).body(Map.of("domain", second, "type", "parked_domain")).post(domains).then().statusCode(201);
        assertEquals(List.of(alice.domain(), "addon-" + alice.domain(), second), domainNames(alice));
    }

    /**
     * Several requests race for the last place a plan allows: exactly one gets it, in every round. Each round is
     * a new account with one place left and four concurrent creates released together.
     */
    @Test
    void requestsRacingForThePlansLastPlaceGetExactlyOne() throws Exception {
        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 5; round++) {
                TestAccount alice = newAccount();
                String token = alice.newToken();
                assign(alice, newPlan(Map.of("max_email_accounts", 2, "max_databases", 2)));
                Uapi.success(alice.withToken(token).formParam("email", "first").formParam("password", "mail-pass-1").post("/execute/Email/add_pop")
                        .asString());
                Uapi.success(alice.withToken(token).formParam("name", alice.username() + "_first").post("/execute/Mysql/create_database")
                        .asString());

                List<String> mail = race(pool, racers, i -> alice.withToken(token).formParam("email", "racer" + i)
                        .formParam("password", "mail-pass-1").post("/execute/Email/add_pop").asString());
                assertOneWon(mail, limitReached(2, "email accounts"), "round " + round + ", Email::add_pop");
                assertEquals(2, Uapi.success(alice.withToken(token).formParam("skip_main", "1").post("/execute/Email/list_pops").asString())
                        .get("data").size(), "round " + round + ": the count ends at the limit");

                List<String> databases = race(pool, racers, i -> alice.withToken(token).formParam("name", alice.username() + "_racer" + i)
                        .post("/execute/Mysql/create_database").asString());
                assertOneWon(databases, limitReached(2, "databases"), "round " + round + ", Mysql::create_database");
                JsonNode listed = Uapi.success(alice.withToken(token).get("/execute/Mysql/list_databases").asString()).get("data");
                assertEquals(2, listed.size(), "round " + round + ": " + listed);
                for (JsonNode db : listed) {
                    Uapi.success(alice.withToken(token).formParam("name", db.get("database").textValue()).post("/execute/Mysql/delete_database")
                            .asString());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code count} calls at once (released together) and returns their bodies. */
    static List<String> race(ExecutorService pool, int count, java.util.function.IntFunction<String> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int racer = i;
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.apply(racer);
            }));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        List<String> bodies = new ArrayList<>();
        for (Future<String> future : futures) {
            bodies.add(future.get(60, TimeUnit.SECONDS));
        }
        return bodies;
    }

    static void assertOneWon(List<String> bodies, String refusal, String what) {
        int won = 0;
        for (String body : bodies) {
            JsonNode root = Uapi.envelope(body);
            if (root.get("status").intValue() == 1) {
                won++;
            } else {
                Uapi.failure(body, refusal);
            }
        }
        assertEquals(1, won, what + ": " + bodies);
    }

    @Test
    void quotaReflectsTheMeteringAgentsReportOfTheHome() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode unlimited = Uapi.success(alice.withToken(token).get("/execute/Quota/get_quota_info").asString()).get("data");
        assertEquals(0, unlimited.get("megabyte_limit").intValue());
        assertEquals(1, unlimited.get("under_quota_overall").intValue());

        assign(alice, newPlan(Map.of("disk_quota_mb", 100, "bandwidth_mb", 1000)));
        // disk_used_bytes: the home's size as the agent measured it; alice has no database, so it is her whole disk use
        asRoot().contentType(ContentType.JSON).body(Map.of("disk_used_bytes", 52_848_230L, "bandwidth_used_bytes", 7_000_000L))
                .put("/api/v1/accounts/" + alice.username() + "/usage").then().statusCode(200).body("disk_used_bytes", equalTo(52_848_230));
        JsonNode quota = Uapi.success(alice.withToken(token).get("/execute/Quota/get_quota_info").asString()).get("data");
        // OpenUAPI's own rounding: MiB to two decimals, trailing zeros dropped (52,848,230 bytes = 50.40 MiB)
        assertEquals(50.4, quota.get("megabytes_used").doubleValue());
        assertEquals(100, quota.get("megabyte_limit").intValue());
        assertEquals(49.6, quota.get("megabytes_remain").doubleValue());
        assertEquals(1, quota.get("under_megabyte_limit").intValue());
        JsonNode local = Uapi.success(alice.withToken(token).get("/execute/Quota/get_local_quota_info").asString()).get("data");
        assertEquals(104_857_600L, local.get("byte_limit").longValue());
        assertEquals(52_848_230L, local.get("bytes_used").longValue());

        asRoot().contentType(ContentType.JSON).body(Map.of("disk_used_bytes", 200L * 1024 * 1024))
                .put("/api/v1/accounts/" + alice.username() + "/usage").then().statusCode(200).body("bandwidth_used_bytes", equalTo(7_000_000));
        JsonNode over = Uapi.success(alice.withToken(token).get("/execute/Quota/get_quota_info").asString()).get("data");
        assertEquals(200, over.get("megabytes_used").intValue());
        assertEquals(0, over.get("under_quota_overall").intValue());
        JsonNode usages = Uapi.success(alice.withToken(token).get("/execute/ResourceUsage/get_usages").asString()).get("data");
        assertEquals(200L * 1024 * 1024, row(usages, "disk_usage").get("usage").longValue());
        assertEquals(1000L * 1024 * 1024, row(usages, "bandwidth").get("maximum").longValue());
        assertEquals("format_bytes", row(usages, "bandwidth").get("formatter").textValue());
        asRoot().contentType(ContentType.JSON).body(Map.of("disk_used_bytes", -1)).put("/api/v1/accounts/" + alice.username() + "/usage")
                .then().statusCode(400);
    }

    static JsonNode row(JsonNode rows, String id) {
        for (JsonNode row : rows) {
            if (id.equals(row.get("id").textValue())) {
                return row;
            }
        }
        throw new AssertionError("no " + id + " in " + rows);
    }

    @Test
    void aPlansFeatureListIsTheAccountsFeatures() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String name = newPlan(Map.of("features", List.of("apitokens", "mysql")));
        assign(alice, name);
        JsonNode features = Uapi.success(alice.withToken(token).get("/execute/Features/list_features").asString()).get("data");
        assertEquals(1, features.get("mysql").intValue());
        assertEquals(0, features.get("cron").intValue());
        Uapi.failure(alice.withToken(token).get("/execute/Ftp/list_ftp").asString(), "You do not have the feature “ftpaccts”.");
        asRoot().contentType(ContentType.JSON).body(Map.of("name", name, "features", List.of("apitokens", "mysql", "ftpaccts")))
                .put("/api/v1/plans/" + name).then().statusCode(200).body("features", equalTo(List.of("apitokens", "ftpaccts", "mysql")));
        Uapi.success(alice.withToken(token).get("/execute/Ftp/list_ftp").asString());
        asRoot().contentType(ContentType.JSON).body(Map.of("name", "f-" + Fixtures.randomSuffix(6), "features", List.of("teleport")))
                .post("/api/v1/plans").then().statusCode(400);
    }
}
