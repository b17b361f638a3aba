package dev.openuapi.face;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class NewFunctionsOpenApiIT extends NewFunctionsOpenApiTest {
}
