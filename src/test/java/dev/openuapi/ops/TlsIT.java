package dev.openuapi.ops;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class TlsIT extends TlsTest {
}
