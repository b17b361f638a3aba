package dev.openuapi.quota;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An account's real disk use (src/docs/disk-usage.md): the files in its home, its mail under {@code mail/}, and its
 * databases, as Quota::get_quota_info, Quota::get_local_quota_info, ResourceUsage::get_usages and StatsBar::get_stats
 * report it. Files are written straight into the account's home, as mail delivery or FTP would, so OpenUAPI sees them
 * only when it measures the home: when no figure is stored, when it is older than the rescan interval, or when asked to
 * ({@code POST /api/v1/accounts/{user}/usage/measure}).
 */
@QuarkusTest
public class DiskUsageTest {

    static final long MIB = 1024L * 1024L;

    /** cPanel's Quota::get_local_quota_info example (api.docs.cpanel.net, Quota get_local_quota_info): four integers. */
    static final String LOCAL_QUOTA_REFERENCE = "{\"byte_limit\":262144000,\"bytes_used\":4149284,\"inode_limit\":0,\"inodes_used\":1035}";

    /**
     * cPanel's StatsBar::get_stats example row for diskusage (api-evangelist/cpanel openapi/cpanel-statsbar-api-openapi.yml):
     * {"_count":"1.75","_max":"1024.00","_maxed":0,"count":"1.75 MB","id":"diskusage","is_maxed":0,"item":"Disk Space Usage",
     * "max":"1 GB","module":"Quota","name":"diskusage","percent":0,"phrase":"Disk Space Usage","units":"MB","zeroisunlimited":1,…}
     */
    static final Map<String, Object> STATSBAR_REFERENCE = Map.of("_count", "1.75", "_max", "1024.00", "count", "1.75 MB", "max", "1 GB",
            "item", "Disk Space Usage", "module", "Quota", "phrase", "Disk Space Usage", "units", "MB", "is_maxed", 0, "zeroisunlimited", 1);

    /** An account whose name has this helper's prefix, with a token. */
    public record Owner(TestAccount account, String token) {
    }

