package dev.openuapi.feature;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/** UAPI {@code Features::has_feature} and {@code list_features}. */
@QuarkusTest
class FeaturesModuleTest {

    @Test
    void hasFeatureAnswersOneZeroOrNull() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens", "cron")));

        JsonNode enabled = Uapi.success(alice.withToken(token).queryParam("name", "cron").get("/execute/Features/has_feature").asString());
        assertTrue(enabled.get("data").isInt() && enabled.get("data").intValue() == 1);
        assertTrue(enabled.get("messages").isNull());

        JsonNode disabled = Uapi.success(alice.withToken(token).queryParam("name", "mysql").get("/execute/Features/has_feature").asString());
        assertEquals(0, disabled.get("data").intValue());
        // spec §9.1 row 45 (cPanel's source): 1, 0 with this message, or null; status 1 in all three cases
        assertEquals("The feature “mysql” exists but is not enabled.", disabled.get("messages").get(0).textValue());

        JsonNode unknown = Uapi.success(alice.withToken(token).queryParam("name", "teleport").get("/execute/Features/has_feature").asString());
        assertTrue(unknown.get("data").isNull());
    }

    @Test
    void hasFeatureWithoutANameFails() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        // spec §9.1 row 45: cPanel's message for a missing name
        Uapi.failure(alice.withToken(token).get("/execute/Features/has_feature").asString(), "You must specify a feature name.");
        Uapi.failure(alice.withToken(token).queryParam("name", "").get("/execute/Features/has_feature").asString(),
                "You must specify a feature name.");
    }

    @Test
    void listFeaturesMapsEveryKnownFeatureToOneOrZero() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Fixtures.patchAccount(alice.username(), Map.of("features", List.of("apitokens", "ftpaccts")));
        JsonNode root = Uapi.success(alice.withToken(token).get("/execute/Features/list_features").asString());
        JsonNode data = root.get("data");
        assertTrue(data.isObject());
        assertEquals("{}", root.get("metadata").toString(), "object data is not transformed");
        assertEquals(1, data.get("apitokens").intValue());
        assertEquals(1, data.get("ftpaccts").intValue());
        assertEquals(0, data.get("mysql").intValue());
        data.fields().forEachRemaining(e -> assertTrue(e.getValue().isInt()));
    }
}
