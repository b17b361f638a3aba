package dev.openuapi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void splitsOnTheFirstColon() {
        AuthorizationHeader h = AuthorizationHeader.parse("cpanel alice:AB:CD").orElseThrow();
        assertEquals(AuthorizationHeader.Scheme.CPANEL, h.scheme());
        assertEquals("alice", h.user());
        assertEquals("AB:CD", h.secret());
    }

    @Test
    void basicPasswordsKeepTheirSpaces() {
        String encoded = Base64.getEncoder().encodeToString("bob: pass word ".getBytes());
        AuthorizationHeader h = AuthorizationHeader.parse("basic " + encoded).orElseThrow();
        assertEquals("bob", h.user());
        assertEquals(" pass word ", h.secret());
    }

    @Test
    void malformedHeadersAreEmpty() {
        for (String bad : new String[] { null, "", "cpanel", "cpanel alice", "cpanel :TOKEN", "cpanel alice:", "Bearer x:y",
                "Basic %%%" }) {
            assertFalse(AuthorizationHeader.parse(bad).isPresent(), String.valueOf(bad));
        }
    }

    @Test
    void neverPrintsTheSecret() {
        assertFalse(AuthorizationHeader.parse("cpanel alice:SECRETSECRET").orElseThrow().toString().contains("SECRET"));
        assertTrue(AuthorizationHeader.parse("WHM root:x").isPresent());
    }
}
