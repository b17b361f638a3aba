package dev.openuapi.common;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * Caches of what was read from the database (issue 13 §1), kept current by a change feed: each snapshot is
 * labelled with tags naming the rows it was made of ({@code account:42}, {@code token:<hash>}, {@code plan:7},
 * …). A transaction that writes such a row also writes its tag into {@code snapshot_change}
 * ({@link SnapshotChangeLog}, in the same transaction, so the two commit together); this replica forgets the
 * tagged snapshots at once and again when the transaction ends, and every replica reads the feed four times a
 * second ({@link SnapshotFeed}) and forgets them too. So a change is seen everywhere within a second, and a
 * snapshot nobody changed stays in memory as long as it is used.
 *
 * <p>What the feed cannot see, a change made in the database by something other than OpenUAPI (an operator's
 * SQL, a replica of a release before this one), is seen within {@link #REFRESH}: a snapshot in use is read again
 * in the background that often (a cache with a bulk loader reads the snapshots due together, {@link BulkRefresh}). Writing a tag (or {@code *}, everything) into {@code snapshot_change} makes such
 * a change seen at once.
 */
public final class Snapshots {

    /** How often a snapshot in use is read again anyway: the bound for changes the feed does not carry. */
    public static final Duration REFRESH = Duration.ofSeconds(60);
    /** A snapshot not used for this long is dropped (Caffeine also bounds the number). */
    static final Duration IDLE = Duration.ofMinutes(10);
    /** The tag that stands for every snapshot. */
    public static final String EVERYTHING = "*";

    private record Tagged<K, V>(LoadingCache<K, V> cache, BiFunction<K, V, Collection<String>> tags) {

        void forget(String tag) {
            cache.asMap().entrySet().removeIf(entry -> tags.apply(entry.getKey(), entry.getValue()).contains(tag));
        }
    }

    private static final List<Tagged<?, ?>> ALL = new CopyOnWriteArrayList<>();

    private Snapshots() {
    }

    /**
     * A size-bounded cache whose {@code loader} runs on the caller's thread on a miss and on a background thread
     * to refresh ({@code executor}: Quarkus' own, whose threads see the application's classes; one refresh at a time;
     * the cache's upkeep stays on the calling thread, {@link Caches}), each time with a
     * request context (Panache reads need one) and outside any transaction. {@code tags} names the rows a key's
     * value was made of (a key that names no row yet: the row it would be, so that its creation is seen). A loader that throws leaves the key unloaded (the caller gets the exception).
     */
    public static <K, V> LoadingCache<K, V> cache(long maximumSize, Executor executor, Function<K, V> loader,
            BiFunction<K, V, Collection<String>> tags) {
        return cache(maximumSize, executor, loader, null, tags);
    }

    /**
     * The same, refreshed in bulk: the keys that come due at about the same time are read again together by
     * {@code bulkLoader}, which gives a value for every key it is given, as {@code loader} would ({@link BulkRefresh}).
     */
    public static <K, V> LoadingCache<K, V> cache(long maximumSize, Executor executor, Function<K, V> loader,
            Function<Set<K>, Map<K, V>> bulkLoader, BiFunction<K, V, Collection<String>> tags) {
        // refreshes one at a time (OneAtATime): a storm of them must not queue ahead of the requests on the worker pool
        Executor serial = new OneAtATime(executor);
        BulkRefresh<K, V> bulk = bulkLoader == null ? null : new BulkRefresh<>(keys -> withRequestContext(bulkLoader, keys), serial);
        CacheLoader<K, V> cacheLoader = new CacheLoader<>() {
            @Override
            public V load(K key) {
                return withRequestContext(loader, key);
            }

            /** On {@code serial}, whatever executor Caffeine offers: its own is the calling thread ({@link Caches}). */
            @Override
            public CompletableFuture<? extends V> asyncReload(K key, V oldValue, Executor ignored) throws Exception {
                return bulk == null ? CacheLoader.super.asyncReload(key, oldValue, serial) : bulk.refresh(key);
            }
        };
        LoadingCache<K, V> cache = Caches.newBuilder().maximumSize(maximumSize).expireAfterAccess(IDLE).refreshAfterWrite(REFRESH)
                .build(cacheLoader);
        ALL.add(new Tagged<>(cache, tags));
        return cache;
    }

    /** Forgets, on this replica, every snapshot made of the row {@code tag} names ({@link #EVERYTHING}: all). */
    public static void forget(String tag) {
        if (EVERYTHING.equals(tag)) {
            ALL.forEach(t -> t.cache().invalidateAll());
        } else {
            ALL.forEach(t -> t.forget(tag));
        }
    }

    /**
     * Records, in the current transaction, that the row {@code tag} names changed: every replica forgets its
     * snapshots of it (this one at once, and again when the transaction ends, so that a snapshot read before
     * the commit does not outlive it). For writes the entity listener does not see (bulk updates).
     */
    public static void changed(String tag) {
        forget(tag);
        TransactionSynchronizationRegistry transaction = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (transaction.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("A snapshot change is recorded inside the transaction that makes it");
        }
        @SuppressWarnings("unchecked")
        Set<String> tags = (Set<String>) transaction.getResource(Changes.class);
        if (tags == null) {
            Set<String> pending = new HashSet<>();
            transaction.putResource(Changes.class, pending);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    pending.forEach(Snapshots::forget);
                }
            });
            tags = pending;
        }
        if (tags.add(tag)) {
            SnapshotChangeLog.write(tag);
        }
    }

    /** The tag of a row: {@code kind:id}. */
    public static String tag(String kind, Object id) {
        return kind + ':' + id;
    }

    private static <A, B> B withRequestContext(Function<A, B> loader, A key) {
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

    /** What an entity that snapshots are made of names itself in the change feed. */
    public interface Source {
        String snapshotTag();
    }

    /**
     * The JPA listener of the entities snapshots are made of ({@link Source}): each row written is recorded in
     * the change feed, in the same transaction.
     */
    public static class Changes {

        @PostPersist
        @PostUpdate
        @PostRemove
        void written(Object entity) {
            changed(((Source) entity).snapshotTag());
        }
    }
}
