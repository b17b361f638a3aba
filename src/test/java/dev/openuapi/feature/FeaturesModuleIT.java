package dev.openuapi.feature;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class FeaturesModuleIT extends FeaturesModuleTest {
}
