package dev.jgrad.nn.utils;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.nn.utils.rnn}: packing variable-length sequences for the recurrent layers and padding them back.
 * Everything is composed of differentiable ops (narrow, cat, stack, index_select), so gradients flow through
 * packing and unpacking.
 */
public final class Rnn {
    private Rnn() {}

    /**
     * What {@link #padPackedSequence} returns, PyTorch's tuple {@code (padded, lengths)}.
     *
     * @param output the padded batch, (T, B, *) or (B, T, *) with batchFirst
     * @param lengths each sequence's length, int64 of shape (B), in the batch's original order
     */
    public record Padded(Tensor output, Tensor lengths) {}

    /**
     * {@code torch.nn.utils.rnn.pack_padded_sequence(input, lengths, batch_first, enforce_sorted)} with the lengths
     * as a {@code long[]}.
     *
     * @param input the padded batch: (T, B, *), or (B, T, *) with batchFirst; T the longest length
     * @param lengths each sequence's number of steps, one per sequence of the batch
     * @param batchFirst whether input is (B, T, *) rather than (T, B, *)
     * @param enforceSorted whether the lengths must already decrease (false: the batch is sorted first and the
     *     permutation kept in the result)
     * @return the packed batch
     * @throws IllegalArgumentException with PyTorch's messages: lengths not 1-D ("'lengths' argument should be a 1D
     *     CPU int64 tensor, but got 2D cpu Long tensor"), an empty input ("Cannot pack empty tensors."), not one length
     *     per sequence ("Expected `len(lengths)` to be equal to batch_size, but got 3 (batch_size=2)"), a length
     *     below 1 ("Length of all samples has to be greater than 0, but found an element in 'lengths' that is &lt;=
     *     0"), lengths not in decreasing order under enforceSorted ("`lengths` array must be sorted in decreasing
     *     order when `enforce_sorted` is True. ..."); a length above T fails in select ("select(): index 3 out of
     *     range for tensor of size [3, 2, 4] at dimension 0")
     */
    public static PackedSequence packPaddedSequence(Tensor input, long[] lengths, boolean batchFirst, boolean enforceSorted) {
        return packPaddedSequence(input, Torch.tensor(lengths), batchFirst, enforceSorted);
    }

    /**
     * {@code torch.nn.utils.rnn.pack_padded_sequence(input, lengths)}: time-major input, lengths sorted in
     * decreasing order.
     *
     * @param input the padded batch, (T, B, *)
     * @param lengths each sequence's number of steps: a 1-D tensor of B integers (other dtypes are truncated to int64)
     * @return the packed batch, with no sorted or unsorted indices
     * @throws IllegalArgumentException with PyTorch's messages: lengths not 1-D ("'lengths' argument should be a 1D
     *     CPU int64 tensor, but got 2D cpu Long tensor"), an empty input ("Cannot pack empty tensors."), not one length
     *     per sequence ("Expected `len(lengths)` to be equal to batch_size, but got 3 (batch_size=2)"), a length
     *     below 1 ("Length of all samples has to be greater than 0, but found an element in 'lengths' that is &lt;=
     *     0"), lengths not in decreasing order under enforceSorted ("`lengths` array must be sorted in decreasing
     *     order when `enforce_sorted` is True. ..."); a length above T fails in select ("select(): index 3 out of
     *     range for tensor of size [3, 2, 4] at dimension 0")
     */
    public static PackedSequence packPaddedSequence(Tensor input, Tensor lengths) { return packPaddedSequence(input, lengths, false, true); }

