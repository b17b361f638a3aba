package dev.openuapi.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task every so many milliseconds on its own daemon thread, never two at once. Quarkus' scheduler
 * runs nothing more often than once a second, and the background work here (cPHulk's sharing, the last-use
 * writes, the unchecked-token poll) must.
 */
public final class Ticker implements AutoCloseable {

    private final ScheduledExecutorService executor;

    private Ticker(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts ticking after one period; the task must catch what it can recover from (an exception ends the ticks). */
    public static Ticker every(String threadName, long millis, Runnable task) {
        return every(threadName, millis, millis, task);
    }

    /** The same, with the first tick after {@code firstMillis} (0: at once, on the ticker's thread). */
    public static Ticker every(String threadName, long firstMillis, long millis, Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(task, firstMillis, millis, TimeUnit.MILLISECONDS);
        return new Ticker(executor);
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
