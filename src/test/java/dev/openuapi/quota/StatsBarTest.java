package dev.openuapi.quota;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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
 * UAPI StatsBar::get_stats: usage rows against the plan, and the server rows clients read value from. Row and field
 * names follow spec §9.1 row 29 and cPanel's example row (DiskUsageTest); whole percents and "unlimited" are OpenUAPI's
 * own reading of cPanel's rows.
 */
@QuarkusTest
class StatsBarTest {

    @Test
    void rowsInTheOrderAskedWithValuesAndLimits() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String plan = "stats-" + Fixtures.randomSuffix(8);
        asRoot().contentType(ContentType.JSON).body(Map.of("name", plan, "max_databases", 4, "disk_quota_mb", 200)).post("/api/v1/plans")
                .then().statusCode(201);
        asRoot().contentType(ContentType.JSON).body(Map.of("plan", plan)).put("/api/v1/accounts/" + alice.username() + "/plan").then()
                .statusCode(200);
        // the metering agent's measurement of the home (its databases add nothing: the one made below has no table)
        asRoot().contentType(ContentType.JSON).body(Map.of("disk_used_bytes", 50L * 1024 * 1024))
                .put("/api/v1/accounts/" + alice.username() + "/usage").then().statusCode(200);
        Uapi.success(alice.withToken(token).formParam("name", alice.username() + "_s").post("/execute/Mysql/create_database").asString());

        JsonNode rows = Uapi.success(alice.withToken(token).urlEncodingEnabled(false)
                .get("/execute/StatsBar/get_stats?display=cpanelversion%7Cdiskusage%7Csqldatabases%7Cnosuchrow%7Cftpaccounts%7Chostname")
                .asString()).get("data");
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add(r.get("name").textValue()));
        assertEquals(List.of("cpanelversion", "diskusage", "sqldatabases", "ftpaccounts", "hostname"), names);
        assertEquals("11.120.0.16", rows.get(0).get("value").textValue()); // openuapi.server.cpanel-version's default
        JsonNode disk = rows.get(1);
        // cPanel's diskusage row (DiskUsageTest.STATSBAR_REFERENCE): _count/_max in MB with two decimals, count/max for people
        assertEquals("50 MB", disk.get("count").textValue());
        assertEquals("200 MB", disk.get("max").textValue());
        assertEquals("50.00", disk.get("_count").textValue());
        assertEquals("200.00", disk.get("_max").textValue());
        assertEquals("Disk Space Usage", disk.get("item").textValue());
        assertEquals("Quota", disk.get("module").textValue());
        assertEquals(25, disk.get("percent").intValue());
        assertEquals("MB", disk.get("units").textValue());
        JsonNode dbs = rows.get(2);
        assertEquals("1", dbs.get("count").textValue());
        assertEquals("4", dbs.get("max").textValue());
        assertEquals(0, dbs.get("is_maxed").intValue());
        assertEquals("unlimited", rows.get(3).get("max").textValue());
        assertEquals(false, rows.get(4).get("value").textValue().isEmpty());
        // cPanel's wording for a missing required argument (spec §6.3)
        Uapi.failure(alice.withToken(token).get("/execute/StatsBar/get_stats").asString(), "Provide the “display” argument.");
        Uapi.success(alice.withToken(token).formParam("name", alice.username() + "_s").post("/execute/Mysql/delete_database").asString());
    }
}
