package dev.openuapi.auth;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;

import dev.openuapi.common.Caches;
import dev.openuapi.config.OpenUapiConfig;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;

/**
 * Per-token rate limits (issue 20 §2), in memory on each replica: one Bucket4j local bucket per limited cPanel API token,
 * with a capacity of the token's limit (its share on this replica, see below) and a greedy refill of as many a minute, so
 * a token may burst its whole minute's calls and then gets one more every {@code 60/N} seconds. No database statement:
 * the limit comes from the token's snapshot ({@link TokenIdentityService}), which the change feed keeps current, and a
 * change of it reconfigures the bucket on its next call. Raising a limit adds the difference to what is left, lowering
 * it caps what is left at the new limit ({@link TokensInheritanceStrategy#ADDITIVE}).
 *
 * <p>Across replicas each counts alone: with {@code openuapi.tokens.rate-limit-replicas} R (default 1) each allows
 * {@code ceil(N / R)} calls a minute, so with R replicas a token makes at most {@code R × ceil(N / R)} calls a minute
 * (with R = 1 and several replicas: the replica count times N).
 *
 * <p>Bounded: the buckets are a Caffeine cache of at most {@code openuapi.tokens.cache-size} entries, each dropped after a
 * minute without a call, when it would be full again anyway (so dropping it changes nothing).
 */
@ApplicationScoped
public class TokenRateLimiter {

    /** A token's limit as its snapshot holds it: the token's id, its name (for the refusal) and its calls a minute. */
    public record Limit(long tokenId, String tokenName, int perMinute) {
    }

    /** A token's bucket and the share it was made for. */
    private static final class Held {
        final Bucket bucket;
        int share;

        Held(Bucket bucket, int share) {
            this.bucket = bucket;
            this.share = share;
        }
    }

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int replicas;
    private final TimeMeter clock;
    private final Cache<Long, Held> buckets;

    @Inject
    TokenRateLimiter(OpenUapiConfig config) {
        this(config.tokens().rateLimitReplicas(), config.tokens().cacheSize(), TimeMeter.SYSTEM_NANOTIME);
    }

    /** For tests: a clock of their own. */
    TokenRateLimiter(int replicas, long maxTokens, TimeMeter clock) {
        this.replicas = Math.max(1, replicas);
        this.clock = clock;
        this.buckets = Caches.newBuilder().maximumSize(Math.max(1, maxTokens)).expireAfterAccess(MINUTE.toNanos(), TimeUnit.NANOSECONDS)
                .build();
    }

    /** The calls a minute this replica allows a token limited to {@code perMinute}: its share, rounded up, at least 1. */
    public int share(int perMinute) {
        return Math.max(1, (perMinute + replicas - 1) / replicas);
    }

    /**
     * Takes one call from the token's bucket.
     *
     * @return 0 when the call may go on; otherwise the whole seconds (1 to 60) until the bucket has a call again, for
     *         {@code Retry-After}
     */
    public long take(Limit limit) {
        int share = share(limit.perMinute());
        Held held = buckets.get(limit.tokenId(), id -> new Held(Bucket.builder().withCustomTimePrecision(clock).addLimit(configuration(share)
                .getBandwidths()[0]).build(), share));
        ConsumptionProbe probe;
        synchronized (held) {
            if (held.share != share) {
                held.bucket.replaceConfiguration(configuration(share), TokensInheritanceStrategy.ADDITIVE);
                held.share = share;
            }
            probe = held.bucket.tryConsumeAndReturnRemaining(1);
        }
        return probe.isConsumed() ? 0 : retryAfterSeconds(probe.getNanosToWaitForRefill());
    }

    /** Whole seconds, rounded up, never 0 (a client would retry at once) nor more than a minute. */
    static long retryAfterSeconds(long nanos) {
        long seconds = (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
        return Math.max(1, Math.min(60, seconds));
    }

    private static BucketConfiguration configuration(int share) {
        return BucketConfiguration.builder().addLimit(l -> l.capacity(share).refillGreedy(share, MINUTE).id("per-minute")).build();
    }
}
