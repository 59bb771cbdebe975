package org.explainers.content;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for a pool's jobs while watching the clock. Flexmark and FreeMarker cannot be asked
 * to stop from outside in general; the caller looks at what is running between waits and
 * decides to stop waiting (the build then fails, naming what ran too long).
 */
public final class Jobs {

    /** How often the watch looks while jobs run. */
    private static final long LOOK_MILLIS = 200;

    private Jobs() {
    }

    /** Threads of this name that do not keep the JVM (Maven's, the preview's) alive when the build is done. */
    public static java.util.concurrent.ThreadFactory daemons(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Asked between waits, with the nanoseconds since waiting began: whether to stop waiting. */
    public interface Watch {
        boolean stop(long elapsed);
    }

    /** Waits for every job in turn; false when the watch said to stop (the jobs left are not waited for). */
    public static boolean await(List<Future<?>> jobs, Watch watch) throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        for (Future<?> job : jobs) {
            while (true) {
                try {
                    job.get(LOOK_MILLIS, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (watch.stop(System.nanoTime() - start)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The names of the threads of {@code group} still running (not waiting for work) after up to
     * 5 s: jobs past their limits that could not be stopped (a built-in working through billions
     * of items), which end only with the JVM. Empty when all of them end or wait in time.
     */
    public static List<String> leftRunning(ThreadGroup group) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            Thread[] threads = new Thread[group.activeCount() + 8];
            int n = group.enumerate(threads);
            List<String> running = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Idle threads (a pool's workers, the JDK's timer) wait for work; a job past its limit runs.
                if (threads[i].getState() == Thread.State.RUNNABLE) {
                    running.add(threads[i].getName());
                }
            }
            if (running.isEmpty() || System.nanoTime() > deadline) {
                return running;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return running;
            }
        }
    }
}
