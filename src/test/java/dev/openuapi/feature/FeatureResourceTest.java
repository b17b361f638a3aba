package dev.openuapi.feature;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.test.junit.QuarkusTest;

/** {@code GET /api/v1/features}: the account's enabled features with their plain-language names (the token page's labels). */
@QuarkusTest
class FeatureResourceTest {

    @Test
    void listsTheAccountsFeaturesWithTheirLabels() {
        TestAccount alice = newAccount();
        alice.withPassword().get("/api/v1/features").then().statusCode(200)
                .body("find { it.name == 'zoneedit' }.label", equalTo("Zone Editor"))
                .body("find { it.name == 'mysql' }.label", equalTo("MySQL Databases"));
        // an operator takes a feature away: it is no longer offered
        asRoot().contentType("application/json").body(Map.of("features", List.of("apitokens", "zoneedit")))
                .patch("/api/v1/accounts/" + alice.username()).then().statusCode(200);
        alice.withPassword().get("/api/v1/features").then().statusCode(200).body("name", not(hasItem("mysql")))
                .body("name", hasItem("zoneedit"));
        given().get("/api/v1/features").then().statusCode(401).contentType("application/problem+json");
    }
}
