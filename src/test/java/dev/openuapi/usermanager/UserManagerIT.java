package dev.openuapi.usermanager;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class UserManagerIT extends UserManagerTest {
}
