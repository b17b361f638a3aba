package dev.openuapi.dirprivacy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DirectoryPathsIT extends DirectoryPathsTest {
}
