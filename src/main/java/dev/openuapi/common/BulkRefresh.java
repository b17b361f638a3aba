package dev.openuapi.common;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Background refreshes of a snapshot cache gathered into bulk reads ({@link Snapshots}): Caffeine asks for one key's
 * refresh at a time, and each would be its own statement. The 10,000 tokens of a working set come due in the same
 * minute, and one read each cost the benchmark's million-token rounds a quarter of their throughput (issue 13). Here
 * every key that comes due joins the next read, which takes up to {@link #CHUNK} keys in one statement; reads run on
 * {@code executor} (one at a time, {@link OneAtATime}), and while one runs the next keys gather.
 *
 * <p>Each key's refresh completes with the bulk read's value for it (the loader answers for every key it is given).
 * Caffeine keeps the new value only while the entry still holds the one it refreshed, so a snapshot forgotten (or
 * replaced) meanwhile is not brought back. When a read fails, its keys keep their old values until their next refresh.
 */
final class BulkRefresh<K, V> {

    /** At most this many keys in one read. */
    static final int CHUNK = 500;

    private final Function<Set<K>, Map<K, V>> loader;
    private final Executor executor;
    private final Map<K, CompletableFuture<V>> due = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** {@code loader} returns a value for each key it is given, and runs with whatever context the caller wraps it in. */
    BulkRefresh(Function<Set<K>, Map<K, V>> loader, Executor executor) {
        this.loader = loader;
        this.executor = executor;
    }

    /** The refreshed value of {@code key}, read with the other keys due at about the same time. */
    CompletableFuture<V> refresh(K key) {
        CompletableFuture<V> value = due.computeIfAbsent(key, k -> new CompletableFuture<>());
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::readDue);
            } catch (RuntimeException e) {
                scheduled.set(false);
                due.remove(key, value);
                value.completeExceptionally(e);
            }
        }
        return value;
    }

    /** Reads every key due, {@link #CHUNK} at a time. A key that comes due after the flag is cleared schedules another read. */
    private void readDue() {
        scheduled.set(false);
        while (!due.isEmpty()) {
            Map<K, CompletableFuture<V>> chunk = new HashMap<>();
            for (Iterator<Map.Entry<K, CompletableFuture<V>>> it = due.entrySet().iterator(); it.hasNext() && chunk.size() < CHUNK;) {
                Map.Entry<K, CompletableFuture<V>> entry = it.next();
                it.remove();
                chunk.put(entry.getKey(), entry.getValue());
            }
            read(chunk);
        }
    }

    private void read(Map<K, CompletableFuture<V>> chunk) {
        Map<K, V> values;
        try {
            values = loader.apply(new LinkedHashSet<>(chunk.keySet()));
        } catch (RuntimeException | Error e) {
            // every future completes: Caffeine starts no new refresh of a key while one is in flight
            chunk.values().forEach(value -> value.completeExceptionally(e));
            return;
        }
        chunk.forEach((key, value) -> {
            if (values.containsKey(key)) {
                value.complete(values.get(key));
            } else {
                value.completeExceptionally(new IllegalStateException("The bulk loader gave no value for a key it was given"));
            }
        });
    }
}
