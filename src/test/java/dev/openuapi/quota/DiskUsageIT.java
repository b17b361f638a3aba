package dev.openuapi.quota;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DiskUsageIT extends DiskUsageTest {
}
