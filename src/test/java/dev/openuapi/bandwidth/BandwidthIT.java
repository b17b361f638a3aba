package dev.openuapi.bandwidth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class BandwidthIT extends BandwidthTest {
}
