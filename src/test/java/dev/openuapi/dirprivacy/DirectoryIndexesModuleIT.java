package dev.openuapi.dirprivacy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DirectoryIndexesModuleIT extends DirectoryIndexesModuleTest {
}
