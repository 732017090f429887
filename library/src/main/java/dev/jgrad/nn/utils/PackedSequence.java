package dev.jgrad.nn.utils;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/**
 * {@code torch.nn.utils.rnn.PackedSequence}: the steps of a batch of variable-length sequences laid end to end
 * (data (sum of batchSizes, *)), with how many sequences are still running at each step (batchSizes, int64),
 * and the permutation that sorted the batch by decreasing length (null when it came sorted).
 */
public record PackedSequence(Tensor data, Tensor batchSizes, Tensor sortedIndices, Tensor unsortedIndices) {
    /** Fills in unsortedIndices from sortedIndices when only the latter is given, as PyTorch's constructor does. */
    public PackedSequence {
        if (unsortedIndices == null && sortedIndices != null) unsortedIndices = invertPermutation(sortedIndices);
    }

    /** A packed batch already in sorted order (no sorted or unsorted indices). */
    public PackedSequence(Tensor data, Tensor batchSizes) { this(data, batchSizes, null, null); }

    /** The same batch with data replaced (what a recurrent layer returns). */
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
