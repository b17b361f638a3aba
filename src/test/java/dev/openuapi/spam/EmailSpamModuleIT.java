package dev.openuapi.spam;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class EmailSpamModuleIT extends EmailSpamModuleTest {
}
