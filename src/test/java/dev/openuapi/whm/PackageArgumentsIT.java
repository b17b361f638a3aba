package dev.openuapi.whm;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class PackageArgumentsIT extends PackageArgumentsTest {
}
