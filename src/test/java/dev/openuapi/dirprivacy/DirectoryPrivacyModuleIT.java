package dev.openuapi.dirprivacy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DirectoryPrivacyModuleIT extends DirectoryPrivacyModuleTest {
}
