package dev.openuapi.common;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * Runs its tasks one at a time, in order, on another executor. The snapshot caches refresh through one
 * ({@link Snapshots}): 10,000 tokens loaded in the same second all come due for their refresh in the same second
 * a minute later, and on Quarkus' worker pool itself those 10,000 reads would queue ahead of the requests (the
 * benchmark's million-token rounds fell to a few hundred calls a second at each such minute). Through this they take
 * one worker thread, one read after another, and requests keep their place.
 */
public final class OneAtATime implements Executor {

    private static final Logger LOG = Logger.getLogger(OneAtATime.class);

    private final Executor executor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public OneAtATime(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running.set(false);
                throw e;
            }
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.debugf("A task failed (%s)", e.toString());
                }
            }
        } finally {
            running.set(false);
            schedule(); // a task added after the last poll, before running was cleared
        }
    }
}
