package dev.openuapi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.auth.TokenIdentityService.CachedToken;
import dev.openuapi.kernel.Principal;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.token.TokenValues;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The token snapshots' bulk refresh reads what the single read does, for each kind of hash: a token's current value, a
 * rotated token's previous value (its grace period in its expiry), and a hash of no token.
 */
@QuarkusTest
class TokenBulkReadTest {

    @Inject
    TokenIdentityService identity;

    @Test
    void theBulkReadAnswersEachHashAsTheSingleReadDoes() {
        TestAccount alice = Fixtures.newAccount();
        String plain = alice.newToken("plain");
        String old = alice.newToken("ci");
        String fresh = alice.withPassword().contentType(ContentType.JSON).body(Map.of("grace_seconds", 600)).post("/api/v1/tokens/ci/rotate")
                .then().statusCode(200).extract().path("token");
        Set<String> hashes = Set.of(TokenValues.hash(plain), TokenValues.hash(old), TokenValues.hash(fresh),
                TokenValues.hash("NOSUCHTOKEN0000000000000000000000"));

        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            Map<String, Optional<CachedToken<Principal>>> bulk = identity.loadCpanelAll(hashes);
            assertEquals(hashes, bulk.keySet());
            for (String hash : hashes) {
                assertEquals(identity.loadCpanel(hash), bulk.get(hash), hash);
            }
            assertTrue(bulk.get(TokenValues.hash("NOSUCHTOKEN0000000000000000000000")).isEmpty());
            CachedToken<Principal> previous = bulk.get(TokenValues.hash(old)).orElseThrow();
            CachedToken<Principal> current = bulk.get(TokenValues.hash(fresh)).orElseThrow();
            assertEquals(current.id(), previous.id(), "the previous value stands for the same token");
            assertTrue(previous.expiresAt() != null && current.expiresAt() == null, "the previous value ends with its grace period");
            assertEquals(alice.username(), bulk.get(TokenValues.hash(plain)).orElseThrow().owner().username());
        } finally {
            context.terminate();
        }
    }
}
