package dev.jgrad.spark;

import dev.jgrad.Generator;
import java.io.Serializable;

/**
 * Which example every worker trains on at every step: PyTorch's {@code DistributedSampler(dataset, W, rank,
 * shuffle, seed, drop_last=True)} feeding a {@code DataLoader(batch_size=B / W, drop_last=True)} on each rank,
 * with {@code set_epoch(e)} before each epoch. Epoch e visits the examples in the order
 * {@code torch.randperm(N, generator=Generator().manual_seed(seed + e))} (or 0..N-1 without shuffling); global
 * batch j of the epoch is positions {@code j*B .. (j+1)*B - 1} of that order, and rank r takes the positions
 * {@code j*B + k*W + r}, k = 0 .. B/W - 1, in that order. An epoch has {@code N / B} steps (the rest is dropped).
 */
public final class StepPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long examples;
    private final int globalBatch, workers;
    private final boolean shuffle;
    private final long seed;

    /** The plan for {@code examples} examples, a global batch of {@code globalBatch} split over {@code workers}. */
    public StepPlan(long examples, int globalBatch, int workers, boolean shuffle, long seed) {
        if (workers < 1) throw new IllegalArgumentException("workers must be positive, got " + workers);
        if (globalBatch < 1 || globalBatch % workers != 0) {
            throw new IllegalArgumentException("the global batch size (" + globalBatch + ") must be a positive multiple of the number of workers ("
                    + workers + "): each worker takes an equal shard, as DistributedDataParallel's ranks do");
        }
        if (examples < globalBatch) {
            throw new IllegalArgumentException("the dataset has " + examples + " examples, fewer than one global batch of " + globalBatch);
        }
        if (examples > Integer.MAX_VALUE) throw new IllegalArgumentException("datasets of more than 2^31 - 1 examples are not supported");
        this.examples = examples;
        this.globalBatch = globalBatch;
        this.workers = workers;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /** Steps in one epoch: {@code N / B}. */
    public long stepsPerEpoch() { return examples / globalBatch; }

    /** Examples per worker per step: {@code B / W}. */
    public int shardSize() { return globalBatch / workers; }

    /** The number of workers W. */
    public int workers() { return workers; }

    /** The global batch size B. */
    public int globalBatch() { return globalBatch; }

    /** The epoch that global step {@code step} (from 0) belongs to. */
    public int epochOf(long step) { return Math.toIntExact(step / stepsPerEpoch()); }

    /** Epoch {@code epoch}'s order of example indices. */
    public long[] order(int epoch) {
        int n = (int) examples;
        if (shuffle) return new Generator(seed + epoch).randperm(n);
        long[] identity = new long[n];
        for (int i = 0; i < n; i++) identity[i] = i;
        return identity;
    }

    /** For each example index, its position in {@code order} (the inverse permutation). */
    public static int[] positions(long[] order) {
        int[] position = new int[order.length];
        for (int p = 0; p < order.length; p++) position[(int) order[p]] = p;
        return position;
    }

    /**
     * Where the example at {@code position} of epoch {@code epoch}'s order is used, as {@code {step, rank, slot}}
     * (slot: its place in the rank's shard), or null when the epoch drops it.
     */
    public long[] placement(int epoch, int position) {
        long batch = position / globalBatch;
        if (batch >= stepsPerEpoch()) return null;
        int within = position % globalBatch;
        return new long[] {epoch * stepsPerEpoch() + batch, within % workers, within / workers};
    }
}
