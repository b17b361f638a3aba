package dev.openuapi.whm;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class Whm0FossBillingIT extends Whm0FossBillingTest {
}
