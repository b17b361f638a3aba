package dev.openuapi.domain;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class OwnerDomainsOpenApiIT extends OwnerDomainsOpenApiTest {
}
