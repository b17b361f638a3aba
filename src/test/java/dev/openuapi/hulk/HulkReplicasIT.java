package dev.openuapi.hulk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.openuapi.support.FromAddress;
import dev.openuapi.support.PackagedApp;
import dev.openuapi.support.TestConfig;

/**
 * Two packaged instances on one database, behind a round-robin "proxy" (the test alternates between them and
 * sends X-Forwarded-For from 127.0.0.2, which both trust): five failures spread over both block the address on
 * both within a second, as one instance would; a restarted instance still refuses the blocked address.
 */
class HulkReplicasIT {

    private static final String ROOT_PASSWORD = "hulk-replica-root-password";
    private static final List<PackagedApp> REPLICAS = new ArrayList<>();
    private static String database;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        database = TestConfig.databaseName() + "_hulk";
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
        REPLICAS.add(start("a", PackagedApp.freePort(), PackagedApp.freePort()));
        REPLICAS.get(0).awaitReady(); // one migrates first: quicker on two shared cores
        REPLICAS.add(start("b", PackagedApp.freePort(), PackagedApp.freePort()));
        REPLICAS.get(1).awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        REPLICAS.forEach(r -> r.process().destroy());
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int status(PackagedApp replica, String client, String password) throws IOException {
        return FromAddress.get(replica.port(), client, "/api/v1/accounts", basic("root", password)).status();
    }

    @Test
    void fiveFailuresSpreadOverTwoReplicasBlockOnBothWithinASecondAndARestartKeepsTheBlock() throws Exception {
        String attacker = "203.0.113.44";
        PackagedApp a = REPLICAS.get(0);
        PackagedApp b = REPLICAS.get(1);
        assertEquals(200, status(a, attacker, ROOT_PASSWORD));
        // round robin: a, b, a, b, a. Neither replica saw five by itself.
        for (int i = 0; i < 5; i++) {
            assertEquals(401, status(REPLICAS.get(i % 2), attacker, "wrong-" + i));
        }
        long fifth = System.nanoTime();
        int onA;
        int onB;
        do {
            onA = status(a, attacker, ROOT_PASSWORD);
            onB = status(b, attacker, ROOT_PASSWORD);
        } while ((onA != 429 || onB != 429) && System.nanoTime() - fifth < 1_000_000_000L);
        long millis = (System.nanoTime() - fifth) / 1_000_000;
        System.out.println("[cphulk replicas] blocked on both replicas " + millis + " ms after the fifth failure");
        assertEquals(429, onA, "replica a did not block within 1 s");
        assertEquals(429, onB, "replica b did not block within 1 s");
        assertEquals(200, status(b, "203.0.113.45", ROOT_PASSWORD), "other addresses are served");

        // four more failures on a fresh address, two on each: not blocked anywhere (the same total as one replica)
        for (int i = 0; i < 4; i++) {
            assertEquals(401, status(REPLICAS.get(i % 2), "203.0.113.46", "again-" + i));
        }
        Thread.sleep(1500);
        assertEquals(200, status(a, "203.0.113.46", ROOT_PASSWORD));
        assertEquals(200, status(b, "203.0.113.46", ROOT_PASSWORD));

        // a restart keeps the block: the blocks are rows, loaded at start
        a.process().destroy();
        assertTrue(a.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        PackagedApp again = start("a2", a.port(), a.managementPort());
        REPLICAS.set(0, again);
        again.awaitReady();
        assertEquals(429, status(again, attacker, ROOT_PASSWORD), "still blocked after the restart");

        for (PackagedApp replica : REPLICAS) {
            String log = Files.readString(replica.log(), StandardCharsets.UTF_8);
            assertFalse(log.contains("wrong-"), replica.name() + ": a password was logged");
        }
        String logs = Files.readString(a.log()) + Files.readString(b.log());
        assertEquals(1, logs.lines().filter(l -> l.contains("cPHulk blocked " + attacker)).count(), "the block is logged once: " + logs);
    }

    private static PackagedApp start(String name, int port, int management) throws IOException {
        return PackagedApp.start("hulk-replica-" + name, port, management, database,
                List.of("-Dopenuapi.root-password=" + ROOT_PASSWORD, "-Dopenuapi.trusted-proxies=127.0.0.2"));
    }
}
