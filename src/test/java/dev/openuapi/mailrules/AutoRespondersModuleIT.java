package dev.openuapi.mailrules;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class AutoRespondersModuleIT extends AutoRespondersModuleTest {
}
