package dev.openuapi.domain;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DomainInfoIT extends DomainInfoTest {
}