    /**
     * {@code torch.nn.utils.rnn.pack_padded_sequence(input, lengths, batch_first, enforce_sorted)}: packs a padded
     * batch (T, B, *) ((B, T, *) with batchFirst) whose sequence b has lengths[b] steps. With enforceSorted the
     * lengths must decrease; otherwise the batch is sorted first (stably) and the permutation kept. The result's data
     * is (sum of lengths, *) and stays in input's graph.
     *
     * @param input the padded batch: (T, B, *), or (B, T, *) with batchFirst
     * @param lengths each sequence's number of steps: a 1-D tensor of B integers (other dtypes are truncated to int64)
     * @param batchFirst whether input is (B, T, *) rather than (T, B, *)
     * @param enforceSorted whether the lengths must already decrease
     * @return the packed batch
     * @throws IllegalArgumentException with PyTorch's messages: lengths not 1-D ("'lengths' argument should be a 1D
     *     CPU int64 tensor, but got 2D cpu Long tensor"), an empty input ("Cannot pack empty tensors."), not one length
     *     per sequence ("Expected `len(lengths)` to be equal to batch_size, but got 3 (batch_size=2)"), a length
     *     below 1 ("Length of all samples has to be greater than 0, but found an element in 'lengths' that is &lt;=
     *     0"), lengths not in decreasing order under enforceSorted ("`lengths` array must be sorted in decreasing
     *     order when `enforce_sorted` is True. ..."); a length above T fails in select ("select(): index 3 out of
     *     range for tensor of size [3, 2, 4] at dimension 0")
     */
    public static PackedSequence packPaddedSequence(Tensor input, Tensor lengths, boolean batchFirst, boolean enforceSorted) {
        lengths = lengths.to(DType.INT64);
        if (lengths.dim() != 1) {
            throw new IllegalArgumentException("'lengths' argument should be a 1D CPU int64 tensor, but got " + lengths.dim() + "D cpu Long tensor");
        }
        Tensor sortedIndices = null;
        if (!enforceSorted) {
            var sorted = lengths.sort(true, -1, true);
            lengths = sorted.values();
            sortedIndices = sorted.indices();
            input = input.indexSelect(batchFirst ? 0 : 1, sortedIndices);
        }
        Tensor x = batchFirst ? input.transpose(0, 1) : input;
        long[] len = lengths.toLongArray();
        long batch = x.size(1);
        if (x.numel() == 0) throw new IllegalArgumentException("Cannot pack empty tensors.");
        if (len.length != batch) {
            throw new IllegalArgumentException("Expected `len(lengths)` to be equal to batch_size, but got " + len.length + " (batch_size=" + batch + ")");
        }
        if (len[len.length - 1] <= 0) {
            throw new IllegalArgumentException("Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0");
        }
        for (int i = 0; i + 1 < len.length; i++) {
            if (len[i + 1] > len[i]) {
                throw new IllegalArgumentException("`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass "
                        + "`enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not need "
                        + "ONNX exportability.");
            }
        }
        long steps = len[0];
        long[] batchSizes = new long[(int) steps];
        List<Tensor> pieces = new ArrayList<>();
        int running = len.length;
        for (int t = 0; t < steps; t++) {
            while (running > 0 && len[running - 1] <= t) running--;
            batchSizes[t] = running;
            pieces.add(x.select(0, t).narrow(0, 0, running));
        }
        return new PackedSequence(Torch.cat(pieces, 0), Torch.tensor(batchSizes), sortedIndices, null);
    }

    /**
     * {@code torch.nn.utils.rnn.pad_packed_sequence(sequence)}: time-major output padded with 0 to the longest
     * sequence, and the lengths.
     *
     * @param sequence a packed batch
     * @return the padded batch (T, B, *) and the lengths, in the batch's original order
     */
    public static Padded padPackedSequence(PackedSequence sequence) { return padPackedSequence(sequence, false, 0.0, null); }

    /**
     * {@code torch.nn.utils.rnn.pad_packed_sequence(sequence, batch_first, padding_value, total_length)}: the inverse
     * of packing: (T, B, *) ((B, T, *) with batchFirst), padded with paddingValue up to the longest sequence or to
     * totalLength when given, in the batch's original order.
     *
     * @param sequence a packed batch
     * @param batchFirst whether to return (B, T, *) rather than (T, B, *)
     * @param paddingValue the value of the padded elements
     * @param totalLength T of the result, at least the longest length, or null for the longest length
     * @return the padded batch, in sequence's dtype, and the lengths (int64, shape (B))
     * @throws IllegalArgumentException if totalLength is below the longest length ("Expected total_length to be at
     *     least the length of the longest sequence in input, but got total_length=2 and max sequence length being 3")
     */
    public static Padded padPackedSequence(PackedSequence sequence, boolean batchFirst, double paddingValue, Integer totalLength) {
        long[] bs = sequence.batchSizes().toLongArray();
        long maxLength = bs.length;
        if (totalLength != null) {
            if (totalLength < maxLength) {
                throw new IllegalArgumentException("Expected total_length to be at least the length of the longest sequence in input, but got "
                        + "total_length=" + totalLength + " and max sequence length being " + maxLength);
            }
            maxLength = totalLength;
        }
        Tensor data = sequence.data();
        long batch = bs[0];
        long[] lengths = new long[(int) batch];
        List<Tensor> steps = new ArrayList<>();
        long offset = 0;
        long[] rowShape = data.shape();
        for (int t = 0; t < bs.length; t++) {
            Tensor rows = data.narrow(0, offset, bs[t]);
            offset += bs[t];
            for (int b = 0; b < bs[t]; b++) lengths[b]++;
            steps.add(padRows(rows, batch, paddingValue, rowShape));
        }
        for (long t = bs.length; t < maxLength; t++) steps.add(filled(rowShape, batch, paddingValue, data));
        Tensor out = Torch.stack(steps, 0);
        if (batchFirst) out = out.transpose(0, 1);
        Tensor len = Torch.tensor(lengths);
        if (sequence.unsortedIndices() != null) {
            out = out.indexSelect(batchFirst ? 0 : 1, sequence.unsortedIndices());
            len = len.indexSelect(0, sequence.unsortedIndices());
        }
        return new Padded(out, len);
    }

