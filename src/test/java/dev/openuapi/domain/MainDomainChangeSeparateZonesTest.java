package dev.openuapi.domain;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.openuapi.support.PowerDns;
import dev.openuapi.support.TestConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link MainDomainChangeTest} with PowerDNS's tables in a database of their own ({@code openuapi.dns.database}): they are
 * reached through the same datasource, so the zone's rename is in the same transaction as the rest, and a failure after
 * it undoes it there too ({@code aFailureAfterTheZoneIsRenamedUndoesEverything}). PowerDNS reads that database.
 */
@QuarkusTest
@TestProfile(MainDomainChangeSeparateZonesTest.ZoneDatabase.class)
class MainDomainChangeSeparateZonesTest extends MainDomainChangeTest {

    /** Beside the test database, as in {@code dns.SeparateZoneDatabaseTest}, under a name of its own. */
    static final String DATABASE = TestConfig.databaseName() + "_mdzones";

    public static class ZoneDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openuapi.dns.database", DATABASE);
        }
    }

    @BeforeAll
    static void servesTheZoneDatabase() throws Exception {
        pdns.close();
        pdns = PowerDns.start(DATABASE);
    }

    @AfterAll
    static void dropZoneDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }
}
