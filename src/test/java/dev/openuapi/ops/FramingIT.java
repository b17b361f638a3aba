package dev.openuapi.ops;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class FramingIT extends FramingTest {
}
