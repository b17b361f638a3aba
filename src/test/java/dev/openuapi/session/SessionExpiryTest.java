package dev.openuapi.session;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Sessions;
import dev.openuapi.support.Sessions.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A session's two ends (issue 14 §1), with small timeouts: unused for {@code idle-timeout} (2 s) it ends, and
 * {@code absolute-timeout} (8 s) after its login it ends however much it is used. The stored last use may lag a
 * quarter of the idle timeout and half a second, so a session ends between 2 and 3 s without use; never before 2 s.
 */
@QuarkusTest
@TestProfile(SessionExpiryTest.ShortSessions.class)
class SessionExpiryTest {

    public static class ShortSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openuapi.sessions.idle-timeout", "2s", "openuapi.sessions.absolute-timeout", "8s");
        }
    }

    @Test
    void aSessionUnusedForTheIdleTimeoutEnds() throws InterruptedException {
        TestAccount alice = Fixtures.newAccount();
        Session session = Sessions.login(alice.username(), alice.password());
        call(session).then().statusCode(200);
        Thread.sleep(1200);
        call(session).then().statusCode(200); // used within the idle timeout: it lives on
        Thread.sleep(1200);
        call(session).then().statusCode(200); // 2.4 s after the login, but 1.2 s after its last use
        Thread.sleep(4000);
        call(session).then().statusCode(401).body(equalTo("Access denied\n"));
        call(session).then().statusCode(401); // and it stays ended
    }

    @Test
    void aSessionEndsAtItsAbsoluteTimeoutEvenWhileItIsUsed() throws InterruptedException {
        TestAccount alice = Fixtures.newAccount();
        long start = System.currentTimeMillis();
        Session session = Sessions.login(alice.username(), alice.password());
        while (System.currentTimeMillis() - start < 7000) {
            call(session).then().statusCode(200);
            Thread.sleep(500);
        }
        while (System.currentTimeMillis() - start < 9500) {
            Thread.sleep(200);
        }
        call(session).then().statusCode(401);
    }

    @Test
    void createUserSessionsUrlLogsInOnlyWithinTheIdleTimeout() throws InterruptedException {
        TestAccount alice = Fixtures.newAccount();
        String url = CreateUserSessionTest.create(alice.username(), "cpaneld").get("url").textValue();
        Thread.sleep(3500);
        CreateUserSessionTest.open(url).then().statusCode(401);
    }

    private static io.restassured.response.Response call(Session session) {
        return session.withCookie().get(session.under(SessionLoginTest.UAPI));
    }
}
