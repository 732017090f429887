package dev.jgrad.backend.cpu;

/**
 * The one thread pool every CPU kernel splits work over, sized like {@code torch.get_num_threads()}.
 *
 * <p>Work is split into contiguous ranges, one per thread, and only above a caller-given grain, so
 * small tensors never pay for a hand-off. Calls from inside a worker run serially (no nested splits,
 * no deadlock). The threads spin briefly between ranges before they sleep ({@link SpinParkPool}), so a
 * hand-off to a thread that just finished costs about a microsecond rather than an OS wake-up.
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
    /** Created at the first split, so a program that never splits starts no threads. */
    private static volatile SpinParkPool pool;

    private Parallel() {}

    private static SpinParkPool pool() {
        SpinParkPool p = pool;
        if (p != null) return p;
        synchronized (Parallel.class) {
            if (pool == null) pool = new SpinParkPool(numThreads);
            return pool;
        }
    }

    /** The number of threads kernels use ({@code torch.get_num_threads()}). */
    public static int numThreads() { return numThreads; }

    /** Sets the number of threads kernels use ({@code torch.set_num_threads(n)}). */
    public static synchronized void setNumThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("Number of threads must be positive, got " + n);
        if (n == numThreads) return;
        SpinParkPool old = pool;
        pool = null;
        numThreads = n;
        if (old != null) old.close();
    }

    /** True when the caller is one of this pool's workers. */
    public static boolean inWorker() {
        return SpinParkPool.inWorker();
    }

    /**
     * Runs body over [0, n) in up to numThreads chunks of at least {@code grain} items each.
     * Runs inline when there is one chunk, and always under {@code -Djgrad.fastpaths=false} ({@link KernelConfig}).
     * The chunks are the same whatever the timing; the first exception a chunk throws is rethrown here,
     * after every chunk has finished.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        int threads = numThreads;
        int chunks = (int) Math.min(threads, Math.max(1L, n / (long) Math.max(1, grain)));
        if (chunks <= 1 || !KernelConfig.FAST_PATHS || inWorker()) {
            if (n > 0) body.run(0, n);
            return;
        }
        pool().run(n, chunks, body);
    }
}
