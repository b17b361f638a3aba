package dev.openuapi.email;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class EmailCountPopsIT extends EmailCountPopsTest {
}
