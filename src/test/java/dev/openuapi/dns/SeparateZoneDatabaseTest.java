package dev.openuapi.dns;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.PowerDns;
import dev.openuapi.support.TestConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With {@code openuapi.dns.database} set, zones live in that database, and a PowerDNS reading it serves them. */
@QuarkusTest
@TestProfile(SeparateZoneDatabaseTest.ZoneDatabase.class)
class SeparateZoneDatabaseTest {

    /** Beside the test database (openuapi_test_zones by default), so checkouts running at once do not share it. */
    static final String DATABASE = TestConfig.databaseName() + "_zones";

    public static class ZoneDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openuapi.dns.database", DATABASE);
        }
    }

    @Inject
    DataSource dataSource;

    @AfterAll
    static void dropZoneDatabase() throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    @Test
    void zonesGoToTheConfiguredDatabaseAndPowerDnsServesThemFromThere() throws Exception {
        TestAccount alice = newAccount();
        assertEquals(1, zones(DATABASE, alice.domain()));
        assertEquals(0, zones(TestConfig.databaseName(), alice.domain()), "nothing in OpenUAPI's own copy of the tables");
        try (PowerDns pdns = PowerDns.start(DATABASE)) {
            assertEquals("192.0.2.1", pdns.query(alice.domain() + ".", Type.A).records().get(0).rdataToString());
        }
        String token = alice.newToken();
        String body = alice.withToken(token).queryParam("cpanel_jsonapi_module", "ZoneEdit").queryParam("cpanel_jsonapi_func", "fetchzones")
                .get("/json-api/cpanel").asString();
        assertEquals(true, body.contains("\"" + alice.domain() + "\":["), body);
    }

    private int zones(String database, String name) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM `" + database + "`.domains WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
