package dev.openuapi.common;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * Caches of what was read from the database (issue 13 §1): an answer is never older than {@link #MAX_AGE},
 * so any change, made through any replica or straight in the database, is seen everywhere within a second.
 * A snapshot in use is read again in the background once it is half that old, so a hot key costs about two
 * reads a second and requests never wait for them; one not used for {@link #MAX_AGE} is read on its next
 * use. Caffeine bounds the size.
 *
 * <p>Why not invalidation: every path that changes a row (services, bulk updates, an operator's SQL, a replica
 * of an older release) would have to announce it, and one forgotten path would keep a revoked token alive.
 * Age needs nothing from writers; the price is one indexed read per key and half-second.
 */
public final class Snapshots {

    /** The oldest answer a snapshot may give. Under 1 s, with room for the read itself. */
    public static final Duration MAX_AGE = Duration.ofMillis(800);

    private Snapshots() {
    }

    /**
     * A size-bounded cache whose {@code loader} runs on the caller's thread on a miss and on a background
     * thread to refresh ({@code executor}: Quarkus' own, whose threads see the application's classes), each time with a request context (Panache reads need one) and outside any transaction.
     * A loader that throws leaves the key unloaded (the caller gets the exception) or keeps the old snapshot
     * until {@link #MAX_AGE}.
     */
    public static <K, V> LoadingCache<K, V> cache(long maximumSize, Executor executor, Function<K, V> loader) {
        LoadingCache<K, V> cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(MAX_AGE)
                .refreshAfterWrite(MAX_AGE.dividedBy(2)).executor(executor).build(key -> withRequestContext(loader, key));
        ALL.add(cache);
        return cache;
    }

    /** Every snapshot cache of this application. */
    private static final List<Cache<?, ?>> ALL = new CopyOnWriteArrayList<>();

    /**
     * Forgets every snapshot on this replica, so that what this replica just changed is seen by its next
     * request (other replicas see it within {@link #MAX_AGE}). Writes are rare next to reads, so all of them go.
     */
    public static void forgetAll() {
        ALL.forEach(Cache::invalidateAll);
    }

    /**
     * The JPA listener of the entities that snapshots are made of: a row written in a transaction makes this
     * replica forget its snapshots at once and again when the transaction ends, so that a snapshot read
     * in between (of the row before the commit) does not outlive it.
     */
    public static class Changes {

        private static final Object KEY = Changes.class;

        @PostPersist
        @PostUpdate
        @PostRemove
        void written(Object entity) {
            forgetAll();
            TransactionSynchronizationRegistry transaction = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
            try {
                if (transaction.getTransactionStatus() == Status.STATUS_ACTIVE && transaction.getResource(KEY) == null) {
                    transaction.putResource(KEY, Boolean.TRUE);
                    transaction.registerInterposedSynchronization(new Synchronization() {
                        @Override
                        public void beforeCompletion() {
                        }

                        @Override
                        public void afterCompletion(int status) {
                            forgetAll();
                        }
                    });
                }
            } catch (IllegalStateException e) {
                // the transaction is completing: what was forgotten above stays forgotten; the age bound does the rest
            }
        }
    }

    private static <K, V> V withRequestContext(Function<K, V> loader, K key) {
        ManagedContext context = Arc.container().requestContext();
        if (context.isActive()) {
            return loader.apply(key);
        }
        context.activate();
        try {
            return loader.apply(key);
        } finally {
            context.terminate();
        }
    }
}
