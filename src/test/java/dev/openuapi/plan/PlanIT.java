package dev.openuapi.plan;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class PlanIT extends PlanTest {
}
