package dev.openuapi.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class BatchModuleIT extends BatchModuleTest {
}
