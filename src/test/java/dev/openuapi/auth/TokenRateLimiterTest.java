package dev.openuapi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

/** The buckets of {@link TokenRateLimiter} (issue 20 §2) on a clock of the test's own. */
class TokenRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private void advanceSeconds(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private static int allowed(TokenRateLimiter limiter, TokenRateLimiter.Limit limit, int tries) {
        int allowed = 0;
        for (int i = 0; i < tries; i++) {
            allowed += limiter.take(limit) == 0 ? 1 : 0;
        }
        return allowed;
    }

    @Test
    void aTokenMakesItsLimitThenWaitsForTheGreedyRefill() {
        TokenRateLimiter limiter = new TokenRateLimiter(1, 100, clock);
        TokenRateLimiter.Limit three = new TokenRateLimiter.Limit(1, "t", 3);
        assertEquals(0, limiter.take(three));
        assertEquals(0, limiter.take(three));
        assertEquals(0, limiter.take(three));
        assertEquals(20, limiter.take(three), "3 a minute: the next one in 20 s");
        advanceSeconds(15);
        assertEquals(5, limiter.take(three), "whole seconds, rounded up");
        advanceSeconds(5);
        assertEquals(0, limiter.take(three), "refilled greedily: one every 20 s");
        assertEquals(20, limiter.take(three));
        advanceSeconds(60);
        assertEquals(3, allowed(limiter, three, 10), "a full minute later: the whole limit again, never more");
    }

    @Test
    void eachTokenHasItsOwnBucket() {
        TokenRateLimiter limiter = new TokenRateLimiter(1, 100, clock);
        assertEquals(2, allowed(limiter, new TokenRateLimiter.Limit(1, "a", 2), 5));
        assertEquals(2, allowed(limiter, new TokenRateLimiter.Limit(2, "b", 2), 5), "another token of the same limit is unaffected");
    }

    @Test
    void raisingALimitAddsTheDifferenceAndLoweringItCapsWhatIsLeft() {
        TokenRateLimiter limiter = new TokenRateLimiter(1, 100, clock);
        assertEquals(3, allowed(limiter, new TokenRateLimiter.Limit(7, "t", 3), 5));
        assertEquals(7, allowed(limiter, new TokenRateLimiter.Limit(7, "t", 10), 20), "raised from 3 to 10: 7 more at once");
        advanceSeconds(60);
        assertEquals(2, allowed(limiter, new TokenRateLimiter.Limit(7, "t", 2), 20), "lowered from 10 (all left) to 2: 2 left");
        assertEquals(30, limiter.take(new TokenRateLimiter.Limit(7, "t", 2)), "and the refill is the new one's: 2 a minute");
    }

    @Test
    void withReplicasEachAllowsItsShareRoundedUp() {
        TokenRateLimiter limiter = new TokenRateLimiter(2, 100, clock);
        assertEquals(3, limiter.share(5));
        assertEquals(1, limiter.share(1), "never 0");
        assertEquals(50_000, limiter.share(100_000));
        assertEquals(3, allowed(limiter, new TokenRateLimiter.Limit(1, "t", 5), 10));
        assertEquals(5, new TokenRateLimiter(1, 100, clock).share(5));
    }

    @Test
    void retryAfterIsWholeSecondsFromOneToSixty() {
        assertEquals(1, TokenRateLimiter.retryAfterSeconds(0));
        assertEquals(1, TokenRateLimiter.retryAfterSeconds(1));
        assertEquals(1, TokenRateLimiter.retryAfterSeconds(1_000_000_000L));
        assertEquals(2, TokenRateLimiter.retryAfterSeconds(1_000_000_001L));
        assertEquals(60, TokenRateLimiter.retryAfterSeconds(TimeUnit.MINUTES.toNanos(5)));
    }
}
