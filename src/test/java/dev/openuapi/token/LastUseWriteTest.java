package dev.openuapi.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.token.TokenRepository.Use;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The last-use write: many tokens' uses in one statement (issue 13), each row with its own time and address, and each
 * under its own condition, so that a token's row changes at most once a minute whoever writes.
 */
@QuarkusTest
class LastUseWriteTest {

    @Inject
    ApiTokenRepository tokens;

    @Inject
    EntityManager em;

    private long id(TestAccount account, String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT t.id FROM api_token t JOIN account a ON a.id = t.account_id WHERE a.username = ?1 AND t.name = ?2")
                .setParameter(1, account.username()).setParameter(2, name).getSingleResult()).longValue());
    }

    private Object[] lastUse(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("SELECT last_used_at, last_used_ip FROM api_token WHERE id = ?1").setParameter(1, id)
                    .getSingleResult();
            return new Object[] { row[0] == null ? null : ((Number) row[0]).longValue(), row[1] };
        });
    }

    private int write(List<Use> uses) {
        return QuarkusTransaction.requiringNew().call(() -> tokens.recordUses(uses, 60));
    }

    @Test
    void eachTokenGetsItsOwnUseAtMostOnceAMinute() {
        TestAccount alice = Fixtures.newAccount();
        alice.newToken("a");
        long a = id(alice, "a");
        alice.newToken("b");
        long b = id(alice, "b");
        alice.newToken("c");
        long c = id(alice, "c");
        alice.newToken("d");
        long untouched = id(alice, "d");
        long now = System.currentTimeMillis() / 1000;

        assertEquals(3, write(List.of(new Use(a, now, "192.0.2.1"), new Use(b, now - 5, null), new Use(c, now - 7, "2001:db8::1"))));
        assertArrayEquals(new Object[] { now, "192.0.2.1" }, lastUse(a));
        assertArrayEquals(new Object[] { now - 5, null }, lastUse(b));
        assertArrayEquals(new Object[] { now - 7, "2001:db8::1" }, lastUse(c));
        assertArrayEquals(new Object[] { null, null }, lastUse(untouched));

        // within the minute nothing changes; past it, only the tokens whose own last use is a minute old
        assertEquals(1, write(List.of(new Use(a, now + 30, "198.51.100.9"), new Use(b, now + 55, "198.51.100.9"),
                new Use(c, now + 52, "198.51.100.7"))));
        assertArrayEquals(new Object[] { now, "192.0.2.1" }, lastUse(a));
        assertArrayEquals(new Object[] { now + 55, "198.51.100.9" }, lastUse(b));
        assertArrayEquals(new Object[] { now - 7, "2001:db8::1" }, lastUse(c));
        assertEquals(0, write(List.of()));
    }
}
