package dev.openuapi.email;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class EmailModuleIT extends EmailModuleTest {
}
