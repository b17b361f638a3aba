package dev.openuapi.dns;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    @Inject
    ZoneStore store;

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

    /**
     * The zone database's tables, made at startup from V2's PowerDNS part, are the ones Flyway made from V2
     * in OpenUAPI's own database: the same columns and the same indexes. Made again, nothing changes.
     */
    @Test
    void theZoneDatabaseHasV2sPowerDnsTablesAndMakingThemAgainChangesNothing() throws Exception {
        List<String> own = schema(TestConfig.databaseName());
        List<String> zones = schema(DATABASE);
        assertEquals(own, zones);
        assertTrue(zones.stream().anyMatch(line -> line.equals("records index nametype_index 1 name non-unique")), zones.toString());
        assertTrue(zones.stream().anyMatch(line -> line.equals("domains index name_index 1 name unique")), zones.toString());
        assertEquals(7, zones.stream().map(line -> line.split(" ")[0]).distinct().count(), "PowerDNS 4's seven tables: " + zones);
        store.createSchema(null);
        assertEquals(zones, schema(DATABASE));
    }

    /** Columns and index parts of PowerDNS's tables in {@code database}, one line each, sorted. */
    private List<String> schema(String database) throws Exception {
        List<String> lines = new ArrayList<>();
        String tables = "('domains','records','supermasters','comments','domainmetadata','cryptokeys','tsigkeys')";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT table_name, column_name, column_type, is_nullable, column_default, character_set_name "
                    + "FROM information_schema.columns WHERE table_schema = '" + database + "' AND table_name IN " + tables)) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " column " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                            + rs.getString(5) + " " + rs.getString(6));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT table_name, index_name, seq_in_index, column_name, non_unique "
                    + "FROM information_schema.statistics WHERE table_schema = '" + database + "' AND table_name IN " + tables)) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " index " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4) + " "
                            + (rs.getInt(5) == 0 ? "unique" : "non-unique"));
                }
            }
        }
        Collections.sort(lines);
        return lines;
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
