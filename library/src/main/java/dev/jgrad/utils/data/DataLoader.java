package dev.jgrad.utils.data;

import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Batches of a dataset of tensors ({@code torch.utils.data.DataLoader}): each iteration is one epoch;
 * a batch is a list with one tensor per dataset field, the samples stacked along a new dim 0
 * ({@link Data#defaultCollate}). For samples of other types, and a collate function of one's own, see
 * {@link BatchLoader}, which this loader is built on (background loading with {@code numWorkers} too).
 *
 * <pre>{@code
 * var loader = new DataLoader(new TensorDataset(x, y), 64, true);
 * var fast = new DataLoader(dataset, DataLoader.options().batchSize(64).shuffle(true).numWorkers(2).dropLast(true));
 * }</pre>
 *
 * <p>Shuffling reproduces PyTorch's random streams: each epoch first draws the loader's base seed
 * (one 64-bit draw) from the generator (or the default one), then the order is
 * {@code randperm(n, generator)}; without a generator, a fresh one is seeded from one more draw of the
 * default generator, as RandomSampler does. PyTorch's sampler also draws one extra permutation after
 * the last index; this is reproduced too, so later epochs stay in step.
 */
public final class DataLoader implements Iterable<List<Tensor>> {
    private final BatchLoader<List<Tensor>, List<Tensor>> loader;

    /**
     * {@code DataLoader(dataset, batch_size)}: batches in order, the last one possibly short.
     *
     * @param dataset    the samples, each a list of tensors (one per field), as {@link TensorDataset} gives them
     * @param batchSize  the number of samples per batch
     * @throws IllegalArgumentException PyTorch's "batch_size should be a positive integer value, but got
     *         batch_size=0" for a batch size below 1
     */
    public DataLoader(Dataset<List<Tensor>> dataset, int batchSize) { this(dataset, options().batchSize(batchSize)); }

    /**
     * {@code DataLoader(dataset, batch_size, shuffle)}.
     *
     * @param dataset    the samples, each a list of tensors (one per field)
     * @param batchSize  the number of samples per batch
     * @param shuffle    a new random order every epoch, drawn from the default generator
     * @throws IllegalArgumentException PyTorch's "batch_size should be a positive integer value, but got
     *         batch_size=0" for a batch size below 1
     */
    public DataLoader(Dataset<List<Tensor>> dataset, int batchSize, boolean shuffle) {
        this(dataset, options().batchSize(batchSize).shuffle(shuffle));
    }

    /**
     * {@code DataLoader(dataset, batch_size, shuffle, generator=generator, drop_last=drop_last)}.
     *
     * @param dataset    the samples, each a list of tensors (one per field)
     * @param batchSize  the number of samples per batch
     * @param shuffle    a new random order every epoch
     * @param generator  the generator the base seeds and orders are drawn from; null: the default generator
     * @param dropLast   leave out the last batch when it is short
     * @throws IllegalArgumentException PyTorch's "batch_size should be a positive integer value, but got
     *         batch_size=0" for a batch size below 1
     */
    public DataLoader(Dataset<List<Tensor>> dataset, int batchSize, boolean shuffle, Generator generator, boolean dropLast) {
        this(dataset, options().batchSize(batchSize).shuffle(shuffle).generator(generator).dropLast(dropLast));
    }

    /**
     * {@code DataLoader(dataset, **options)} with the default collate.
     *
     * @param dataset  the samples, each a list of tensors (one per field)
     * @param options  the keyword arguments ({@link #options()}); copied, so later changes to it do not reach
     *                 this loader
     * @throws IllegalArgumentException with PyTorch's message for a batch size below 1 ("batch_size should be a
     *         positive integer value, but got batch_size=0"), a negative numWorkers ("num_workers option should be
     *         non-negative; use num_workers=0 to disable multiprocessing."), a prefetch factor without workers
     *         ("prefetch_factor option could only be specified in multiprocessing.let num_workers &gt; 0 to enable
     *         multiprocessing.") or below 1 ("prefetch_factor should be a positive integer value, but got
     *         prefetch_factor=0")
     */
    public DataLoader(Dataset<List<Tensor>> dataset, Options options) {
        this.loader = new BatchLoader<>(fetcher(dataset), dataset, options);
    }

    /** A TensorDataset's batch is one index_select per tensor; other datasets' samples are stacked. */
    private static BatchLoader.Fetcher<List<Tensor>> fetcher(Dataset<List<Tensor>> dataset) {
        if (dataset instanceof TensorDataset td) {
            return idx -> {
                Tensor index = Torch.fromArray(idx, idx.length);
                List<Tensor> out = new ArrayList<>();
                for (Tensor t : td.tensors()) out.add(t.indexSelect(0, index));
                return out;
            };
        }
        return idx -> {
            List<List<Tensor>> samples = new ArrayList<>(idx.length);
            for (long i : idx) samples.add(dataset.get((int) i));
            return Data.defaultCollate(samples);
        };
    }

    /**
     * The dataset batches are drawn from ({@code loader.dataset}).
     *
     * @return the constructor's dataset
     */
    public Dataset<List<Tensor>> dataset() { return loader.dataset(); }

    /**
     * The number of batches per epoch ({@code len(loader)}).
     *
     * @return ceil(n / batchSize), or floor(n / batchSize) with dropLast
     */
    public int size() { return loader.size(); }

    /**
     * The batch size ({@code loader.batch_size}).
     *
     * @return the number of samples per full batch
     */
    public int batchSize() { return loader.batchSize(); }

    /**
     * The number of background loading threads ({@code loader.num_workers}).
     *
     * @return 0 when batches are loaded in the iterating thread
     */
    public int numWorkers() { return loader.numWorkers(); }

    @Override public Iterator<List<Tensor>> iterator() { return loader.iterator(); }

    /**
     * DataLoader's keyword arguments with PyTorch's defaults: batch size 1, no shuffle, the default generator, keep
     * the last batch, no workers, prefetch factor 2. Checked when a loader is made.
     *
     * @return new options, to set fluently
     */
    public static Options options() { return new Options(); }

    /** The keyword arguments of PyTorch's DataLoader that jgrad has, set fluently. */
    public static final class Options {
        int batchSize = 1;
        boolean shuffle;
        Generator generator;
        boolean dropLast;
        int numWorkers;
        int prefetchFactor = 2;
        private boolean prefetchFactorSet;

        Options() {}

        /**
         * {@code batch_size} (1 by default).
         *
         * @param batchSize  the number of samples per batch, at least 1
         * @return these options
         */
        public Options batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * {@code shuffle}: a new random order every epoch (false by default).
         *
         * @param shuffle  whether to shuffle
         * @return these options
         */
        public Options shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * {@code generator}: the source of the shuffles and base seeds.
         *
         * @param generator  the generator; null (the default): the default generator
         * @return these options
         */
        public Options generator(Generator generator) {
            this.generator = generator;
            return this;
        }

        /**
         * {@code drop_last}: leave out the last batch when it is smaller than the batch size (false by default).
         *
         * @param dropLast  whether to drop a short last batch
         * @return these options
         */
        public Options dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /**
         * {@code num_workers}: background threads loading batches (threads where PyTorch has processes).
         *
         * @param numWorkers  the thread count, at least 0; 0 (the default): load in the caller's thread
         * @return these options
         */
        public Options numWorkers(int numWorkers) {
            this.numWorkers = numWorkers;
            return this;
        }

        /**
         * {@code prefetch_factor}: batches each worker loads ahead (2 by default; another value needs numWorkers &gt; 0).
         *
         * @param prefetchFactor  the batches per worker, at least 1
         * @return these options
         */
        public Options prefetchFactor(int prefetchFactor) {
            this.prefetchFactor = prefetchFactor;
            this.prefetchFactorSet = true;
            return this;
        }

        Options copy() {
            Options o = new Options();
            o.batchSize = batchSize;
            o.shuffle = shuffle;
            o.generator = generator;
            o.dropLast = dropLast;
            o.numWorkers = numWorkers;
            o.prefetchFactor = prefetchFactor;
            o.prefetchFactorSet = prefetchFactorSet;
            return o;
        }

        /** PyTorch's argument checks, with its messages. */
        void check() {
            if (batchSize <= 0) throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size=" + batchSize);
            if (numWorkers < 0) {
                throw new IllegalArgumentException("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.");
            }
            if (numWorkers == 0 && prefetchFactorSet && prefetchFactor != 2) {
                throw new IllegalArgumentException("prefetch_factor option could only be specified in multiprocessing."
                        + "let num_workers > 0 to enable multiprocessing.");
            }
            if (prefetchFactor <= 0) {
                throw new IllegalArgumentException("prefetch_factor should be a positive integer value, but got prefetch_factor=" + prefetchFactor);
            }
        }
    }
}
