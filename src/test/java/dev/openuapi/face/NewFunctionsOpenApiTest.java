package dev.openuapi.face;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14 §3's functions (Mysql rename_database, Email get_disk_usage, Bandwidth, LastLogin, Locale, Themes,
 * UserManager, CacheBuster, Stats) are in the OpenAPI document: GET and POST, cPanel's parameters in order with the
 * required ones marked, and an example answer in the UAPI envelope.
 */
@QuarkusTest
class NewFunctionsOpenApiTest {

    /** function → its parameters, in declaration order; a name ending in * is required. */
    static final Map<String, List<String>> FUNCTIONS = Map.ofEntries(
            Map.entry("Mysql/rename_database", List.of("oldname*", "newname*")),
            Map.entry("Email/get_disk_usage", List.of("domain*", "user*")),
            Map.entry("Bandwidth/query", List.of("grouping*", "interval", "domains", "protocols", "start", "end", "timezone")),
            Map.entry("Bandwidth/get_retention_periods", List.of()),
            Map.entry("LastLogin/get_last_or_current_logged_in_ip", List.of()),
            Map.entry("Locale/get_attributes", List.of("attributes")),
            Map.entry("Locale/list_locales", List.of()),
            Map.entry("Locale/set_locale", List.of("locale*")),
            Map.entry("Themes/list", List.of("show_mail_themes")),
            Map.entry("Themes/get_theme_base", List.of()),
            Map.entry("Themes/update", List.of("theme*")),
            Map.entry("UserManager/list_users", List.of("flat")),
            Map.entry("UserManager/lookup_service_account", List.of("full_username*", "type*")),
            Map.entry("CacheBuster/read", List.of()),
            Map.entry("CacheBuster/update", List.of()),
            Map.entry("Stats/list_sites", List.of("engine*", "traffic")));

    @Test
    void eachIsDocumentedWithItsParametersAndAnExample() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (Map.Entry<String, List<String>> function : FUNCTIONS.entrySet()) {
            String op = "paths.'/execute/" + function.getKey() + "'";
            assertNotNull(doc.get(op + ".post"), function.getKey() + " has a POST");
            List<String> names = function.getValue().stream().map(n -> n.replace("*", "")).toList();
            List<String> documented = doc.getList(op + ".get.parameters.name");
            assertEquals(names, documented == null ? List.of() : documented, function.getKey());
            for (int i = 0; i < names.size(); i++) {
                assertEquals(function.getValue().get(i).endsWith("*"), doc.getBoolean(op + ".get.parameters[" + i + "].required"),
                        function.getKey() + " " + names.get(i));
            }
            String json = op + ".get.responses.'200'.content.'application/json'";
            Map<String, Object> example = doc.getMap(json + ".example");
            assertNotNull(example, function.getKey() + " has an example answer");
            assertEquals(1, example.get("status"), function.getKey());
            assertTrue(example.containsKey("data"), function.getKey());
            assertNotNull(doc.get(json + ".schema.properties.data"), function.getKey());
        }
        assertEquals("[{interval=5min, retention=2678400}]",
                doc.getList("paths.'/execute/Bandwidth/get_retention_periods'.get.responses.'200'.content.'application/json'.example.data")
                        .toString());
    }
}
