package dev.jgrad.backend.cpu;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Prints the cost of one {@link Parallel#forRange} hand-off (a tool, not a test): the median and 90th percentile
 * of the time from the call to the moment the last chunk is done, for a body that only records when it ran.
 * Two cases: calls back to back (workers still awake) and calls after an idle gap (workers asleep), given as
 * {@code -Dgaps=0,200,2000} microseconds. {@code -Dthreads=N} (default 2), {@code -Dcalls=N} (default 2000).
 * Also prints the wake delay: from the call to the moment the second chunk started on its worker.
 */
public final class ParallelSpeed {
    public static void main(String[] args) {
        Parallel.setNumThreads(Integer.getInteger("threads", 2));
        int calls = Integer.getInteger("calls", 2000);
        String[] gaps = System.getProperty("gaps", "0,200,2000").split(",");
        long[] started = new long[Parallel.numThreads()];
        for (String g : gaps) {
            long gapNs = Long.parseLong(g) * 1000;
            long[] total = new long[calls], wake = new long[calls];
            for (int warm = 0; warm < 2; warm++) {
                for (int i = 0; i < calls; i++) {
                    if (gapNs > 0) idle(gapNs);
                    long t0 = System.nanoTime();
                    Parallel.forRange(Parallel.numThreads(), 1, (from, to) -> started[from] = System.nanoTime());
                    total[i] = System.nanoTime() - t0;
                    wake[i] = started[started.length - 1] - t0;
                }
            }
            Arrays.sort(total);
            Arrays.sort(wake);
            System.out.printf("gap %6d us: forRange median %7.2f us, p90 %7.2f us; last chunk starts after median %7.2f us, p90 %7.2f us%n",
                    gapNs / 1000, total[calls / 2] / 1e3, total[calls * 9 / 10] / 1e3, wake[calls / 2] / 1e3, wake[calls * 9 / 10] / 1e3);
        }
    }

    /** Waits without spinning, so the pool's workers see an idle machine for the gap. */
    private static void idle(long ns) {
        long end = System.nanoTime() + ns;
        while (System.nanoTime() < end) LockSupport.parkNanos(end - System.nanoTime());
    }
}
