package dev.openuapi.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * WHM API 0 calls for tests, sent the way cPanel's older clients and billing systems send them: {@code POST
 * /json-api/<function>} with the arguments as a form body and no {@code api.version} (FOSSBilling's Whm.php,
 * CpanelInc/xmlapi-php's {@code xmlapi_query}), authenticated with {@code Authorization: WHM user:token}.
 */
public final class Whm0 {

    private Whm0() {
    }

    /** {@code Authorization: WHM user:token}, the header Whm.php and xmlapi.php send (upper-case scheme). */
    public static RequestSpecification withToken(String user, String token) {
        return given().header("Authorization", "WHM " + user + ":" + token);
    }

    /** The raw answer body; every WHM answer is HTTP 200. */
    public static String call(RequestSpecification as, String function, Map<String, ?> args) {
        RequestSpecification request = as.contentType(ContentType.URLENC);
        if (!args.isEmpty()) {
            request = request.formParams(args);
        }
        return request.post("/json-api/" + function).then().statusCode(200).extract().asString();
    }

    public static JsonNode json(RequestSpecification as, String function, Map<String, ?> args) {
        return Fixtures.json(call(as, function, args));
    }
}
