package dev.openuapi.mysql;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class MysqlServerInformationIT extends MysqlServerInformationTest {
}
