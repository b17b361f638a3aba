package dev.openuapi.whm;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class WhmServerIT extends WhmServerTest {
}
