package dev.jgrad.utils.data;

import dev.jgrad.Generator;
import dev.jgrad.random.CpuRng;
import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * PyTorch's {@code DataLoader} for samples of any type: batches of a {@link Dataset Dataset&lt;T&gt;} made
 * by a collate function ({@code collate_fn}) from the list of a batch's samples. {@link DataLoader} is
 * the same loader for samples that are lists of tensors, with PyTorch's default collate.
 *
 * <pre>{@code
 * record Review(String text, int label) {}
 * var loader = new BatchLoader<>(reviews, batch -> encode(batch), DataLoader.options().batchSize(32).shuffle(true));
 * for (EncodedBatch b : loader) { ... }
 * }</pre>
 *
 * <p>Each iteration is one epoch. The order of the samples is PyTorch's for the same generator state
 * (see {@link DataLoader}). With {@code numWorkers > 0} batches are loaded by that many background
 * threads (PyTorch uses processes), up to {@code numWorkers * prefetchFactor} batches ahead, and are
 * still returned in order: the batches are the ones {@code numWorkers = 0} gives. An exception thrown
 * while loading a batch is rethrown by {@code next()} in the caller's thread (the same exception, with
 * a suppressed note naming the worker). The threads end when the epoch ends, when a batch fails, or,
 * if a loop stops early, once the iterator is no longer reachable (idle workers also stop by
 * themselves after a few seconds). The dataset and the collate function must then be safe to call
 * from several threads; a dataset that draws random numbers draws them from the threads in no fixed
 * order (PyTorch seeds each worker process; jgrad's generator is shared). With workers, a shuffling
 * sampler's trailing draw (PyTorch's RandomSampler draws one more permutation after the last index) is
 * taken when the last batch is queued rather than after it is returned: the same draws, earlier, which
 * only shows if the loop draws from the loader's own generator meanwhile.
 *
 * @param <T> the sample type
 * @param <B> the batch type
 */
public final class BatchLoader<T, B> implements Iterable<B> {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicInteger LOADERS = new AtomicInteger();

    /** Makes one batch from the indices of its samples. */
    @FunctionalInterface
    interface Fetcher<B> {
        B fetch(long[] indices);
    }

    private final Dataset<T> dataset;
    private final Fetcher<B> fetcher;
    private final DataLoader.Options options;

    /**
     * {@code DataLoader(dataset, collate_fn=collate, ...)}.
     *
     * @param dataset  the samples
     * @param collate  makes one batch from the list of its samples (in the batch's order); called from the worker
     *                 threads when numWorkers &gt; 0
     * @param options  the keyword arguments ({@link DataLoader#options()}); copied
     * @throws IllegalArgumentException with PyTorch's message for a bad batch size, worker count or prefetch factor
     *         (the texts {@link DataLoader#DataLoader(Dataset, DataLoader.Options)} lists)
     */
    public BatchLoader(Dataset<T> dataset, Function<List<T>, B> collate, DataLoader.Options options) {
        this(indices -> {
            List<T> samples = new ArrayList<>(indices.length);
            for (long i : indices) samples.add(dataset.get((int) i));
            return collate.apply(samples);
        }, dataset, options);
    }

    BatchLoader(Fetcher<B> fetcher, Dataset<T> dataset, DataLoader.Options options) {
        options.check();
        this.dataset = dataset;
        this.fetcher = fetcher;
        this.options = options.copy();
    }

    /**
     * The dataset batches are drawn from ({@code loader.dataset}).
     *
     * @return the constructor's dataset
     */
    public Dataset<T> dataset() { return dataset; }

    /**
     * The number of batches per epoch ({@code len(loader)}).
     *
     * @return ceil(n / batchSize), or floor(n / batchSize) with dropLast
     */
    public int size() {
        int n = dataset.size(), b = options.batchSize;
        return options.dropLast ? n / b : (n + b - 1) / b;
    }

    /**
     * The batch size ({@code loader.batch_size}).
     *
     * @return the number of samples per full batch
     */
    public int batchSize() { return options.batchSize; }

    /**
     * The number of background loading threads ({@code loader.num_workers}).
     *
     * @return 0 when batches are loaded in the iterating thread
     */
    public int numWorkers() { return options.numWorkers; }

    @Override public Iterator<B> iterator() {
        Generator source = options.generator != null ? options.generator : Generator.defaultGenerator();
        random64(source);  // _BaseDataLoaderIter's base seed
        int n = dataset.size();
        long[] order;
        Generator permGen = null;
        if (options.shuffle) {
            permGen = options.generator;
            if (permGen == null) permGen = new Generator(random64(source) & Long.MAX_VALUE);  // random_() on int64 keeps 63 bits
            order = permGen.randperm(n);
        } else {
            order = new long[n];
            for (int i = 0; i < n; i++) order[i] = i;
        }
        Batches batches = new Batches(order, permGen);
        return options.numWorkers == 0 ? batches : new Prefetching<>(batches, fetcher, options.numWorkers, options.prefetchFactor);
    }

