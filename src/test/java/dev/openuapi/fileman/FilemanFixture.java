package dev.openuapi.fileman;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Uapi;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A test account (username prefix fm) with a token, and UAPI Fileman calls as it. */
record FilemanFixture(String username, String password, String token) {

    static FilemanFixture newAccount() {
        String username = "fm" + Fixtures.randomSuffix(10);
        String password = "pw-" + Fixtures.randomSuffix(16);
        String domain = username + ".example";
        asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "domain", domain, "contact_email", "owner@" + domain))
                .post("/api/v1/accounts").then().statusCode(201);
        String token = given().auth().preemptive().basic(username, password).contentType(ContentType.JSON).body(Map.of("name", "fm"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        return new FilemanFixture(username, password, token);
    }

    /** The same account on a plan with a disk quota of {@code megabytes}. */
    static FilemanFixture withDiskQuota(int megabytes) {
        FilemanFixture account = newAccount();
        String plan = "fm-plan-" + Fixtures.randomSuffix(8);
        asRoot().contentType(ContentType.JSON).body(Map.of("name", plan, "disk_quota_mb", megabytes)).post("/api/v1/plans").then().statusCode(201);
        Map<String, Object> body = new HashMap<>();
        body.put("plan", plan);
        asRoot().contentType(ContentType.JSON).body(body).put("/api/v1/accounts/" + account.username() + "/plan").then().statusCode(200);
        return account;
    }

    RequestSpecification request() {
        return given().header("Authorization", "cpanel " + username + ":" + token);
    }

    /** The raw body of a GET. */
    String get(String function, Map<String, ?> args) {
        return request().queryParams(args).get("/execute/Fileman/" + function).then().statusCode(200).extract().asString();
    }

    /** The raw body of a form POST. */
    String post(String function, Map<String, ?> args) {
        return request().contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(args).post("/execute/Fileman/" + function).then()
                .statusCode(200).extract().asString();
    }

    JsonNode ok(String function, Map<String, ?> args) {
        return Uapi.success(get(function, args)).get("data");
    }

    /** The real home directory, as the API reports it (the directory that holds public_html). */
    Path home() {
        JsonNode info = ok("get_file_information", Map.of("path", "public_html"));
        return Path.of(info.get("absdir").textValue());
    }
}
