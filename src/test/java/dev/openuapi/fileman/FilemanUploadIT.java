package dev.openuapi.fileman;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class FilemanUploadIT extends FilemanUploadTest {
}
