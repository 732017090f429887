package dev.jgrad.utils.data;

import dev.jgrad.Generator;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.random.CpuRng;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Batches of a dataset ({@code torch.utils.data.DataLoader}, single process): each iteration is one
 * epoch; a batch is a list with one tensor per dataset field, the samples stacked along a new dim 0.
 *
 * <p>Shuffling reproduces PyTorch's random streams: each epoch first draws the loader's base seed
 * (one 64-bit draw) from the generator (or the default one), then the order is
 * {@code randperm(n, generator)}; without a generator, a fresh one is seeded from one more draw of the
 * default generator, as RandomSampler does. PyTorch's sampler also draws one extra permutation after
 * the last index; this is reproduced too, so later epochs stay in step.
 */
public final class DataLoader implements Iterable<List<Tensor>> {
    private final Dataset<List<Tensor>> dataset;
    private final int batchSize;
    private final boolean shuffle, dropLast;
    private final Generator generator;

    /** {@code DataLoader(dataset, batch_size)}: batches in the dataset's order, the last one possibly smaller. */
    public DataLoader(Dataset<List<Tensor>> dataset, int batchSize) { this(dataset, batchSize, false, null, false); }

    /** {@code DataLoader(dataset, batch_size, shuffle)}: shuffled with the default generator when shuffle is true. */
    public DataLoader(Dataset<List<Tensor>> dataset, int batchSize, boolean shuffle) { this(dataset, batchSize, shuffle, null, false); }

    /**
     * {@code DataLoader(dataset, batch_size, shuffle, generator=..., drop_last=...)}; generator null means the
     * default generator, as in PyTorch. A batch size below 1 raises PyTorch's "batch_size should be a
     * positive integer value" (IllegalArgumentException).
     */
    public DataLoader(Dataset<List<Tensor>> dataset, int batchSize, boolean shuffle, Generator generator, boolean dropLast) {
        if (batchSize <= 0) throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size=" + batchSize);
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.generator = generator;
        this.dropLast = dropLast;
    }

    /** The dataset batches are drawn from ({@code loader.dataset}). */
    public Dataset<List<Tensor>> dataset() { return dataset; }

    /** The number of batches per epoch ({@code len(loader)}). */
    public int size() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    @Override public Iterator<List<Tensor>> iterator() {
        Generator source = generator != null ? generator : Generator.defaultGenerator();
        random64(source);  // _BaseDataLoaderIter's base seed
        int n = dataset.size();
        long[] order;
        Generator permGen = null;
        if (shuffle) {
            permGen = generator;
            if (permGen == null) permGen = new Generator(random64(source) & Long.MAX_VALUE);  // random_() on int64 keeps 63 bits
            order = permGen.randperm(n);
        } else {
            order = new long[n];
            for (int i = 0; i < n; i++) order[i] = i;
        }
        return new Batches(order, permGen);
    }

    private final class Batches implements Iterator<List<Tensor>> {
        private final long[] order;
        private Generator pendingExtraDraw;
        private int next;

        Batches(long[] order, Generator permGen) {
            this.order = order;
            this.pendingExtraDraw = permGen;
        }

        private int remaining() { return order.length - next; }

        @Override public boolean hasNext() {
            boolean more = dropLast ? remaining() >= batchSize : remaining() > 0;
            if (!more && pendingExtraDraw != null) {
                pendingExtraDraw.randperm(order.length);  // RandomSampler's trailing randperm(n)[:0]
                pendingExtraDraw = null;
            }
            return more;
        }

        @Override public List<Tensor> next() {
            if (!hasNext()) throw new NoSuchElementException();
            int count = Math.min(batchSize, remaining());
            long[] idx = new long[count];
            System.arraycopy(order, next, idx, 0, count);
            next += count;
            return collate(idx);
        }
    }

    private List<Tensor> collate(long[] idx) {
        if (dataset instanceof TensorDataset td) {
            Tensor index = Torch.fromArray(idx, idx.length);
            List<Tensor> out = new ArrayList<>();
            for (Tensor t : td.tensors()) out.add(t.indexSelect(0, index));
            return out;
        }
        List<List<Tensor>> samples = new ArrayList<>();
        for (long i : idx) samples.add(dataset.get((int) i));
        List<Tensor> out = new ArrayList<>();
        for (int f = 0; f < samples.get(0).size(); f++) {
            List<Tensor> field = new ArrayList<>();
            for (List<Tensor> s : samples) field.add(s.get(f));
            out.add(Torch.stack(field, 0));
        }
        return out;
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
