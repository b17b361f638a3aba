package dev.openuapi.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The keyed check in issued tokens (issue 13 §1). The expected values were computed apart from this code, with
 * Python's hmac module: {@code HMAC-SHA256(key, body)}'s first 8 bytes, big-endian, modulo 36⁶, in base 36.
 */
class TokenChecksTest {

    private static final String KEY = "test-only-token-check-key-0123456789abcdef";
    private static final String OTHER = "another-key-for-rotation-tests-0123456789";
    private static final String BODY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void theCheckIsTheKeyedChecksumOfTheBody() {
        TokenChecks checks = new TokenChecks(KEY, List.of());
        assertTrue(checks.passes(BODY + "ZPWBF4"));
        assertFalse(checks.passes(BODY + "ZPWBF5"));
        assertFalse(checks.passes(BODY + "HDKPQ2"), "the other key's check");
        assertEquals(Set.of("293c236888d9f95b"), checks.fingerprints(), "HMAC-SHA256(key, \"openuapi-token-check-fingerprint\"), 8 bytes");
    }

    @Test
    void issuedValuesLookLikeCpanelsAndPass() {
        TokenChecks checks = new TokenChecks(KEY, List.of());
        TokenChecks.Issued first = checks.issue();
        TokenChecks.Issued second = checks.issue();
        assertTrue(first.value().matches("[0-9A-Z]{32}"), first.value().length() + " characters");
        assertNotEquals(first.value(), second.value());
        assertTrue(checks.passes(first.value()));
        assertEquals("293c236888d9f95b", first.checkKey());
    }

    @Test
    void aRandomValueAlmostNeverPasses() {
        TokenChecks checks = new TokenChecks(KEY, List.of());
        int passed = 0;
        for (int i = 0; i < 20_000; i++) {
            passed += checks.passes(TokenValues.random(TokenValues.LENGTH)) ? 1 : 0;
        }
        assertEquals(0, passed, "one in 2.2 billion may pass");
        assertFalse(checks.passes(BODY.toLowerCase() + "ZPWBF4"), "lowercase is not a token");
        assertFalse(checks.passes(BODY + "ZPWBF"), "31 characters");
        assertFalse(checks.passes(BODY + "ZPWBF4A"), "33 characters");
    }

    @Test
    void rotationKeepsTokensOfThePreviousKey() {
        TokenChecks before = new TokenChecks(OTHER, List.of());
        String issuedBefore = before.issue().value();
        TokenChecks after = new TokenChecks(KEY, List.of(OTHER));
        assertTrue(after.passes(issuedBefore), "issued under the previous key");
        assertTrue(after.passes(BODY + "ZPWBF4"));
        assertEquals("293c236888d9f95b", after.issue().checkKey(), "new tokens use the current key");
        assertEquals(2, after.fingerprints().size());
        assertFalse(new TokenChecks(KEY, List.of()).passes(issuedBefore), "a key listed nowhere: known by hash only");
    }

    @Test
    void aShortKeyIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TokenChecks("too-short", List.of()));
        assertEquals("openuapi.tokens.check-key must be at least 32 characters long.", e.getMessage());
    }
}
