package dev.openuapi.account;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.uniqueUsername;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The operator's account API ({@code /api/v1/accounts}). */
@QuarkusTest
class AccountResourceTest {

    @Test
    void createShowListAndDelete() {
        String username = uniqueUsername();
        asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "s3cret-pass", "domain", "Example-" + username + ".COM",
                        "contact_email", "owner@example.com"))
                .post("/api/v1/accounts").then().statusCode(201)
                .header("Location", containsString("/api/v1/accounts/" + username))
                .body("username", equalTo(username)).body("domain", equalTo("example-" + username + ".com"))
                .body("contact_email", equalTo("owner@example.com")).body("suspended", equalTo(false))
                .body("features", hasItem("apitokens")).body("$", not(org.hamcrest.Matchers.hasKey("password")))
                .body("created_at", org.hamcrest.Matchers.greaterThan(0));
        asRoot().get("/api/v1/accounts/" + username).then().statusCode(200).body("username", equalTo(username));
        asRoot().get("/api/v1/accounts").then().statusCode(200).body("username", hasItem(username));
        asRoot().delete("/api/v1/accounts/" + username).then().statusCode(204);
        asRoot().get("/api/v1/accounts/" + username).then().statusCode(404).contentType("application/problem+json");
        asRoot().delete("/api/v1/accounts/" + username).then().statusCode(404);
    }

    @Test
    void deletingAnAccountRevokesItsTokens() {
        TestAccount alice = Fixtures.newAccount();
        String token = alice.newToken();
        assertEquals(1, Uapi.success(alice.withToken(token).get("/execute/Tokens/list").asString()).get("data").size(), "the token works");
        asRoot().delete("/api/v1/accounts/" + alice.username()).then().statusCode(204);
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(401);
        // the name is free again, and old tokens do not come back with it
        asRoot().contentType(ContentType.JSON).body(Map.of("username", alice.username(), "password", "another-pass",
                "domain", alice.domain(), "contact_email", "x@example.com")).post("/api/v1/accounts").then().statusCode(201);
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(401);
    }

    @Test
    void invalidInputIsRefusedWithProblemJsonAndStoresNothing() {
        String username = uniqueUsername();
        Map<String, String> good = Map.of("username", username, "password", "s3cret-pass", "domain", "ok.example",
                "contact_email", "a@b.example");
        for (Map.Entry<String, String> bad : List.of(Map.entry("username", "Upper"), Map.entry("username", "1abc"),
                Map.entry("username", "a".repeat(17)), Map.entry("username", "root"), Map.entry("password", "short"),
                Map.entry("password", "x".repeat(73)), Map.entry("domain", "not a domain"), Map.entry("domain", "nodot"),
                Map.entry("contact_email", "not-an-email"))) {
            Map<String, String> body = new java.util.HashMap<>(good);
            body.put(bad.getKey(), bad.getValue());
            asRoot().contentType(ContentType.JSON).body(body).post("/api/v1/accounts").then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400));
        }
        asRoot().get("/api/v1/accounts/" + username).then().statusCode(404);
        asRoot().contentType(ContentType.JSON).body("[]").post("/api/v1/accounts").then().statusCode(400);
    }

    /** Issue 12 row 13: one address, no markup, on every way in; left out on create it means none. */
    @Test
    void contactEmailIsOnePlainAddressOrNone() {
        TestAccount alice = Fixtures.newAccount();
        for (String bad : List.of("<script>alert(1)</script>@x.com", "a@b.example, c@d.example", "\"quoted\"@x.com", "a b@x.com",
                "a@x.com\nBcc: b@y.com", "a@<b>.com", "a..b@x.com", ".a@x.com", "a@x", "a@-x.com")) {
            asRoot().contentType(ContentType.JSON).body(Map.of("contact_email", bad)).patch("/api/v1/accounts/" + alice.username())
                    .then().statusCode(400).contentType("application/problem+json");
        }
        asRoot().get("/api/v1/accounts/" + alice.username()).then().statusCode(200).body("contact_email", equalTo("owner@" + alice.domain()));
        String whm = asRoot().urlEncodingEnabled(false)
                .get("/json-api/modifyacct?api.version=1&user=" + alice.username() + "&contactemail=%3Cb%3Ex%3C%2Fb%3E%40x.com").asString();
        assertEquals(0, Fixtures.json(whm).get("metadata").get("result").intValue(), whm);
        asRoot().get("/api/v1/accounts/" + alice.username()).then().body("contact_email", equalTo("owner@" + alice.domain()));
        asRoot().contentType(ContentType.JSON).body(Map.of("contact_email", "first.last+tag@mail.example.com"))
                .patch("/api/v1/accounts/" + alice.username()).then().statusCode(200)
                .body("contact_email", equalTo("first.last+tag@mail.example.com"));

        String username = uniqueUsername();
        asRoot().contentType(ContentType.JSON).body(Map.of("username", username, "password", "s3cret-pass", "domain", username + ".example"))
                .post("/api/v1/accounts").then().statusCode(201).body("contact_email", equalTo(""));
    }

    @Test
    void duplicateUsernameIsAConflict() {
        TestAccount alice = Fixtures.newAccount();
        asRoot().contentType(ContentType.JSON).body(Map.of("username", alice.username(), "password", "s3cret-pass",
                "domain", "other.example", "contact_email", "a@b.example")).post("/api/v1/accounts").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void patchSuspendsChangesFeaturesEmailAndPassword() {
        TestAccount alice = Fixtures.newAccount();
        asRoot().contentType(ContentType.JSON).body(Map.of("suspended", true, "features", List.of("mysql", "apitokens"),
                "contact_email", "new@example.com")).patch("/api/v1/accounts/" + alice.username()).then().statusCode(200)
                .body("suspended", equalTo(true)).body("features", equalTo(List.of("apitokens", "mysql")))
                .body("contact_email", equalTo("new@example.com"));
        asRoot().contentType(ContentType.JSON).body(Map.of("features", List.of("nosuchfeature")))
                .patch("/api/v1/accounts/" + alice.username()).then().statusCode(400);
        asRoot().contentType(ContentType.JSON).body(Map.of("suspended", false, "password", "brand-new-password"))
                .patch("/api/v1/accounts/" + alice.username()).then().statusCode(200);
        alice.withPassword().get("/execute/Tokens/list").then().statusCode(401);
        Uapi.success(io.restassured.RestAssured.given().auth().preemptive().basic(alice.username(), "brand-new-password")
                .get("/execute/Variables/get_user_information").asString()); // the new password logs in, and the account is active again
        asRoot().contentType(ContentType.JSON).body(Map.of("suspended", true)).patch("/api/v1/accounts/nosuchuser")
                .then().statusCode(404);
    }
}
