package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.LoadingCache;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A snapshot cache with a bulk loader reads its due refreshes together, {@link BulkRefresh#CHUNK} keys at a time, never
 * one statement per key (issue 13: 10,000 tokens in use were 10,000 reads a minute); every refresh completes, a failed read
 * keeps the old values, and the next refresh reads again.
 */
@QuarkusTest
class SnapshotBulkRefreshTest {

    @Inject
    ExecutorService executor;

    /**
     * Waits until every key holds its {@code version}, then checks that each does: refreshAll's future completes
     * before Caffeine has stored the last values (ben-manes/caffeine#1942).
     */
    private static void settle(LoadingCache<Integer, String> cache, List<Integer> keys, String version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (keys.stream().anyMatch(key -> !cache.getIfPresent(key).endsWith(version)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        keys.forEach(key -> assertEquals(key + version, cache.getIfPresent(key)));
    }

    @Test
    void dueRefreshesAreReadInBulkAndAFailedReadKeepsTheOldValues() throws Exception {
        AtomicInteger version = new AtomicInteger(1);
        AtomicInteger singleReads = new AtomicInteger();
        AtomicBoolean failing = new AtomicBoolean();
        List<Integer> bulkReads = Collections.synchronizedList(new ArrayList<>());
        LoadingCache<Integer, String> cache = Snapshots.cache(10_000, executor, key -> {
            singleReads.incrementAndGet();
            return key + "@" + version.get();
        }, keys -> {
            if (failing.get()) {
                throw new IllegalStateException("the database is away");
            }
            bulkReads.add(keys.size());
            Map<Integer, String> values = new HashMap<>();
            keys.forEach(key -> values.put(key, key + "@" + version.get()));
            return values;
        }, (key, value) -> List.of());
        List<Integer> keys = IntStream.range(0, 1_200).boxed().toList();
        keys.forEach(cache::get);
        assertEquals(1_200, singleReads.get());

        version.set(2);
        cache.refreshAll(keys).get(30, TimeUnit.SECONDS);
        settle(cache, keys, "@2");
        assertEquals(1_200, singleReads.get(), "no refresh read one key alone");
        assertEquals(1_200, bulkReads.stream().mapToInt(Integer::intValue).sum());
        assertTrue(bulkReads.size() >= 3 && bulkReads.stream().allMatch(size -> size <= BulkRefresh.CHUNK), bulkReads.toString());

        failing.set(true);
        version.set(3);
        try {
            cache.refreshAll(keys).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException expected) {
            // the failed reads' refreshes complete exceptionally: Caffeine keeps the old values
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!cache.policy().refreshes().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the first failure ends refreshAll's wait; the other reads may still be running
        }
        assertTrue(cache.policy().refreshes().isEmpty(), "every refresh completed");
        keys.forEach(key -> assertEquals(key + "@2", cache.getIfPresent(key)));

        failing.set(false);
        cache.refreshAll(keys).get(30, TimeUnit.SECONDS); // none is left in flight: each key is read again
        settle(cache, keys, "@3");
        assertEquals(1_200, singleReads.get());
    }
}
