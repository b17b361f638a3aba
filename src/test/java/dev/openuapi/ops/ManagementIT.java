package dev.openuapi.ops;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ManagementIT extends ManagementTest {
}
