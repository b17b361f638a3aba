package dev.openuapi.backup;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class BackupRestoreIT extends BackupRestoreTest {
}
