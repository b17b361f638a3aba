package dev.openuapi.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.TcpProxy;
import dev.openuapi.support.TestConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;

/**
 * While MariaDB is unreachable, readiness goes DOWN (the load balancer stops sending requests) and
 * liveness stays UP (nobody restarts a healthy process over a database outage). The application reaches
 * MariaDB through a {@link TcpProxy} that the test cuts and restores, or stalls (issue 12 row 5: the
 * database stops answering but keeps its connections open) and resumes.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughProxy.class)
class DatabaseOutageTest {

    static TcpProxy proxy;

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(ProxyResource.class));
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {
        private static final String TEST_URL = "%test.quarkus.datasource.jdbc.url";
        private String commandLineUrl;

        @Override
        public Map<String, String> start() {
            try {
                proxy = new TcpProxy(3306);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            // No timeouts in the URL: the test checks the ones application.properties sets on the datasource.
            String url = "jdbc:mariadb://127.0.0.1:" + proxy.port() + "/" + TestConfig.databaseName()
                    + "_outage?createDatabaseIfNotExist=true";
            // A -D%test.quarkus.datasource.jdbc.url on the command line (one database per checkout) is a system
            // property, which outranks what a test resource returns and would bypass the proxy: replace it while
            // this application runs, and put it back in stop().
            commandLineUrl = System.getProperty(TEST_URL);
            if (commandLineUrl != null) {
                System.setProperty(TEST_URL, url);
            }
            return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.health.enabled", "true");
        }

        @Override
        public void stop() {
            if (commandLineUrl != null) {
                System.setProperty(TEST_URL, commandLineUrl);
            }
            try {
                proxy.close();
            } catch (IOException e) {
                // the test is over
            }
        }
    }

    @Test
    void readinessFollowsTheDatabaseAndLivenessDoesNot() throws Exception {
        given().get(ManagementTest.management() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        proxy.cut();
        try {
            given().get(ManagementTest.management() + "/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get(ManagementTest.management() + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            proxy.restore();
        }
        long deadline = System.currentTimeMillis() + 15_000;
        int status;
        do {
            status = given().get(ManagementTest.management() + "/q/health/ready").then().extract().statusCode();
        } while (status != 200 && System.currentTimeMillis() < deadline && sleep());
        given().get(ManagementTest.management() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** What one face answered to one request while the database was stalled, and how long it took. */
    record Timed(String what, Response response, long millis) {
    }

    /** No face may wait longer than this for a database that does not answer (issue 12 §4). */
    static final long LIMIT_MILLIS = 10_000;

    /**
     * Issue 12 rows 5 and 10: the database stops answering but keeps every connection open. Every face
     * answers within 10 s in its own envelope (UAPI status 0, API 2 cpanelresult, WHM metadata.result 0,
     * REST 503 problem+json), with the credential filter's own lookup hitting the stalled database first;
     * readiness goes DOWN; when the database answers again everything works by itself.
     */
    @Test
    void aStalledDatabaseGetsEveryFaceAClearAnswerInTime() throws Exception {
        everyFaceAnswersInTime(proxy::stall, proxy::resume);
    }

    /** The same when the database goes away altogether (connections reset, new ones refused). */
    @Test
    void aDatabaseThatIsGoneGetsEveryFaceItsOwnEnvelope() throws Exception {
        everyFaceAnswersInTime(proxy::cut, proxy::restore);
    }

    interface Step {
        void run() throws IOException;
    }

    private static void everyFaceAnswersInTime(Step outage, Step recovery) throws Exception {
        TestAccount alice = Fixtures.newAccount();
        String token = alice.newToken();
        // Without a client-side limit a hang would last the server's 60 s idle timeout; fail well before that.
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 30_000).setParam("http.connection.timeout", 5_000));
        try {
            outage.run();
            List<Timed> answers;
            try {
                answers = all(Map.of(
                        "UAPI with a token", () -> alice.withToken(token).get("/execute/Tokens/list"),
                        "UAPI with a password", () -> alice.withPassword().get("/execute/Tokens/list"),
                        "API 2", () -> alice.withToken(token).queryParam("cpanel_jsonapi_apiversion", "2")
                                .queryParam("cpanel_jsonapi_module", "ZoneEdit").queryParam("cpanel_jsonapi_func", "fetchzones")
                                .get("/json-api/cpanel"),
                        "API 2 posted", () -> alice.withPassword().contentType("application/x-www-form-urlencoded")
                                .formParam("cpanel_jsonapi_apiversion", "2").formParam("cpanel_jsonapi_module", "ZoneEdit")
                                .formParam("cpanel_jsonapi_func", "fetchzones").post("/json-api/cpanel"),
                        "API 2 as root for the account", () -> Fixtures.asRoot().queryParam("cpanel_jsonapi_user", alice.username())
                                .queryParam("cpanel_jsonapi_apiversion", "2").queryParam("cpanel_jsonapi_module", "ZoneEdit")
                                .queryParam("cpanel_jsonapi_func", "fetchzones").get("/json-api/cpanel"),
                        "WHM API 1", () -> Fixtures.asRoot().queryParam("api.version", "1").get("/json-api/listaccts"),
                        "REST", () -> alice.withToken(token).get("/api/v1/tokens"),
                        "operator REST", () -> Fixtures.asRoot().get("/api/v1/accounts"),
                        "readiness", () -> RestAssured.given().get(ManagementTest.management() + "/q/health/ready")));
            } finally {
                recovery.run();
            }
            for (Timed answer : answers) {
                assertTrue(answer.millis() < LIMIT_MILLIS, answer.what() + " took " + answer.millis() + " ms");
                Response r = answer.response();
                String body = r.asString();
                switch (answer.what()) {
                    case "UAPI with a token", "UAPI with a password" -> {
                        assertEquals(200, r.statusCode(), answer.what() + ": " + body);
                        JsonNode json = Fixtures.json(body);
                        assertEquals(0, json.get("status").intValue(), body);
                        assertEquals(DATABASE_UNAVAILABLE, json.get("errors").get(0).textValue(), body);
                    }
                    case "API 2", "API 2 posted", "API 2 as root for the account" -> {
                        assertEquals(200, r.statusCode(), answer.what() + ": " + body);
                        assertFalse(r.contentType().contains("problem"), r.contentType());
                        JsonNode result = Fixtures.json(body).get("cpanelresult");
                        assertNotNull(result, body);
                        assertEquals(0, result.get("event").get("result").intValue(), body);
                        assertEquals(DATABASE_UNAVAILABLE, result.get("error").textValue(), body);
                    }
                    case "WHM API 1" -> {
                        assertEquals(200, r.statusCode(), body);
                        JsonNode metadata = Fixtures.json(body).get("metadata");
                        assertEquals(0, metadata.get("result").intValue(), body);
                        assertEquals(DATABASE_UNAVAILABLE, metadata.get("reason").textValue(), body);
                    }
                    case "REST", "operator REST" -> {
                        assertEquals(503, r.statusCode(), answer.what() + ": " + body);
                        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                        assertEquals(503, Fixtures.json(body).get("status").intValue(), body);
                        assertNotNull(r.header("Retry-After"), "a 503 says when to come back");
                    }
                    default -> {
                        assertEquals(503, r.statusCode(), body);
                        assertEquals("DOWN", Fixtures.json(body).get("status").textValue(), body);
                    }
                }
            }

            // The database answers again: the service recovers by itself, and then every face works at the first try.
            long deadline = System.currentTimeMillis() + 20_000;
            while (RestAssured.given().get(ManagementTest.management() + "/q/health/ready").statusCode() != 200
                    && System.currentTimeMillis() < deadline) {
                sleep();
            }
            given().get(ManagementTest.management() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            for (int i = 0; i < 3; i++) {
                alice.withToken(token).get("/execute/Tokens/list").then().statusCode(200).body("status", equalTo(1));
                alice.withPassword().get("/execute/Tokens/list").then().statusCode(200).body("status", equalTo(1));
                alice.withToken(token).queryParam("cpanel_jsonapi_apiversion", "2").queryParam("cpanel_jsonapi_module", "ZoneEdit")
                        .queryParam("cpanel_jsonapi_func", "fetchzones").get("/json-api/cpanel").then().statusCode(200)
                        .body("cpanelresult.event.result", equalTo(1));
                Fixtures.asRoot().queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(200)
                        .body("metadata.result", equalTo(1));
                alice.withToken(token).get("/api/v1/tokens").then().statusCode(200);
                Fixtures.asRoot().get("/api/v1/accounts").then().statusCode(200);
            }
        } finally {
            RestAssured.reset();
            recovery.run();
        }
    }

    /** What every cPanel face says while the database does not answer. */
    static final String DATABASE_UNAVAILABLE = "The system is temporarily unable to reach its database. Try again later.";

    /** Runs every request at once, as clients would keep arriving during an outage, and times each. */
    private static List<Timed> all(Map<String, Supplier<Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Callable<Timed>> calls = new ArrayList<>();
            for (Map.Entry<String, Supplier<Response>> request : new LinkedHashMap<>(requests).entrySet()) {
                calls.add(() -> {
                    long start = System.nanoTime();
                    Response response = request.getValue().get();
                    response.asString();
                    return new Timed(request.getKey(), response, (System.nanoTime() - start) / 1_000_000);
                });
            }
            List<Timed> answers = new ArrayList<>();
            for (Future<Timed> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
