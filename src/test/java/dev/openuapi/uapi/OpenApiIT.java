package dev.openuapi.uapi;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class OpenApiIT extends OpenApiTest {
}
