package dev.openuapi.whm;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every WHM API 1 function checks its ACL: a token without it is refused, a token with only it gets past
 * the check. The function-to-ACL table comes from the running server's OpenAPI document (built from the
 * registry), and the README's table must say the same.
 */
@QuarkusTest
class AclMatrixTest {

    private static final Pattern DECLARED = Pattern.compile("Needs the WHM privilege \\(ACL\\): (?:`([a-z-]+)`|none)");
    private static final Pattern README_ROW = Pattern.compile("^\\| `([a-z_]+)` \\| (?:`([a-z-]+)`|none) \\|", Pattern.MULTILINE);
    /** A real ACL that gates nothing in OpenUAPI: a token holding only it may call no ACL-gated function. */
    private static final String UNRELATED = "ssl-info";

    static Map<String, String> aclsFromOpenApi() {
        JsonNode paths = Fixtures.json(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString())
                .get("paths");
        Map<String, String> acls = new TreeMap<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/json-api/") && !path.startsWith("/json-api/cpanel")) {
                Matcher m = DECLARED.matcher(paths.get(path).get("get").get("description").textValue());
                assertTrue(m.find(), path + " documents no ACL");
                acls.put(path.substring("/json-api/".length()), m.group(1) == null ? "any" : m.group(1));
            }
        });
        return acls;
    }

    @Test
    void theReadmeTableMatchesTheRegistry() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Map<String, String> documented = new TreeMap<>();
        Matcher row = README_ROW.matcher(readme.substring(readme.indexOf("<!-- acl-table -->"), readme.indexOf("<!-- /acl-table -->")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2) == null ? "any" : row.group(2));
        }
        assertEquals(aclsFromOpenApi(), documented);
    }

    @Test
    void everyFunctionIsRefusedWithoutItsAclAndReachableWithIt() {
        Map<String, String> acls = aclsFromOpenApi();
        assertTrue(acls.size() >= 20, acls.toString());
        String unrelated = Whm.rootToken(UNRELATED);
        Map<String, String> tokenFor = new HashMap<>();
        for (Map.Entry<String, String> entry : acls.entrySet()) {
            String function = entry.getKey();
            String acl = entry.getValue();
            String without = Whm.reason(Whm.withToken("root", unrelated), function, Map.of());
            if (acl.equals("any")) {
                assertFalse(without.startsWith("Permission denied"), function + ": " + without);
            } else {
                assertEquals("Permission denied: “" + function + "” needs the “" + acl + "” privilege.", without, function);
            }
            String with = tokenFor.computeIfAbsent(acl, a -> a.equals("any") ? unrelated : Whm.rootToken(a));
            String reason = Whm.reason(Whm.withToken("root", with), function, Map.of());
            assertFalse(reason.startsWith("Permission denied"), function + " with " + acl + ": " + reason);
        }
    }
}
