package dev.openuapi.ssl;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SslModuleIT extends SslModuleTest {
}
