package dev.openuapi.face;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.openapi.runtime.io.Format;

/**
 * The OpenAPI document is built at its first request, not at start-up (issue 13), then answered from memory,
 * in the format Quarkus's own handler would have chosen.
 */
@QuarkusTest
class OpenApiDocumentCacheTest {

    @Inject
    OpenApiDocumentCache cache;

    @Test
    void pathIsQuarkussOwn() {
        assertEquals("/q/openapi", OpenApiDocumentCache.path("/", "q", "openapi"));
        assertEquals("/api/q/openapi", OpenApiDocumentCache.path("/api", "q", "openapi"));
        assertEquals("/internal/openapi", OpenApiDocumentCache.path("/api/", "/internal/", "openapi"));
        assertEquals("/openapi", OpenApiDocumentCache.path("/", "q", "/openapi/"));
    }

    @Test
    void eachFormatIsBuiltOnceAndServedAsQuarkusWould() {
        byte[] yaml = given().get("/q/openapi").then().statusCode(200)
                .header("Content-Type", equalTo("application/yaml;charset=UTF-8")).extract().asByteArray();
        byte[] json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .header("Content-Type", equalTo("application/json;charset=UTF-8")).extract().asByteArray();
        assertTrue(cache.built().containsAll(Set.of(Format.YAML, Format.JSON)));

        assertArrayEquals(yaml, given().get("/q/openapi.yaml").then().statusCode(200).extract().asByteArray());
        assertArrayEquals(yaml, given().get("/q/openapi.yml").then().statusCode(200).extract().asByteArray());
        assertArrayEquals(yaml, given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asByteArray());
        assertArrayEquals(json, given().get("/q/openapi.json").then().statusCode(200).extract().asByteArray());
        assertArrayEquals(json, given().header("Accept", "application/json").get("/q/openapi").then().statusCode(200)
                .extract().asByteArray());
        assertArrayEquals(json, given().queryParam("format", "JSON").get("/q/openapi").then().statusCode(200).extract().asByteArray());

        given().head("/q/openapi").then().statusCode(200).header("Content-Type", startsWith("application/yaml"));
        // OPTIONS is Quarkus's handler's, as before.
        given().options("/q/openapi").then().header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }
}
