package dev.openuapi.dirprivacy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DirectoryProtectionModuleIT extends DirectoryProtectionModuleTest {
}
