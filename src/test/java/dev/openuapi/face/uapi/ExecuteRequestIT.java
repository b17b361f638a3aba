package dev.openuapi.face.uapi;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ExecuteRequestIT extends ExecuteRequestTest {
}
