package dev.openuapi.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12 row 12 ({@code curl -sI $B/q/swagger-ui/}): Swagger UI and the OpenAPI document cannot be framed by
 * another site; the cPanel faces' answers keep their headers.
 */
@QuarkusTest
class FramingTest {

    @Test
    void swaggerUiAndTheOpenApiDocumentRefuseToBeFramed() {
        for (String path : new String[] { "/q/swagger-ui/", "/q/swagger-ui/index.html", "/q/openapi", "/q/openapi?format=json" }) {
            given().get(path).then().statusCode(200).header("X-Frame-Options", equalTo("DENY"))
                    .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"));
        }
        // The token page keeps its own, stricter policy, which already forbids framing.
        given().get("/tokens/").then().statusCode(200).header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
        // A cPanel answer is unchanged.
        given().get("/execute/Tokens/list").then().statusCode(401).header("X-Frame-Options", nullValue());
    }
}
