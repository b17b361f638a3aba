package dev.openuapi.domain;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.dns.ZoneService;
import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At start-up, an account without its main domain (made before domains existed) gets it and its zone; one query
 * finds such accounts, and none once every account has its main domain.
 */
@QuarkusTest
class DomainBackfillTest {

    @Inject
    DomainService service;
    @Inject
    AccountDomainRepository domains;
    @Inject
    ZoneService zones;

    @Test
    void anAccountWithoutItsMainDomainGetsItAndItsZone() {
        TestAccount account = newAccount();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> domains.accountsWithoutMainDomain().stream()
                .noneMatch(a -> a.username.equals(account.username()))));

        QuarkusTransaction.requiringNew().run(() -> domains.delete("name", account.domain()));
        zones.deleteZone(account.domain());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> domains.accountsWithoutMainDomain().stream()
                .anyMatch(a -> a.username.equals(account.username()))));
        assertFalse(zones.zoneExists(account.domain()));

        service.backfill(null);

        assertTrue(QuarkusTransaction.requiringNew().call(() -> domains.byName(account.domain()).isPresent()));
        assertTrue(zones.zoneExists(account.domain()));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> domains.accountsWithoutMainDomain().stream()
                .noneMatch(a -> a.username.equals(account.username()))));
    }
}
