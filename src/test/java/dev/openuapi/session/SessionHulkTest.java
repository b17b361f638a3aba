package dev.openuapi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.openuapi.hulk.HulkService;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.FromAddress;
import dev.openuapi.support.FromAddress.Answer;
import dev.openuapi.support.Sessions;
import dev.openuapi.support.Sessions.Session;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Session logins count for cPHulk like every other login (issue 14 §1, spec §11): failed password logins on
 * {@code /login/}, and cookies with a security token that is not theirs. Through the trusted proxy (127.0.0.2), so
 * {@code X-Forwarded-For} names the attacker; each test cleans up as HulkTest does.
 */
@QuarkusTest
class SessionHulkTest {

    @Inject
    HulkService hulk;

    @AfterEach
    void cleanUp() {
        hulk.flushHistory();
        hulk.resetSettings();
    }

    private static Answer login(String client, String user, String password) throws IOException {
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&pass=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return FromAddress.send(FromAddress.PROXY, "POST", "/login/?login_only=1",
                Map.of("X-Forwarded-For", client, "Content-Type", "application/x-www-form-urlencoded"), form);
    }

    @Test
    void fiveWrongPasswordsOnTheLoginFormBlockTheAddressEvenForTheRightOne() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        String attacker = "198.51.100.41";
        Answer wrong = login(attacker, alice.username(), "wrong-0");
        assertEquals(401, wrong.status());
        for (int i = 1; i < 4; i++) {
            assertEquals(401, login(attacker, alice.username(), "wrong-" + i).status());
        }
        assertEquals(200, login(attacker, alice.username(), alice.password()).status(), "four failures: not blocked yet");
        assertEquals(401, login(attacker, alice.username(), "wrong-4").status());

        Answer blocked = login(attacker, alice.username(), alice.password());
        assertEquals(401, blocked.status(), "the right password is refused");
        assertEquals(wrong.body(), blocked.body(), "exactly cPanel's failed login");
        assertNotNull(blocked.header("Retry-After"));
        assertNull(blocked.header("Set-Cookie"));
        assertNull(wrong.header("Retry-After"));
        assertEquals(200, login("198.51.100.42", alice.username(), alice.password()).status(), "other addresses are not blocked");
    }

    @Test
    void wrongSecurityTokensWithAValidCookieBlockTheAddress() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        Session session = Sessions.login(alice.username(), alice.password());
        String attacker = "198.51.100.43";
        Map<String, String> cookie = Map.of("Cookie", "cpsession=" + session.cookieValue());
        String right = session.under(SessionLoginTest.UAPI);
        assertEquals(200, FromAddress.get(attacker, right, cookie).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, FromAddress.get(attacker, "/cpsess000000000" + i + SessionLoginTest.UAPI, cookie).status());
        }
        Answer blocked = FromAddress.get(attacker, right, cookie);
        assertEquals(401, blocked.status(), "the right token is refused");
        assertTrue(Long.parseLong(blocked.header("Retry-After")) > 0);
    }

    @Test
    void aCookieWithoutATokenIsNoLoginAttempt() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        Session session = Sessions.login(alice.username(), alice.password());
        String client = "198.51.100.44";
        Map<String, String> cookie = Map.of("Cookie", "cpsession=" + session.cookieValue());
        for (int i = 0; i < 8; i++) {
            assertEquals(401, FromAddress.get(client, SessionLoginTest.UAPI, cookie).status());
        }
        assertEquals(200, FromAddress.get(client, session.under(SessionLoginTest.UAPI), cookie).status(), "not counted, not blocked");
    }
}
