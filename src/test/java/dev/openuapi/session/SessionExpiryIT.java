package dev.openuapi.session;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(SessionExpiryTest.ShortSessions.class)
class SessionExpiryIT extends SessionExpiryTest {
}
