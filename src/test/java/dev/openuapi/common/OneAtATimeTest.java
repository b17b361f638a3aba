package dev.openuapi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The snapshot caches' refresh executor: every task runs, in order, never two at once, on one thread of the pool at a time. */
class OneAtATimeTest {

    @Test
    void everyTaskRunsInOrderAndNeverTwoAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            OneAtATime serial = new OneAtATime(pool);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            int tasks = 5_000;
            for (int i = 0; i < tasks; i++) {
                int n = i;
                serial.execute(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    order.add(n);
                    if (n % 1000 == 0) {
                        throw new IllegalStateException("a failing task does not stop the others");
                    }
                    running.decrementAndGet();
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (order.size() < tasks && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(tasks, order.size());
            for (int i = 0; i < tasks; i++) {
                assertEquals(i, order.get(i));
            }
            // the failing tasks never decremented: at most 1 + the 5 failures were ever counted as running at once
            assertTrue(most.get() <= 1 + tasks / 1000, "at most one at a time: " + most.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPoolThatRefusesLeavesItUsable() {
        AtomicInteger refusals = new AtomicInteger(1);
        List<Runnable> accepted = new ArrayList<>();
        OneAtATime serial = new OneAtATime(task -> {
            if (refusals.getAndDecrement() > 0) {
                throw new java.util.concurrent.RejectedExecutionException("full");
            }
            accepted.add(task);
        });
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.RejectedExecutionException.class, () -> serial.execute(() -> { }));
        AtomicInteger ran = new AtomicInteger();
        serial.execute(ran::incrementAndGet);
        assertEquals(1, accepted.size(), "scheduled again after the refusal");
        accepted.get(0).run();
        assertEquals(1, ran.get(), "the second task ran (the refused call's task stayed queued and ran before it)");
    }
}
