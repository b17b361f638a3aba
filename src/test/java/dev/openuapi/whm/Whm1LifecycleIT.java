package dev.openuapi.whm;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class Whm1LifecycleIT extends Whm1LifecycleTest {
}
