package dev.openuapi.whm;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Whm;
import dev.openuapi.support.Whm0;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The OpenAPI document lists the WHM API 0 functions as such (issue 15 §1): a path of their own beside WHM API 1's
 * ({@code /json-api/<function>;api=0}, the path-parameter technique of the API 2 paths), an operationId of their own,
 * API 0's argument names and an example in API 0's shape.
 */
@QuarkusTest
class Whm0OpenApiTest {

    /** The WHM API 0 functions of issue 15 §1 that this branch has (setsiteip, saveacllist and listacls come with theirs). */
    static final List<String> API0_FUNCTIONS = List.of("version", "gethostname", "listpkgs", "addpkg", "editpkg", "killpkg", "createacct",
            "accountsummary", "listaccts", "suspendacct", "unsuspendacct", "removeacct", "changepackage", "passwd", "modifyacct",
            "setupreseller", "unsetupreseller", "setacls", "saveacllist", "listacls", "setsiteip");

    @Test
    void everyApi0FunctionHasItsOwnOperation() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        for (String function : API0_FUNCTIONS) {
            String api0 = "paths.'/json-api/" + function + ";api=0'.get";
            assertTrue(paths.containsKey("/json-api/" + function + ";api=0"), function + " is listed as WHM API 0");
            assertEquals("whm0_" + function, doc.getString(api0 + ".operationId"));
            assertEquals(doc.getString("paths.'/json-api/" + function + "'.get.tags[0]").replace("WHM API 1 ", "WHM API 0 "),
                    doc.getString(api0 + ".tags[0]"), "API 0's tag is its API 1 group's");
            assertFalse(doc.getList(api0 + ".parameters.name").contains("api.version"), "WHM API 0 sends no api.version");
            assertEquals("whm_" + function, doc.getString("paths.'/json-api/" + function + "'.get.operationId"), "WHM API 1's is kept");
        }
        assertFalse(paths.containsKey("/json-api/listips;api=0"), "a WHM API 1-only function is not listed as API 0");

        List<String> ids = doc.getList("paths.collect { it.value.collect { it.value.operationId } }.flatten()");
        Set<String> unique = new HashSet<>(ids);
        List<String> repeated = ids.stream().filter(java.util.Objects::nonNull).filter(id -> java.util.Collections.frequency(ids, id) > 1).distinct().toList();
        assertEquals(List.of(), repeated, "no two operations share an operationId");

        // API 0's argument names: passwd's pass (WHM API 1: password), killpkg's pkg (WHM API 1: pkgname).
        assertEquals(List.of("user", "pass", "db_pass_update", "enabledigest", "digestauth"),
                doc.getList("paths.'/json-api/passwd;api=0'.get.parameters.name"));
        assertEquals(List.of("user", "password"), doc.getList("paths.'/json-api/passwd'.get.parameters.name").subList(1, 3));
        assertEquals(List.of("pkg"), doc.getList("paths.'/json-api/killpkg;api=0'.get.parameters.name"));
        // The example rendered through API 0's envelope: cPanel's version example, {"version":"11.120.0.16"}.
        assertEquals(Map.of("version", "11.120.0.16"),
                doc.getMap("paths.'/json-api/version;api=0'.get.responses.'200'.content.'application/json'.example"));
    }

    @Test
    void theDocumentedPathAnswers() {
        String body = Whm0.call(Whm0.withToken("root", Whm.rootToken()), "version;api=0", Map.of());
        assertEquals(List.of("version"), List.copyOf(Fixtures.json(body).properties().stream().map(Map.Entry::getKey).toList()), body);
    }
}
