package dev.openuapi.lastlogin;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class LastLoginIT extends LastLoginTest {
}
