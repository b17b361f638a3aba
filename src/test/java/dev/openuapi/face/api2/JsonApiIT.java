package dev.openuapi.face.api2;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class JsonApiIT extends JsonApiTest {
}
