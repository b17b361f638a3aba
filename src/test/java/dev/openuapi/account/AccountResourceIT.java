package dev.openuapi.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class AccountResourceIT extends AccountResourceTest {
}
