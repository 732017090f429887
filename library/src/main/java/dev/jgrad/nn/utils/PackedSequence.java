package dev.jgrad.nn.utils;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/**
 * {@code torch.nn.utils.rnn.PackedSequence}: the steps of a batch of variable-length sequences laid end to end
 * (data (sum of batchSizes, *)), with how many sequences are still running at each step (batchSizes, int64),
 * and the permutation that sorted the batch by decreasing length (null when it came sorted). Made by
 * {@link Rnn#packPaddedSequence} and {@link Rnn#packSequence}; the recurrent layers take and return it.
 *
 * @param data the packed steps, (sum of batchSizes, *): step 0 of every sequence, then step 1 of those still
 *     running, ...
 * @param batchSizes how many sequences run at each step, int64 of shape (longest length)
 * @param sortedIndices the permutation that sorted the batch by decreasing length (int64, shape (B)), or null
 * @param unsortedIndices its inverse, which restores the original order, or null
 */
public record PackedSequence(Tensor data, Tensor batchSizes, Tensor sortedIndices, Tensor unsortedIndices) {
    /**
     * {@code PackedSequence(data, batch_sizes, sorted_indices, unsorted_indices)}: fills in unsortedIndices from
     * sortedIndices when only the latter is given, as PyTorch's constructor does.
     *
     * @param data the packed steps, (sum of batchSizes, *)
     * @param batchSizes how many sequences run at each step, int64
     * @param sortedIndices the sorting permutation, or null
     * @param unsortedIndices its inverse, or null to compute it from sortedIndices
     */
    public PackedSequence {
        if (unsortedIndices == null && sortedIndices != null) unsortedIndices = invertPermutation(sortedIndices);
    }

    /**
     * A packed batch already in sorted order (no sorted or unsorted indices).
     *
     * @param data the packed steps, (sum of batchSizes, *)
     * @param batchSizes how many sequences run at each step, int64
     */
    public PackedSequence(Tensor data, Tensor batchSizes) { this(data, batchSizes, null, null); }

    /**
     * The same batch with data replaced (what a recurrent layer returns; PyTorch's {@code _replace(data=...)}).
     *
     * @param newData the new packed steps, (sum of batchSizes, *')
     * @return a new PackedSequence with this one's batch sizes and indices
     */
    public PackedSequence withData(Tensor newData) { return new PackedSequence(newData, batchSizes, sortedIndices, unsortedIndices); }

    /** perm^-1: out[perm[i]] = i. */
    static Tensor invertPermutation(Tensor perm) {
        Tensor out = Torch.emptyLike(perm);
        return out.scatter_(0, perm, Torch.arange(perm.numel()).to(perm.dtype()));
    }

    /** The namedtuple's repr. */
    @Override public String toString() {
        return "PackedSequence(data=" + data + ", batch_sizes=" + batchSizes + ", sorted_indices=" + (sortedIndices == null ? "None" : sortedIndices)
                + ", unsorted_indices=" + (unsortedIndices == null ? "None" : unsortedIndices) + ")";
    }
}
