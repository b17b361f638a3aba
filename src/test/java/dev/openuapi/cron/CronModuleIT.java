package dev.openuapi.cron;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class CronModuleIT extends CronModuleTest {
}
