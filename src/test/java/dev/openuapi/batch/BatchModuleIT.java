package dev.openuapi.batch;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class BatchModuleIT extends BatchModuleTest {
}
