package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * A cache from {@link Caches#newBuilder()} does its upkeep on the thread that uses it: the eviction a write causes,
 * and the removal listener it calls, run before the write returns, on the writing thread (Caffeine's default would
 * hand them to {@code ForkJoinPool.commonPool()}).
 */
class CachesTest {

    @Test
    void upkeepRunsOnTheCallingThread() {
        List<Thread> listenedOn = new CopyOnWriteArrayList<>();
        Cache<Integer, Integer> cache = Caches.newBuilder().maximumSize(1)
                .<Integer, Integer>removalListener((key, value, cause) -> listenedOn.add(Thread.currentThread())).build();
        for (int i = 0; i < 10; i++) {
            cache.put(i, i);
        }
        assertEquals(1, cache.estimatedSize(), "evicted before the last put returned");
        assertEquals(9, listenedOn.size(), "every eviction reported before the last put returned");
        assertEquals(List.of(Thread.currentThread()), listenedOn.stream().distinct().toList());
    }
}
