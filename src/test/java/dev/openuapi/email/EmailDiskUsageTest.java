package dev.openuapi.email;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.ShapeCheck;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * UAPI Email::get_disk_usage. cPanel's reference (api.docs.cpanel.net, Email get_disk_usage): the arguments
 * {@code domain} and {@code user}, both required, and
 * {"diskused":399.6,"domain":"example.com","login":"user@example.com","user":"user"} (diskused in MB, a number).
 * The mailbox's disk use is the metering agent's (PUT /api/v1/accounts/{user}/usage, "mailboxes").
 */
@QuarkusTest
class EmailDiskUsageTest {

    static final String REFERENCE = "{\"diskused\":399.6,\"domain\":\"example.com\",\"login\":\"user@example.com\",\"user\":\"user\"}";

    static String call(TestAccount account, String token, Map<String, String> args) {
        return account.withToken(token).queryParams(args).get("/execute/Email/get_disk_usage").then().statusCode(200).extract().asString();
    }

    @Test
    void theMailboxsDiskUse() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String address = "info@" + alice.domain();
        Uapi.success(alice.withToken(token).formParams(Map.of("email", "info", "password", "mail-pass-1")).post("/execute/Email/add_pop")
                .then().statusCode(200).extract().asString());
        JsonNode before = Uapi.success(call(alice, token, Map.of("domain", alice.domain(), "user", "info"))).get("data");
        ShapeCheck.sameShape(REFERENCE, before);
        assertEquals("{\"diskused\":0.0,\"domain\":\"" + alice.domain() + "\",\"login\":\"" + address + "\",\"user\":\"info\"}", before.toString());

        asRoot().contentType(ContentType.JSON).body(Map.of("mailboxes", Map.of(address, 419_011_789L)))
                .put("/api/v1/accounts/" + alice.username() + "/usage").then().statusCode(200);
        JsonNode after = Uapi.success(call(alice, token, Map.of("domain", alice.domain(), "user", "info"))).get("data");
        assertEquals(399.6, after.get("diskused").doubleValue(), "419 011 789 bytes are 399.6 MB");
        assertEquals(address, after.get("login").textValue());
    }

    @Test
    void refusals() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.failure(call(alice, token, Map.of()), "Provide the “domain” and “user” arguments.");
        Uapi.failure(call(alice, token, Map.of("domain", alice.domain(), "user", "nobody")), "The email account “nobody” does not exist.");
        TestAccount bob = newAccount();
        Uapi.success(bob.withToken(bob.newToken()).formParams(Map.of("email", "info", "password", "mail-pass-1")).post("/execute/Email/add_pop")
                .then().statusCode(200).extract().asString());
        Uapi.failure(call(alice, token, Map.of("domain", bob.domain(), "user", "info")), "The email account “info” does not exist.");
    }
}
