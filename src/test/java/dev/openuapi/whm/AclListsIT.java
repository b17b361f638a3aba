package dev.openuapi.whm;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class AclListsIT extends AclListsTest {
}
