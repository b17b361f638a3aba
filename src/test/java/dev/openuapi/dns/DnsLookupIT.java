package dev.openuapi.dns;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class DnsLookupIT extends DnsLookupTest {
}
