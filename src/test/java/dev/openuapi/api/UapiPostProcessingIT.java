package dev.openuapi.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class UapiPostProcessingIT extends UapiPostProcessingTest {
}
