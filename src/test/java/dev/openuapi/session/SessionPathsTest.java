package dev.openuapi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.openuapi.face.Face;

/** The pieces of a session that need no server: the token in a path ({@link Face#sessionPath}) and the secrets' shapes. */
class SessionPathsTest {

    @Test
    void theTokenIsThePathsFirstSegmentOfDigits() {
        Face.SessionPath under = Face.sessionPath("/cpsess1234567890/execute/Tokens/list");
        assertEquals("1234567890", under.securityToken());
        assertEquals("/execute/Tokens/list", under.rest());
        assertEquals("/cpsess1234567890", under.prefix());
        assertEquals("/", Face.sessionPath("/cpsess1234567890").rest());
        assertEquals("/", Face.sessionPath("/cpsess1234567890/").rest());
        assertEquals("/json-api/cpanel", Face.sessionPath("/cpsess1/cpsess2/json-api/cpanel").rest(), "several in a row all go");
        assertEquals("1", Face.sessionPath("/cpsess1/cpsess2/json-api/cpanel").securityToken(), "the first counts");
        for (String notOne : new String[] { "/execute/Tokens/list", "/cpsess", "/cpsess/execute", "/cpsessabc/execute", "/cpsess12a/x",
                "/cpsess123456789012345678901/x", "/x/cpsess1234567890/execute", "cpsess1/x" }) {
            assertNull(Face.sessionPath(notOne), notOne);
        }
        assertEquals(Face.UAPI, Face.of(Face.sessionPath("/cpsess1234567890/execute/Tokens/list").rest()));
    }

    @Test
    void secretsHaveCpanelsShapesAndAreFresh() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String cookie = SessionSecrets.newCookieSecret("alice");
            assertTrue(cookie.matches("alice:[A-Za-z0-9_-]{32}"), cookie);
            assertTrue(seen.add(cookie));
            String token = SessionSecrets.newSecurityToken();
            assertTrue(token.matches("\\d{10}"), token);
        }
        String login = SessionSecrets.newLoginString("bob");
        assertTrue(login.matches("bob:[A-Za-z0-9_-]{24}:create_user_session,[0-9a-f]{16}"), login);
        assertEquals("bob%3A" + login.substring(4, 28) + "%3Acreate_user_session%2C" + login.substring(login.indexOf(',') + 1),
                SessionSecrets.encode(login));
    }

    @Test
    void aPresentedValueIsReadEncodedOrNot() {
        SessionSecrets.Presented plain = SessionSecrets.parse("alice:secret").orElseThrow();
        SessionSecrets.Presented encoded = SessionSecrets.parse("alice%3asecret").orElseThrow();
        assertEquals("alice", plain.user());
        assertEquals(plain, encoded);
        assertEquals(plain.hash(), encoded.hash());
        assertEquals(64, plain.hash().length());
        assertNotEquals(plain.hash(), SessionSecrets.parse("alice:secreT").orElseThrow().hash());
        for (String bad : new String[] { "", "alice", ":secret", "alice:", "%zz", "x".repeat(201) }) {
            assertTrue(SessionSecrets.parse(bad).isEmpty(), bad);
        }
        assertTrue(SessionSecrets.sameToken("1234567890", "1234567890"));
        assertTrue(!SessionSecrets.sameToken("1234567890", "1234567891") && !SessionSecrets.sameToken("1234567890", null));
    }
}
