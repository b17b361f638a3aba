package dev.openuapi.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.openuapi.support.PackagedApp;
import dev.openuapi.support.Uapi;
import io.restassured.http.ContentType;

/**
 * Two instances of the packaged application on one database, as a Deployment with two replicas runs
 * them: both start at once on an empty database (Flyway migrates once, under its lock), a token made
 * through one works on the other, concurrent last-use writes from both never fail a request, and a token
 * revoked through one is refused by the other within a second (there is no cache to go stale).
 */
class MultiReplicaIT {

    private static final String DATABASE = "openuapi_replicas_h";
    private static final String ROOT_PASSWORD = "replica-root-password";
    private static final List<PackagedApp> REPLICAS = new ArrayList<>();

    @BeforeAll
    static void startTwoReplicasAtOnce() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
        REPLICAS.add(start("a"));
        REPLICAS.add(start("b"));
        for (PackagedApp replica : REPLICAS) {
            replica.awaitReady();
        }
    }

    @AfterAll
    static void stop() {
        REPLICAS.forEach(r -> r.process().destroy());
    }

    @Test
    void aTokenRevokedOnOneReplicaIsRefusedByTheOtherWithinASecond() throws Exception {
        PackagedApp a = REPLICAS.get(0);
        PackagedApp b = REPLICAS.get(1);
        given().auth().preemptive().basic("root", ROOT_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", "replica", "password", "replica-password", "domain", "replica.example", "contact_email",
                        "owner@replica.example"))
                .post(a.url("/api/v1/accounts")).then().statusCode(201);
        String token = given().auth().preemptive().basic("replica", "replica-password").contentType(ContentType.JSON)
                .body(Map.of("name", "shared")).post(b.url("/api/v1/tokens")).then().statusCode(201).extract().path("token");

        // Both replicas serve the token; concurrent requests on both write last use without conflict.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            PackagedApp target = REPLICAS.get(i % 2);
            calls.add(pool.submit(() -> given().header("Authorization", "cpanel replica:" + token)
                    .get(target.url("/execute/Tokens/list")).then().statusCode(200).extract().asString()));
        }
        for (Future<String> call : calls) {
            assertEquals(List.of("shared"), Uapi.success(call.get()).get("data").findValuesAsText("name"), "served, and the token is listed");
        }
        pool.shutdown();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + DATABASE, "root", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT t.last_used_at, t.last_used_ip FROM api_token t JOIN account a ON a.id = t.account_id"
                        + " WHERE a.username = 'replica' AND t.name = 'shared'")) {
            assertTrue(rs.next());
            assertTrue(rs.getLong(1) > 0, "last use recorded");
            assertEquals("127.0.0.1", rs.getString(2));
        }

        given().auth().preemptive().basic("replica", "replica-password").delete(a.url("/api/v1/tokens/shared")).then().statusCode(204);
        long revokedAt = System.nanoTime();
        int status;
        do {
            status = given().header("Authorization", "cpanel replica:" + token).get(b.url("/execute/Tokens/list")).then().extract()
                    .statusCode();
        } while (status != 401 && System.nanoTime() - revokedAt < 1_000_000_000L);
        long millis = (System.nanoTime() - revokedAt) / 1_000_000;
        System.out.println("[multi-replica] revoked on " + a.name() + ", refused by " + b.name() + " after " + millis + " ms");
        assertEquals(401, status, "the other replica still accepted the revoked token after 1 s");

        for (PackagedApp replica : REPLICAS) {
            String log = Files.readString(replica.log(), StandardCharsets.UTF_8);
            assertFalse(log.contains("Could not record the last use"), replica.name() + ": a last-use write failed");
            assertFalse(log.contains(token), replica.name() + ": the token was logged");
        }
    }

    private static PackagedApp start(String name) throws IOException {
        return PackagedApp.start("replica-" + name, PackagedApp.freePort(), PackagedApp.freePort(), DATABASE,
                List.of("-Dopenuapi.root-password=" + ROOT_PASSWORD, "-Dopenuapi.cphulk.enabled=false"));
    }
}
