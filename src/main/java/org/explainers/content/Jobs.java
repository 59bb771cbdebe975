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
}
