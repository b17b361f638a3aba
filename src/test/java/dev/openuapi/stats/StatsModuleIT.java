package dev.openuapi.stats;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class StatsModuleIT extends StatsModuleTest {
}
