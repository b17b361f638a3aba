package dev.openuapi.variables;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI {@code Variables::get_user_information}: the issue's example call. Keys and their types follow spec §9.1
 * rows 30-31 (maximum_* an int or "unlimited"); "default" as the plan of an account on none, demo_mode 0 and
 * contact_email_2 "" are OpenUAPI's own values.
 */
@QuarkusTest
class VariablesModuleTest {

    @Test
    void returnsTheAccountsSettings() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode data = Uapi.success(alice.withToken(token).get("/execute/Variables/get_user_information").asString()).get("data");
        assertEquals(alice.username(), data.get("user").textValue());
        assertEquals(alice.domain(), data.get("domain").textValue());
        assertTrue(data.get("domains").isArray());
        assertEquals(alice.domain(), data.get("domains").get(0).textValue());
        assertEquals("owner@" + alice.domain(), data.get("contact_email").textValue());
        assertEquals("", data.get("contact_email_2").textValue());
        assertTrue(data.get("created").isIntegralNumber() && data.get("created").longValue() > 1_700_000_000L);
        assertTrue(data.get("last_modified").isIntegralNumber());
        assertEquals(0, data.get("demo_mode").intValue());
        assertEquals(1, data.get("feature").get("apitokens").intValue());
    }

    @Test
    void nameSelectsSettingsAndUnknownNamesAreNull() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode data = Uapi.success(alice.withToken(token).queryParam("name", "domain").queryParam("name-0", "shoe_size")
                .get("/execute/Variables/get_user_information").asString()).get("data");
        assertEquals(2, data.size());
        assertEquals(alice.domain(), data.get("domain").textValue());
        assertTrue(data.get("shoe_size").isNull());
    }

    @Test
    void limitsComeFromThePlan() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode unlimited = Uapi.success(alice.withToken(token).get("/execute/Variables/get_user_information").asString()).get("data");
        assertEquals("unlimited", unlimited.get("maximum_databases").textValue());
        assertEquals("default", unlimited.get("plan").textValue());
        assertEquals(0, unlimited.get("disk_block_limit").intValue());
        // the real home, <openuapi.homes.root>/<user>, with cPanel's layout on this machine's disk
        java.nio.file.Path home = java.nio.file.Path.of(unlimited.get("home").textValue());
        assertEquals(alice.username(), home.getFileName().toString());
        assertTrue(java.nio.file.Files.isDirectory(home.resolve("public_html")), home + " has no public_html");
        String plan = "vars-" + dev.openuapi.support.Fixtures.randomSuffix(8);
        dev.openuapi.support.Fixtures.asRoot().contentType("application/json")
                .body(java.util.Map.of("name", plan, "max_databases", 3, "disk_quota_mb", 10)).post("/api/v1/plans").then().statusCode(201);
        dev.openuapi.support.Fixtures.asRoot().contentType("application/json").body(java.util.Map.of("plan", plan))
                .put("/api/v1/accounts/" + alice.username() + "/plan").then().statusCode(200);
        JsonNode limited = Uapi.success(alice.withToken(token).get("/execute/Variables/get_user_information").asString()).get("data");
        assertTrue(limited.get("maximum_databases").isInt());
        assertEquals(3, limited.get("maximum_databases").intValue());
        assertEquals(plan, limited.get("plan").textValue());
        assertEquals(10240, limited.get("disk_block_limit").intValue());
        assertEquals("unlimited", limited.get("maximum_subdomains").textValue());
    }

    @Test
    void serverInformationComesFromTheRealServer() {
        TestAccount alice = newAccount();
        JsonNode data = Uapi.success(alice.withPassword().get("/execute/Variables/get_server_information").asString()).get("data");
        assertTrue(data.get("mysql_version").textValue().contains("MariaDB"), data.toString());
        assertEquals("11.120.0.16", data.get("cpanel_version").textValue()); // openuapi.server.cpanel-version's default
        JsonNode one = Uapi.success(alice.withPassword().queryParam("name", "mysql_version")
                .get("/execute/Variables/get_server_information").asString()).get("data");
        assertEquals(1, one.size());
    }
}
