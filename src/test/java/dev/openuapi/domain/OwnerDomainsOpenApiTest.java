package dev.openuapi.domain;

import static dev.openuapi.domain.OwnerDomainsTest.args;
import static dev.openuapi.domain.OwnerDomainsTest.assertSameShape;
import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document lists each domain function an account owner calls to add or remove domains, with cPanel's
 * parameters and an example answer; the example has the shape of a real answer, field by field.
 */
@QuarkusTest
class OwnerDomainsOpenApiTest {

    /**
     * Each function's parameters, in the order declared, and the set cPanel documents or reads for it. API 2:
     * api.docs.cpanel.net's API 2 pages plus what cPanel's Perl reads ({@code canoff}, {@code disallowdot} in
     * {@code Cpanel/SubDomain.pm}, {@code Cpanel/AddonDomain.pm}, {@code Cpanel/Park.pm}). UAPI: cPanel's UAPI
     * reference 11.138 (addsubdomain: since 70).
     */
    static final Map<String, List<String>> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("/execute/SubDomain/addsubdomain", List.of("rootdomain", "domain", "dir", "disallowdot", "canoff"));
        PARAMETERS.put("/execute/SubDomain/delsubdomain", List.of("domain", "disallowdot"));
        PARAMETERS.put("/execute/AddonDomain/addaddondomain", List.of("newdomain", "subdomain", "dir", "disallowdot", "force"));
        PARAMETERS.put("/execute/AddonDomain/deladdondomain", List.of("domain", "subdomain", "disallowdot"));
        PARAMETERS.put("/execute/Park/park", List.of("domain", "disallowdot", "force", "topdomain"));
        PARAMETERS.put("/execute/Park/unpark", List.of("domain", "subdomain"));
        PARAMETERS.put(api2("SubDomain", "addsubdomain"), List.of("rootdomain", "domain", "dir", "disallowdot", "canoff"));
        PARAMETERS.put(api2("SubDomain", "delsubdomain"), List.of("domain", "disallowdot"));
        PARAMETERS.put(api2("AddonDomain", "addaddondomain"), List.of("subdomain", "newdomain", "dir", "disallowdot"));
        PARAMETERS.put(api2("AddonDomain", "deladdondomain"), List.of("domain", "subdomain", "disallowdot"));
        PARAMETERS.put(api2("Park", "park"), List.of("domain", "topdomain", "disallowdot"));
        PARAMETERS.put(api2("Park", "unpark"), List.of("domain", "subdomain"));
    }

    static String api2(String module, String function) {
        return "/json-api/cpanel;module=" + module + ";func=" + function;
    }

    static JsonNode document() {
        return Fixtures.json(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }

    static JsonNode operation(JsonNode doc, String path) {
        JsonNode item = doc.get("paths").get(path);
        assertNotNull(item, path + " is documented");
        return item.get("get");
    }

    static JsonNode example(JsonNode operation) {
        JsonNode example = operation.get("responses").get("200").get("content").get("application/json").get("example");
        assertNotNull(example, "an example answer: " + operation);
        return example;
    }

    @Test
    void eachFunctionIsListedWithCpanelsParametersAndAnExampleAnswer() {
        JsonNode doc = document();
        for (Map.Entry<String, List<String>> function : PARAMETERS.entrySet()) {
            JsonNode operation = operation(doc, function.getKey());
            List<String> names = new ArrayList<>();
            operation.get("parameters").forEach(p -> names.add(p.get("name").textValue()));
            List<String> expected = new ArrayList<>(function.getValue());
            if (function.getKey().startsWith("/json-api/")) {
                expected.addAll(0, List.of("cpanel_jsonapi_module", "cpanel_jsonapi_func", "cpanel_jsonapi_apiversion"));
            }
            assertEquals(expected, names, function.getKey());
            assertTrue(operation.get("summary").textValue().length() > 0);
            example(operation);
        }
        // the required ones, as cPanel requires them
        JsonNode addon = operation(doc, "/execute/AddonDomain/addaddondomain");
        Set<String> required = new TreeSet<>();
        addon.get("parameters").forEach(p -> {
            if (p.path("required").asBoolean(false)) {
                required.add(p.get("name").textValue());
            }
        });
        assertEquals(Set.of("newdomain", "subdomain"), required);
        // the examples cPanel's own reference and recorded replies show (see OwnerDomainsTest.CPANEL)
        assertEquals("{\"domain\":\"addon.com\"}", example(addon).get("data").toString());
        assertEquals("addon.com was successfully parked on top of addon.example.com", example(operation(doc,
                api2("AddonDomain", "addaddondomain"))).get("cpanelresult").get("data").get(0).get("reason").textValue());
    }

    @Test
    void eachExampleHasTheShapeOfARealAnswer() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String addon = "ex-" + Fixtures.randomSuffix(8) + ".test";
        String alias = "ex-" + Fixtures.randomSuffix(8) + ".test";
        String key = "blog_" + alice.domain();
        List<Object[]> calls = List.of(
                new Object[] { "/execute/SubDomain/addsubdomain", args("domain", "blog", "rootdomain", alice.domain()) },
                new Object[] { "/execute/SubDomain/delsubdomain", args("domain", key) },
                new Object[] { api2("SubDomain", "addsubdomain"), args("domain", "blog", "rootdomain", alice.domain()) },
                new Object[] { api2("SubDomain", "delsubdomain"), args("domain", key) },
                new Object[] { "/execute/AddonDomain/addaddondomain", args("newdomain", addon, "subdomain", "ex") },
                new Object[] { "/execute/AddonDomain/deladdondomain", args("domain", addon, "subdomain", "ex_" + alice.domain()) },
                new Object[] { api2("AddonDomain", "addaddondomain"), args("newdomain", addon, "subdomain", "ex") },
                new Object[] { api2("AddonDomain", "deladdondomain"), args("domain", addon, "subdomain", "ex_" + alice.domain()) },
                new Object[] { "/execute/Park/park", args("domain", alias) },
                new Object[] { "/execute/Park/unpark", args("domain", alias) },
                new Object[] { api2("Park", "park"), args("domain", alias) },
                new Object[] { api2("Park", "unpark"), args("domain", alias) });
        JsonNode doc = document();
        for (Object[] call : calls) {
            String path = (String) call[0];
            @SuppressWarnings("unchecked")
            Map<String, String> arguments = (Map<String, String>) call[1];
            String body;
            if (path.startsWith("/execute/")) {
                body = alice.withToken(token).queryParams(arguments).get(path).then().statusCode(200).extract().asString();
            } else {
                String[] parts = path.substring(path.indexOf(";module=") + 8).split(";func=");
                body = alice.withToken(token).queryParam("cpanel_jsonapi_apiversion", "2").queryParam("cpanel_jsonapi_module", parts[0])
                        .queryParam("cpanel_jsonapi_func", parts[1]).queryParams(arguments).get("/json-api/cpanel").then().statusCode(200)
                        .extract().asString();
            }
            JsonNode live = Fixtures.json(body);
            JsonNode example = example(operation(doc, path));
            assertSameShape(example, live);
            assertTrue(example.toString().contains("\"status\":1") || example.toString().contains("\"result\":1"),
                    path + ": the example is a success: " + example);
            assertTrue(live.toString().contains("\"status\":1") || live.toString().contains("\"result\":1"), path + ": " + live);
        }
    }
}