    public static Owner newOwner() {
        String username = "us" + Fixtures.randomSuffix(10);
        String password = "pw-" + Fixtures.randomSuffix(16);
        String domain = username + ".example";
        asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "domain", domain, "contact_email", "owner@" + domain))
                .post("/api/v1/accounts").then().statusCode(201);
        TestAccount account = new TestAccount(username, password, domain);
        return new Owner(account, account.newToken());
    }

    static JsonNode uapi(Owner owner, String path) {
        return Uapi.success(owner.account().withToken(owner.token()).get(path).then().statusCode(200).extract().asString()).get("data");
    }

    /**
     * The account's real home: the operator's measurement names it (Variables::get_user_information still shows
     * clients /home/<user>), and in tests it must be under the test profile's target/test-homes/<uuid>.
     */
    static Path home(Owner owner) {
        Path home = Path.of(measure(owner).get("home").textValue());
        assertTrue(home.toString().contains("/target/test-homes/"), home.toString());
        return home;
    }

    static void write(Path file, long bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[(int) bytes]);
    }

    static JsonNode measure(Owner owner) {
        return Fixtures.json(asRoot().post("/api/v1/accounts/" + owner.account().username() + "/usage/measure").then().statusCode(200)
                .extract().asString());
    }

    public static void plan(Owner owner, Long diskQuotaMb) {
        String name = "us-plan-" + Fixtures.randomSuffix(8);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (diskQuotaMb != null) {
            body.put("disk_quota_mb", diskQuotaMb);
        }
        asRoot().contentType(ContentType.JSON).body(body).post("/api/v1/plans").then().statusCode(201);
        asRoot().contentType(ContentType.JSON).body(Map.of("plan", name)).put("/api/v1/accounts/" + owner.account().username() + "/plan")
                .then().statusCode(200);
    }

    static long localBytesUsed(Owner owner) {
        return uapi(owner, "/execute/Quota/get_local_quota_info").get("bytes_used").longValue();
    }

    static JsonNode row(JsonNode rows, String key, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.get(key).textValue())) {
                return row;
            }
        }
        throw new AssertionError("no " + value + " in " + rows);
    }

    @Test
    void filesAndMailInTheHomeAreTheAccountsDiskUse() throws IOException {
        Owner owner = newOwner();
        plan(owner, 1024L);
        Path home = home(owner);
        // 1.75 MiB in all, as in cPanel's StatsBar example: a page, and a message in a mailbox under mail/
        write(home.resolve("public_html/index.html"), MIB + 512 * 1024);
        write(home.resolve("mail/" + owner.account().domain() + "/info/cur/1700000000.M1.host:2,S"), 256 * 1024);

        JsonNode measured = measure(owner);
        assertEquals(7 * MIB / 4, measured.get("home_bytes").longValue());
        assertEquals(0, measured.get("database_bytes").longValue());
        assertEquals(7 * MIB / 4, measured.get("disk_used_bytes").longValue());
        assertEquals(1024 * MIB, measured.get("disk_limit_bytes").longValue());

        JsonNode local = uapi(owner, "/execute/Quota/get_local_quota_info");
        JsonNode reference = Fixtures.json(LOCAL_QUOTA_REFERENCE);
        assertEquals(names(reference), names(local), "cPanel's fields, in cPanel's order");
        local.forEach(v -> assertTrue(v.isIntegralNumber(), local.toString()));
        assertEquals(7 * MIB / 4, local.get("bytes_used").longValue());
        assertEquals(1024 * MIB, local.get("byte_limit").longValue());

        // cPanel's Quota::get_quota_info example: {"inode_limit":0,"inodes_remain":0,"inodes_used":1035,"megabyte_limit":0,
        // "megabytes_remain":0,"megabytes_used":5.46,"under_inode_limit":0,"under_megabyte_limit":1,"under_quota_overall":1}
        JsonNode quota = uapi(owner, "/execute/Quota/get_quota_info");
        assertEquals(1.75, quota.get("megabytes_used").doubleValue());
        assertTrue(quota.get("megabytes_used").isNumber());
        assertEquals(1024, quota.get("megabyte_limit").intValue());
        assertEquals(1022.25, quota.get("megabytes_remain").doubleValue());
        assertEquals(1, quota.get("under_megabyte_limit").intValue());

        // cPanel's ResourceUsage::get_usages row: {"id":"disk_usage","description":…,"usage":<int>,"maximum":<int|null>,
        // "formatter":"format_bytes","url":…,"error":null}
        JsonNode disk = row(uapi(owner, "/execute/ResourceUsage/get_usages"), "id", "disk_usage");
        assertEquals(7 * MIB / 4, disk.get("usage").longValue());
        assertTrue(disk.get("usage").isIntegralNumber());
        assertEquals(1024 * MIB, disk.get("maximum").longValue());
        assertEquals("format_bytes", disk.get("formatter").textValue());

        JsonNode statsRow = uapi(owner, "/execute/StatsBar/get_stats?display=diskusage").get(0);
        for (Map.Entry<String, Object> field : STATSBAR_REFERENCE.entrySet()) {
            assertEquals(String.valueOf(field.getValue()), statsRow.get(field.getKey()).asText(), field.getKey() + " in " + statsRow);
        }
    }

    @Test
    void theStoredFigureIsUsedUntilTheHomeIsMeasuredAgain() throws IOException {
        Owner owner = newOwner();
        Path home = home(owner);
        write(home.resolve("public_html/first.bin"), 10_000);
        assertEquals(0, localBytesUsed(owner), "the figure stored when the home was last measured");
        assertEquals(10_000, measure(owner).get("home_bytes").longValue());
        assertEquals(10_000, localBytesUsed(owner));
        // written behind OpenUAPI's back (as FTP would): not walked again on each call
        write(home.resolve("public_html/second.bin"), 5_000);
        assertEquals(10_000, localBytesUsed(owner));
        assertEquals(15_000, measure(owner).get("home_bytes").longValue());
        assertEquals(15_000, localBytesUsed(owner));
        // unlimited: cPanel's 0 for the limit
        assertEquals(0, uapi(owner, "/execute/Quota/get_local_quota_info").get("byte_limit").longValue());
        assertTrue(row(uapi(owner, "/execute/ResourceUsage/get_usages"), "id", "disk_usage").get("maximum").isNull());
    }

    @Test
    void theAccountsDatabasesCount() throws SQLException {
        Owner owner = newOwner();
        String database = owner.account().username() + "_data";
        long before = localBytesUsed(owner);
        Uapi.success(owner.account().withToken(owner.token()).formParam("name", database).post("/execute/Mysql/create_database").asString());
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `" + database + "`.`posts` (id INT PRIMARY KEY, body TEXT) ENGINE=InnoDB");
            s.execute("INSERT INTO `" + database + "`.`posts` VALUES (1, REPEAT('x', 5000)), (2, REPEAT('y', 5000))");
            s.execute("ANALYZE TABLE `" + database + "`.`posts`");
        }
        long databaseBytes = informationSchemaSize(database);
        assertTrue(databaseBytes > 0, "a table takes at least a page");

        assertEquals(before + databaseBytes, localBytesUsed(owner));
        assertEquals(databaseBytes, measure(owner).get("database_bytes").longValue());
        // the same figure as Mysql::list_databases' disk_usage
        assertEquals(databaseBytes, row(uapi(owner, "/execute/Mysql/list_databases"), "database", database).get("disk_usage").longValue());
        Uapi.success(owner.account().withToken(owner.token()).formParam("name", database).post("/execute/Mysql/delete_database").asString());
        assertEquals(before, localBytesUsed(owner));
    }

    @Test
    void theMeteringAgentsDiskFigureIsTheHomesSize() throws IOException {
        Owner owner = newOwner();
        plan(owner, 100L);
        String usage = "/api/v1/accounts/" + owner.account().username() + "/usage";
        // the agent measured the home (files and mail), for example from the file system's quota: it replaces OpenUAPI's figure
        asRoot().contentType(ContentType.JSON).body(Map.of("disk_used_bytes", 52_848_230L)).put(usage).then().statusCode(200)
                .body("disk_used_bytes", equalTo(52_848_230));
        assertEquals(52_848_230L, localBytesUsed(owner));
        assertEquals(50.4, uapi(owner, "/execute/Quota/get_quota_info").get("megabytes_used").doubleValue());
        // a bandwidth-only report leaves it, and answers with the stored figure
        asRoot().contentType(ContentType.JSON).body(Map.of("bandwidth_used_bytes", 7L)).put(usage).then().statusCode(200)
                .body("disk_used_bytes", equalTo(52_848_230));
        // a walk of the home replaces it again: the new home is empty
        assertEquals(0, measure(owner).get("home_bytes").longValue());
        assertEquals(0, localBytesUsed(owner));
        asRoot().contentType(ContentType.JSON).body(Map.of("disk_used_bytes", -1)).put(usage).then().statusCode(400);
        // over the quota: cPanel's flags say so
        asRoot().contentType(ContentType.JSON).body(Map.of("disk_used_bytes", 200 * MIB)).put(usage).then().statusCode(200);
        JsonNode over = uapi(owner, "/execute/Quota/get_quota_info");
        assertEquals(200, over.get("megabytes_used").intValue());
        assertEquals(0, over.get("megabytes_remain").intValue());
        assertEquals(0, over.get("under_megabyte_limit").intValue());
        assertEquals(0, over.get("under_quota_overall").intValue());
        asRoot().post("/api/v1/accounts/no-such-user/usage/measure").then().statusCode(404);
    }

    static long informationSchemaSize(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                PreparedStatement s = c.prepareStatement(
                        "SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.TABLES WHERE table_schema = ?")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
