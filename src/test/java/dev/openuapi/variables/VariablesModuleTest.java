package dev.openuapi.variables;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/** UAPI {@code Variables::get_user_information}: the issue's example call. */
@QuarkusTest
class VariablesModuleTest {

    @Test
    void returnsTheAccountsSettings() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode data = Uapi.success(alice.withToken(token).get("/execute/Variables/get_user_information").asString()).get("data");
        assertEquals(alice.username(), data.get("user").textValue());
        assertEquals(alice.domain(), data.get("domain").textValue());
        assertTrue(data.get("domains").isArray());
        assertEquals(alice.domain(), data.get("domains").get(0).textValue());
        assertEquals("owner@" + alice.domain(), data.get("contact_email").textValue());
        assertEquals("", data.get("contact_email_2").textValue());
        assertTrue(data.get("created").isIntegralNumber() && data.get("created").longValue() > 1_700_000_000L);
        assertTrue(data.get("last_modified").isIntegralNumber());
        assertEquals(0, data.get("demo_mode").intValue());
        assertEquals(1, data.get("feature").get("apitokens").intValue());
    }

    @Test
    void nameSelectsSettingsAndUnknownNamesAreNull() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode data = Uapi.success(alice.withToken(token).queryParam("name", "domain").queryParam("name-0", "shoe_size")
                .get("/execute/Variables/get_user_information").asString()).get("data");
        assertEquals(2, data.size());
        assertEquals(alice.domain(), data.get("domain").textValue());
        assertTrue(data.get("shoe_size").isNull());
    }
}
