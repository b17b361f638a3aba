package dev.openuapi.domain;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MainDomainChangeTest} against the packaged application. */
@QuarkusIntegrationTest
class MainDomainChangeIT extends MainDomainChangeTest {
}
