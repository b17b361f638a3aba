package dev.openuapi.face;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class OpenApiIT extends OpenApiTest {
}
