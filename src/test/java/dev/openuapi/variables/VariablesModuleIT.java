package dev.openuapi.variables;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class VariablesModuleIT extends VariablesModuleTest {
}