    private static Tensor padRows(Tensor rows, long batch, double value, long[] rowShape) {
        long missing = batch - rows.size(0);
        return missing == 0 ? rows : Torch.cat(List.of(rows, filled(rowShape, missing, value, rows)), 0);
    }

    private static Tensor filled(long[] rowShape, long count, double value, Tensor like) {
        long[] shape = rowShape.clone();
        shape[0] = count;
        return Torch.full(shape, value, like.dtype(), like.device());
    }

    /**
     * {@code torch.nn.utils.rnn.pad_sequence(sequences)}: (max L, B, *), padded with 0.
     *
     * @param sequences B tensors of shape (L_i, *), the same * for all
     * @return the padded batch (max L, B, *)
     * @throws IllegalArgumentException if sequences is empty ("received an empty list of sequences") or the * shapes
     *     differ (stack's message, "stack expects each tensor to be equal size, but got [3, 2] at entry 0 and [3, 3]
     *     at entry 1", where PyTorch reports a size mismatch)
     */
    public static Tensor padSequence(List<Tensor> sequences) { return padSequence(sequences, false, 0.0); }

    /**
     * {@code torch.nn.utils.rnn.pad_sequence(sequences, batch_first, padding_value)}: stacks sequences of shape
     * (L_i, *) into (max L, B, *) ((B, max L, *) with batchFirst), padding with paddingValue.
     *
     * @param sequences B tensors of shape (L_i, *), the same * for all
     * @param batchFirst whether to return (B, max L, *) rather than (max L, B, *)
     * @param paddingValue the value of the padded elements
     * @return the padded batch, in the graph of the sequences
     * @throws IllegalArgumentException if sequences is empty ("received an empty list of sequences") or the * shapes
     *     differ (stack's message, where PyTorch reports a size mismatch)
     */
    public static Tensor padSequence(List<Tensor> sequences, boolean batchFirst, double paddingValue) {
        if (sequences.isEmpty()) throw new IllegalArgumentException("received an empty list of sequences");
        long max = 0;
        for (Tensor s : sequences) max = Math.max(max, s.size(0));
        List<Tensor> padded = new ArrayList<>();
        for (Tensor s : sequences) {
            long[] shape = s.shape();
            shape[0] = max - s.size(0);
            padded.add(shape[0] == 0 ? s : Torch.cat(List.of(s, Torch.full(shape, paddingValue, s.dtype(), s.device())), 0));
        }
        return Torch.stack(padded, batchFirst ? 0 : 1);
    }

    /**
     * {@code torch.nn.utils.rnn.pack_sequence(sequences)}: the sequences (L_i, *) must be sorted by decreasing length.
     *
     * @param sequences tensors of shape (L_i, *), the same * for all, longest first
     * @return the packed batch
     * @throws IllegalArgumentException if sequences is empty ("received an empty list of sequences"), a sequence has
     *     no steps, or the lengths increase ("`lengths` array must be sorted in decreasing order when
     *     `enforce_sorted` is True. ...")
     */
    public static PackedSequence packSequence(List<Tensor> sequences) { return packSequence(sequences, true); }

    /**
     * {@code torch.nn.utils.rnn.pack_sequence(sequences, enforce_sorted)}:
     * {@code pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted)}.
     *
     * @param sequences tensors of shape (L_i, *), the same * for all
     * @param enforceSorted whether the sequences must come longest first (false: they are sorted, and the
     *     permutation kept)
     * @return the packed batch
     * @throws IllegalArgumentException if sequences is empty ("received an empty list of sequences"), a sequence has
     *     no steps, or enforceSorted is set and the lengths increase
     */
    public static PackedSequence packSequence(List<Tensor> sequences, boolean enforceSorted) {
        long[] lengths = new long[sequences.size()];
        for (int i = 0; i < lengths.length; i++) lengths[i] = sequences.get(i).size(0);
        return packPaddedSequence(padSequence(sequences), Torch.tensor(lengths), false, enforceSorted);
    }
}