    /** The indices of each batch, in order; the sampler's trailing draw when the order runs out. */
    private final class Batches implements Iterator<B> {
        private final long[] order;
        private Generator pendingExtraDraw;
        private int next;

        Batches(long[] order, Generator permGen) {
            this.order = order;
            this.pendingExtraDraw = permGen;
        }

        private int remaining() { return order.length - next; }

        @Override public boolean hasNext() {
            boolean more = options.dropLast ? remaining() >= options.batchSize : remaining() > 0;
            if (!more && pendingExtraDraw != null) {
                pendingExtraDraw.randperm(order.length);  // RandomSampler's trailing randperm(n)[:0]
                pendingExtraDraw = null;
            }
            return more;
        }

        long[] nextIndices() {
            if (!hasNext()) throw new NoSuchElementException();
            int count = Math.min(options.batchSize, remaining());
            long[] idx = new long[count];
            System.arraycopy(order, next, idx, 0, count);
            next += count;
            return idx;
        }

        @Override public B next() { return fetcher.fetch(nextIndices()); }
    }

    /**
     * Batches loaded ahead by a pool of threads, handed out in order. It holds no reference that the
     * pool's threads or the cleaner hold back: once a loop drops it, the cleaner stops the threads.
     */
    private static final class Prefetching<B> implements Iterator<B> {
        private final BatchLoader<?, B>.Batches batches;
        private final Fetcher<B> fetcher;
        private final ThreadPoolExecutor pool;
        private final Cleaner.Cleanable cleanable;
        private final ArrayDeque<Future<B>> inFlight = new ArrayDeque<>();
        private final int ahead;
        private boolean failed;

        Prefetching(BatchLoader<?, B>.Batches batches, Fetcher<B> fetcher, int workers, int prefetchFactor) {
            this.batches = batches;
            this.fetcher = fetcher;
            this.ahead = workers * prefetchFactor;
            int loader = LOADERS.incrementAndGet();
            AtomicInteger worker = new AtomicInteger();
            pool = new ThreadPoolExecutor(workers, workers, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "jgrad-DataLoader-" + loader + "-worker-" + worker.getAndIncrement());
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
            ThreadPoolExecutor p = pool;  // the cleaning action must not capture this
            cleanable = CLEANER.register(this, p::shutdownNow);
            fill();
        }

        private void fill() {
            while (inFlight.size() < ahead && batches.hasNext()) {
                long[] idx = batches.nextIndices();
                Fetcher<B> f = fetcher;
                inFlight.add(pool.submit(() -> f.fetch(idx)));
            }
        }

        @Override public boolean hasNext() {
            if (failed) return false;
            boolean more = !inFlight.isEmpty() || batches.hasNext();
            if (!more) stop();  // the epoch is over: stop the threads now
            return more;
        }

        /** Stops the pool and waits (briefly: every task is done or cancelled) for its threads to end. */
        private void stop() {
            cleanable.clean();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override public B next() {
            if (!hasNext()) throw new NoSuchElementException();
            Future<B> head = inFlight.poll();
            B batch;
            try {
                batch = head.get();
            } catch (ExecutionException e) {
                failed = true;
                stop();
                throw rethrown(e.getCause());
            } catch (InterruptedException e) {
                cleanable.clean();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a DataLoader worker", e);
            }
            fill();
            return batch;
        }

        /** The worker's exception itself (PyTorch re-raises its type and message), noting where it was caught. */
        private static RuntimeException rethrown(Throwable cause) {
            String where = "Caught " + cause.getClass().getSimpleName() + " in a DataLoader worker thread";
            if (cause instanceof RuntimeException r) {
                r.addSuppressed(new WorkerNote(where));
                return r;
            }
            if (cause instanceof Error err) {
                err.addSuppressed(new WorkerNote(where));
                throw err;
            }
            return new IllegalStateException(where, cause);
        }
    }

    /** Marks an exception rethrown from a worker thread: its stack is the worker's, this note says so. */
    private static final class WorkerNote extends RuntimeException {
        WorkerNote(String message) { super(message, null, false, false); }
    }

    /** One 64-bit draw (PyTorch's random64), taken through the generator's state so its stream advances exactly. */
    static long random64(Generator g) {
        synchronized (g) {
            CpuRng rng = new CpuRng(0);
            rng.setStateBytes(g.getState());
            long v = rng.random64();
            g.setState(rng.stateBytes());
            return v;
        }
    }
}
