package dev.jgrad.backend.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The one thread pool every CPU kernel splits work over, sized like {@code torch.get_num_threads()}.
 *
 * <p>Work is split into contiguous ranges, one per thread, and only above a caller-given grain, so
 * small tensors never pay for a hand-off. Calls from inside a worker run serially (no nested splits,
 * no deadlock).
 */
public final class Parallel {
    /** Splits a range [from, to) of work items; called once per chunk, never per element. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** Elementwise work (in elements) below which splitting over threads costs more than it saves. */
    public static final int ELEMENTWISE_GRAIN = 1 << 16;

    private static volatile int numThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static volatile ForkJoinPool pool = newPool(numThreads);

    private Parallel() {}

    private static ForkJoinPool newPool(int n) {
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setDaemon(true);
            t.setName("jgrad-worker-" + t.getPoolIndex());
            return t;
        };
        return new ForkJoinPool(n, factory, null, false);
    }

    /** The number of threads kernels use ({@code torch.get_num_threads()}). */
    public static int numThreads() { return numThreads; }

    /** Sets the number of threads kernels use ({@code torch.set_num_threads(n)}). */
    public static synchronized void setNumThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("Number of threads must be positive, got " + n);
        if (n == numThreads) return;
        ForkJoinPool old = pool;
        pool = newPool(n);
        numThreads = n;
        old.shutdown();
    }

    /** True when the caller is one of this pool's workers. */
    public static boolean inWorker() {
        return Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == pool;
    }

    /**
     * Runs body over [0, n) in up to numThreads chunks of at least {@code grain} items each.
     * Runs inline when there is one chunk, and always under {@code -Djgrad.fastpaths=false} ({@link KernelConfig}).
     */
    public static void forRange(int n, int grain, RangeBody body) {
        int threads = numThreads;
        int chunks = (int) Math.min(threads, Math.max(1L, n / (long) Math.max(1, grain)));
        if (chunks <= 1 || !KernelConfig.FAST_PATHS || inWorker()) {
            if (n > 0) body.run(0, n);
            return;
        }
        ForkJoinPool p = pool;
        @SuppressWarnings("unchecked")
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks[c - 1] = p.submit(() -> body.run(from, to));
        }
        body.run(0, (int) ((long) n / chunks));
        for (ForkJoinTask<?> t : tasks) t.join();
    }
}
