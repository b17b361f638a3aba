package dev.openuapi.fileman;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class FilemanModuleIT extends FilemanModuleTest {
}
