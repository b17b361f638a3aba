package dev.openuapi.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class CrossSiteIT extends CrossSiteTest {
}
