package dev.openuapi.support;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.specification.RequestSpecification;

/** WHM API 1 calls for tests: the raw body, or its JSON. */
public final class Whm {

    private Whm() {
    }

    public static RequestSpecification withToken(String user, String token) {
        return given().header("Authorization", "whm " + user + ":" + token);
    }

    /** Calls {@code /json-api/<function>?api.version=1}; every WHM answer is HTTP 200. */
    public static String call(RequestSpecification as, String function, Map<String, ?> args) {
        return as.queryParam("api.version", "1").queryParams(args).get("/json-api/" + function).then().statusCode(200).extract().asString();
    }

    public static JsonNode json(RequestSpecification as, String function, Map<String, ?> args) {
        return Fixtures.json(call(as, function, args));
    }

    /** The call's {@code metadata.reason}, asserting nothing about success. */
    public static String reason(RequestSpecification as, String function, Map<String, ?> args) {
        return json(as, function, args).get("metadata").get("reason").textValue();
    }

    /** A new root WHM token with these ACLs (none: all of root's); returns its value. */
    public static String rootToken(String... acls) {
        return token(asRoot(), acls);
    }

    public static String token(RequestSpecification as, String... acls) {
        return namedToken(as, "t" + Fixtures.randomSuffix(10), acls);
    }

    /** A new WHM token of the caller's named {@code name}, with these ACLs (none: all of the caller's); returns its value. */
    public static String namedToken(RequestSpecification as, String name, String... acls) {
        RequestSpecification request = as.queryParam("api.version", "1").queryParam("token_name", name);
        for (int i = 0; i < acls.length; i++) {
            request = request.queryParam("acl-" + i, acls[i]);
        }
        JsonNode created = Fixtures.json(request.get("/json-api/api_token_create").then().statusCode(200).extract().asString());
        if (created.get("metadata").get("result").intValue() != 1) {
            throw new AssertionError("api_token_create failed: " + created);
        }
        return created.get("data").get("token").textValue();
    }

    /** A new account made a reseller (owning itself) by root, with these ACLs. */
    public static Fixtures.TestAccount reseller(String... acls) {
        Fixtures.TestAccount reseller = Fixtures.newAccount();
        if (!"OK".equals(reason(asRoot(), "setupreseller", Map.of("user", reseller.username(), "makeowner", "1")))) {
            throw new AssertionError("setupreseller failed for " + reseller.username());
        }
        Map<String, String> setacls = new java.util.HashMap<>(Map.of("reseller", reseller.username()));
        for (String acl : acls) {
            setacls.put("acl-" + acl, "1");
        }
        if (!"OK".equals(reason(asRoot(), "setacls", setacls))) {
            throw new AssertionError("setacls failed for " + reseller.username());
        }
        return reseller;
    }

    public static List<String> names(JsonNode array, String field) {
        return array.findValuesAsText(field);
    }
}
