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

    /** {@code DataLoader(dataset, batch_size)}. */
    public DataLoader(Dataset<List<Tensor>> dataset, int batchSize) { this(dataset, options().batchSize(batchSize)); }

    /** {@code DataLoader(dataset, batch_size, shuffle)}. */
    public DataLoader(Dataset<List<Tensor>> dataset, int batchSize, boolean shuffle) {
        this(dataset, options().batchSize(batchSize).shuffle(shuffle));
    }

    /** {@code DataLoader(dataset, batch_size, shuffle, generator=generator, drop_last=dropLast)}; generator null means the default generator. */
    public DataLoader(Dataset<List<Tensor>> dataset, int batchSize, boolean shuffle, Generator generator, boolean dropLast) {
        this(dataset, options().batchSize(batchSize).shuffle(shuffle).generator(generator).dropLast(dropLast));
    }

    /** {@code DataLoader(dataset, **options)} with the default collate. */
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

    /** The dataset batches are drawn from ({@code loader.dataset}). */
    public Dataset<List<Tensor>> dataset() { return loader.dataset(); }

    /** The number of batches per epoch ({@code len(loader)}). */
    public int size() { return loader.size(); }

    /** The batch size ({@code loader.batch_size}). */
    public int batchSize() { return loader.batchSize(); }

    /** The number of background loading threads ({@code loader.num_workers}). */
    public int numWorkers() { return loader.numWorkers(); }

    @Override public Iterator<List<Tensor>> iterator() { return loader.iterator(); }

    /** DataLoader's keyword arguments with PyTorch's defaults: batch size 1, no shuffle, no workers, prefetch factor 2. */
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

        /** {@code batch_size} (1 by default). */
        public Options batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** {@code shuffle}: a new random order every epoch. */
        public Options shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** {@code generator}: the source of the shuffles and base seeds (null: the default generator). */
        public Options generator(Generator generator) {
            this.generator = generator;
            return this;
        }

        /** {@code drop_last}: leave out the last batch when it is smaller than the batch size. */
        public Options dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** {@code num_workers}: background threads loading batches (0: load in the caller's thread). */
        public Options numWorkers(int numWorkers) {
            this.numWorkers = numWorkers;
            return this;
        }

        /** {@code prefetch_factor}: batches each worker loads ahead (2 by default; needs numWorkers &gt; 0). */
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
