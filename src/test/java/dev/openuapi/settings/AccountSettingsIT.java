package dev.openuapi.settings;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class AccountSettingsIT extends AccountSettingsTest {
}
