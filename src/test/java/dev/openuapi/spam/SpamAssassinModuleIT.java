package dev.openuapi.spam;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SpamAssassinModuleIT extends SpamAssassinModuleTest {
}
