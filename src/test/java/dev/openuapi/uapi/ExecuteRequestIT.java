package dev.openuapi.uapi;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ExecuteRequestIT extends ExecuteRequestTest {
}
