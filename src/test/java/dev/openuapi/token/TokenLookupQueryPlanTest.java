package dev.openuapi.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A token looked up by its hash adds nothing to Hibernate's query plan cache (issue 13). The lookup is a native query
 * that maps the token and its account ({@code {t.*}, {a.*}} with a join); Hibernate 7.2 keys such a query's plan by a
 * mapping that never equals the next call's, so every lookup missed the cache and put one more entry with the same
 * hash code (the SQL's) into one bin of the cache's map. In the benchmark, 16 first lookups at a time queued on that
 * bin's lock: a fresh server with 10,000 tokens in use answered 115 to 310 calls a second until their snapshots were
 * in memory (src/docs/benchmark.md).
 */
@QuarkusTest
class TokenLookupQueryPlanTest {

    @Inject
    ApiTokenRepository tokens;

    @Inject
    EntityManagerFactory factory;

    /** Plan-cache lookups that background work may make while the 20 lookups run (the test takes about 50 ms). */
    private static final int BACKGROUND = 3;

    @Test
    void lookupsByHashLeaveTheQueryPlanCacheAlone() {
        Statistics statistics = factory.unwrap(SessionFactory.class).getStatistics();
        lookup(0); // whatever the first call of a run loads
        long misses = statistics.getQueryPlanCacheMissCount();
        long hits = statistics.getQueryPlanCacheHitCount();
        for (int i = 1; i <= 20; i++) {
            assertTrue(lookup(i), "no token has hash " + i);
        }
        // The counts are the whole factory's: a background tick (cPHulk's, the unchecked-token poll) may look its own
        // plan up meanwhile. A lookup that used the cache would add 20 misses (the bug) or 20 hits.
        assertTrue(statistics.getQueryPlanCacheMissCount() - misses <= BACKGROUND, "plan cache misses during 20 lookups");
        assertTrue(statistics.getQueryPlanCacheHitCount() - hits <= BACKGROUND, "plan cache hits during 20 lookups");
    }

    /** Looks up a hash that names no token; true when none was found, as it must be. */
    private boolean lookup(int i) {
        String hash = String.format("%0128x", i);
        return QuarkusTransaction.requiringNew().call(() -> tokens.findByHashOrPreviousWithAccount(hash).isEmpty());
    }
}
