package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The thread pool behind every split kernel: coverage, fixed chunks, failures, nesting, concurrent callers. */
class ParallelTest {
    /** Runs body with the pool at n threads, restoring the count afterwards. */
    private static void withThreads(int n, Runnable body) {
        int before = Parallel.numThreads();
        try {
            Parallel.setNumThreads(n);
            body.run();
        } finally {
            Parallel.setNumThreads(before);
        }
    }

    /** The [from, to) chunks one forRange call ran, sorted by start. */
    private static List<int[]> chunks(int n, int grain) {
        ConcurrentLinkedQueue<int[]> seen = new ConcurrentLinkedQueue<>();
        Parallel.forRange(n, grain, (from, to) -> seen.add(new int[] {from, to}));
        List<int[]> list = new ArrayList<>(seen);
        list.sort((x, y) -> Integer.compare(x[0], y[0]));
        return list;
    }

    @Test
    void everyIndexOnceInFixedChunks() {
        Assumptions.assumeTrue(KernelConfig.FAST_PATHS, "splitting is off under jgrad.fastpaths=false");
        for (int threads : new int[] {2, 3, 4}) {
            withThreads(threads, () -> {
                for (int n : new int[] {2, 7, 100, 1001}) {
                    for (int rep = 0; rep < 50; rep++) {
                        List<int[]> got = chunks(n, 1);
                        int c = Math.min(threads, n);
                        assertEquals(c, got.size(), "chunks of " + n + " over " + threads);
                        for (int i = 0; i < c; i++) {
                            // the split is a function of n and the chunk count alone, whichever thread ran what
                            assertEquals((int) ((long) n * i / c), got.get(i)[0]);
                            assertEquals((int) ((long) n * (i + 1) / c), got.get(i)[1]);
                        }
                    }
                }
            });
        }
    }

    @Test
    void grainLimitsTheChunkCount() {
        withThreads(4, () -> {
            assertEquals(1, chunks(100, 100).size());
            assertEquals(1, chunks(199, 100).size());
            assertEquals(KernelConfig.FAST_PATHS ? 2 : 1, chunks(200, 100).size());
            assertEquals(0, chunks(0, 1).size());
        });
    }

    @Test
    void workersActuallyRunChunks() {
        Assumptions.assumeTrue(KernelConfig.FAST_PATHS, "splitting is off under jgrad.fastpaths=false");
        withThreads(2, () -> {
            AtomicReference<Thread> other = new AtomicReference<>();
            Parallel.forRange(2, 1, (from, to) -> {
                if (from == 1) other.set(Thread.currentThread());
            });
            assertTrue(other.get() != Thread.currentThread() && other.get().getName().startsWith("jgrad-worker-"));
        });
    }

    @Test
    void aFailingChunkIsRethrownAfterAllChunksFinish() {
        Assumptions.assumeTrue(KernelConfig.FAST_PATHS, "splitting is off under jgrad.fastpaths=false");
        withThreads(4, () -> {
            for (int failing = 0; failing < 4; failing++) {
                int bad = failing;
                AtomicInteger finished = new AtomicInteger();
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                        Parallel.forRange(4, 1, (from, to) -> {
                            if (from == bad) throw new IllegalArgumentException("chunk " + bad);
                            LockSupport.parkNanos(2_000_000);  // the others are still running when it throws
                            finished.incrementAndGet();
                        }));
                assertEquals("chunk " + bad, e.getMessage());
                assertEquals(3, finished.get(), "forRange returned before every other chunk was done");
            }
            // the pool still works after failures
            assertEquals(4, chunks(8, 1).size());
        });
        AssertionError err = assertThrows(AssertionError.class,
                () -> Parallel.forRange(4, 1, (from, to) -> { throw new AssertionError("boom"); }));
        assertEquals("boom", err.getMessage());
    }

    @Test
    void nestedCallsRunInline() {
        withThreads(2, () -> {
            AtomicIntegerArray hits = new AtomicIntegerArray(10 * 10);
            Parallel.forRange(10, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int row = i;
                    Thread outer = Thread.currentThread();
                    Parallel.forRange(10, 1, (f, t) -> {
                        // a nested range splits only on the calling thread itself, never on a worker
                        if (Parallel.inWorker()) assertSame(outer, Thread.currentThread());
                        for (int j = f; j < t; j++) hits.incrementAndGet(row * 10 + j);
                    });
                }
            });
            for (int i = 0; i < 100; i++) assertEquals(1, hits.get(i), "cell " + i);
        });
    }

    @Test
    void concurrentCallersEachGetTheirWholeRange() throws InterruptedException {
        withThreads(2, () -> {
            int callers = 4, n = 1000;
            AtomicIntegerArray hits = new AtomicIntegerArray(callers * n);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int t = 0; t < callers; t++) {
                int base = t * n;
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                        for (int rep = 0; rep < 200; rep++) {
                            Parallel.forRange(n, 1, (from, to) -> {
                                for (int i = from; i < to; i++) hits.incrementAndGet(base + i);
                            });
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                threads.add(th);
                th.start();
            }
            go.countDown();
            for (Thread th : threads) {
                try {
                    th.join(60_000);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                assertTrue(!th.isAlive(), "a caller hung");
            }
            assertEquals(null, failure.get());
            for (int i = 0; i < callers * n; i++) assertEquals(200, hits.get(i), "index " + i);
        });
    }

    @Test
    void threadCountChangesWhileOthersRun() throws InterruptedException {
        int before = Parallel.numThreads();
        AtomicInteger sum = new AtomicInteger();
        Thread caller = new Thread(() -> {
            for (int rep = 0; rep < 2000; rep++) {
                Parallel.forRange(64, 1, (from, to) -> sum.addAndGet(to - from));
            }
        });
        try {
            caller.start();
            for (int i = 0; i < 50; i++) Parallel.setNumThreads(1 + i % 4);
            caller.join(60_000);
            assertTrue(!caller.isAlive(), "a range hung across a thread-count change");
            assertEquals(64 * 2000, sum.get());
        } finally {
            Parallel.setNumThreads(before);
        }
    }

    @Test
    void anInterruptedCallerWaitsAndKeepsItsInterrupt() {
        Assumptions.assumeTrue(KernelConfig.FAST_PATHS, "splitting is off under jgrad.fastpaths=false");
        withThreads(2, () -> {
            AtomicInteger done = new AtomicInteger();
            Thread.currentThread().interrupt();
            try {
                Parallel.forRange(2, 1, (from, to) -> {
                    if (from == 1) LockSupport.parkNanos(30_000_000);  // the worker's chunk outlasts the spin
                    done.incrementAndGet();
                });
                assertEquals(2, done.get());
                assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt was swallowed");
            } finally {
                Thread.interrupted();
            }
        });
    }

    @Test
    void idleWorkersStopSpinning() throws InterruptedException {
        Assumptions.assumeTrue(KernelConfig.FAST_PATHS, "splitting is off under jgrad.fastpaths=false");
        withThreads(2, () -> {
            Parallel.forRange(2, 1, (from, to) -> { });
            // after the bounded spin window every worker is parked (WAITING), not burning a core
            long deadline = System.nanoTime() + 5_000_000_000L;
            boolean parked = false;
            while (!parked && System.nanoTime() < deadline) {
                LockSupport.parkNanos(5_000_000);
                parked = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("jgrad-worker-") && t.isAlive())
                        .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TERMINATED);
            }
            assertTrue(parked, "workers still running long after their last chunk");
        });
    }
}
