package dev.openuapi.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Without a root password ({@code openuapi.root-password} unset, and an empty value counts as unset) the admin
 * API is off: every /api/v1 admin resource refuses, WHM API 1 refuses HTTP Basic as root (whatever the
 * password, the empty one included), and nothing is created.
 */
@QuarkusTest
@TestProfile(AdminApiDisabledTest.NoRootPassword.class)
class AdminApiDisabledTest {

    public static class NoRootPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the %test value in application.properties wins over an unprefixed key: empty both
            return Map.of("openuapi.root-password", "", "%test.openuapi.root-password", "");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    /** OpenUAPI's own wording, not cPanel's (OperatorAuthFilter). */
    static final String OPENUAPI_CHOICE_DISABLED = "The admin API is disabled: set OPENUAPI_ROOT_PASSWORD to enable it.";

    /** No credentials, the test profile's usual root password, and the empty password. */
    static List<Supplier<RequestSpecification>> callers() {
        return List.of(() -> given(), () -> given().auth().preemptive().basic("root", Fixtures.ROOT_PASSWORD),
                () -> given().auth().preemptive().basic("root", ""));
    }

    static void assertDisabled(Response response) {
        response.then().statusCode(403).contentType("application/problem+json");
        JsonNode problem = Fixtures.json(response.asString());
        assertEquals(403, problem.get("status").intValue(), problem.toString());
        assertEquals(OPENUAPI_CHOICE_DISABLED, problem.get("detail").textValue(), problem.toString());
    }

    static long rows(String sql, String value) throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(url, "root", ""); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theAccountsApiRefusesAndCreatesNothing() throws Exception {
        for (Supplier<RequestSpecification> caller : callers()) {
            String username = Fixtures.uniqueUsername();
            assertDisabled(caller.get().get("/api/v1/accounts"));
            assertDisabled(caller.get().contentType(ContentType.JSON).body(Map.of("username", username, "password", "pw-" + Fixtures.randomSuffix(12),
                    "domain", username + ".example", "contact_email", "owner@" + username + ".example")).post("/api/v1/accounts"));
            assertDisabled(caller.get().get("/api/v1/accounts/" + username + "/domains"));
            assertEquals(0, rows("SELECT COUNT(*) FROM account WHERE username = ?", username), "no account was created");
            assertEquals(0, rows("SELECT COUNT(*) FROM domains WHERE name = ?", username + ".example"), "no zone was created");
        }
    }

    @Test
    void thePlansApiRefusesAndCreatesNothing() throws Exception {
        for (Supplier<RequestSpecification> caller : callers()) {
            String name = "plan-" + Fixtures.randomSuffix(8);
            assertDisabled(caller.get().get("/api/v1/plans"));
            assertDisabled(caller.get().contentType(ContentType.JSON).body(Map.of("name", name, "max_databases", 1)).post("/api/v1/plans"));
            assertEquals(0, rows("SELECT COUNT(*) FROM plan WHERE name = ?", name), "no plan was created");
        }
    }

    @Test
    void whmApi1RefusesBasicAsRoot() throws Exception {
        for (Supplier<RequestSpecification> caller : callers()) {
            String username = Fixtures.uniqueUsername();
            for (Response response : List.of(caller.get().queryParam("api.version", "1").get("/json-api/listaccts"),
                    caller.get().queryParam("api.version", "1").queryParam("username", username).queryParam("domain", username + ".example")
                            .queryParam("password", "pw-" + Fixtures.randomSuffix(12)).get("/json-api/createacct"),
                    caller.get().queryParam("api.version", "1").queryParam("token_name", "t" + Fixtures.randomSuffix(8))
                            .get("/json-api/api_token_create"))) {
                // cpsrvd's answer on /json-api/ when the login fails (spec §2.5): 403 and "Access denied"
                response.then().statusCode(403);
                JsonNode result = Fixtures.json(response.asString()).get("cpanelresult");
                assertEquals("Access denied", result.get("error").textValue(), response.asString());
                assertEquals("0", result.get("data").get("result").textValue(), response.asString());
                assertFalse(response.asString().contains("OPENUAPI_ROOT_PASSWORD"), "WHM does not speak of our settings");
            }
            assertEquals(0, rows("SELECT COUNT(*) FROM account WHERE username = ?", username), "no account was created");
        }
        assertEquals(0, rows("SELECT COUNT(*) FROM whm_api_token WHERE owner = ?", "root"), "no root token was created");
    }
}
