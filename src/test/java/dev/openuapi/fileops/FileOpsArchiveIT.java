package dev.openuapi.fileops;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class FileOpsArchiveIT extends FileOpsArchiveTest {
}
