package dev.openuapi.session;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SessionLoginIT extends SessionLoginTest {
}
