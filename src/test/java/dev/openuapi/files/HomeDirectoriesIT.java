package dev.openuapi.files;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** HomeDirectoriesTest against the packaged application, which runs on this machine too: the homes it reports are readable here. */
@QuarkusIntegrationTest
class HomeDirectoriesIT extends HomeDirectoriesTest {
}
