package dev.openuapi.token;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class TokenResourceIT extends TokenResourceTest {
}
