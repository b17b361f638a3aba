package dev.openuapi.common;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine caches that do their upkeep on the thread that uses them. By default Caffeine hands its upkeep (draining
 * the buffers it records reads and writes in, expiring, evicting) to {@code ForkJoinPool.commonPool()}, or to the
 * executor it is given, which wakes another thread every few dozen reads of a busy cache. That upkeep is small and
 * already amortised; the wake-up is not: profiling the valid-token call (issue 13, src/docs/benchmark.md), the snapshot
 * caches' hand-offs to the worker pool cost about 2 µs a call, more than the upkeep they carried. Work that may block,
 * a snapshot's refresh from the database, is given its own executor ({@link Snapshots}).
 */
public final class Caches {

    private Caches() {
    }

    /** {@link Caffeine#newBuilder()}, with the upkeep on the calling thread. */
    public static Caffeine<Object, Object> newBuilder() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}
