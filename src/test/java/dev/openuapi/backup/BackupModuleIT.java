package dev.openuapi.backup;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class BackupModuleIT extends BackupModuleTest {
}
