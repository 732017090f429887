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

    /** What {@link #padPackedSequence} returns: the padded batch and each sequence's length (int64). */
    public record Padded(Tensor output, Tensor lengths) {}

    /** {@code pack_padded_sequence(input, lengths, batch_first, enforce_sorted)} with the lengths as a long[]. */
    public static PackedSequence packPaddedSequence(Tensor input, long[] lengths, boolean batchFirst, boolean enforceSorted) {
        return packPaddedSequence(input, Torch.tensor(lengths), batchFirst, enforceSorted);
    }

    /** {@code pack_padded_sequence(input, lengths)}: time-major input, lengths sorted in decreasing order. */
    public static PackedSequence packPaddedSequence(Tensor input, Tensor lengths) { return packPaddedSequence(input, lengths, false, true); }

    /**
     * Packs a padded batch (T, B, *) ((B, T, *) with batchFirst) whose sequence b has lengths[b] steps. With
     * enforceSorted the lengths must decrease; otherwise the batch is sorted first (stably) and the permutation kept.
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
     * {@code pad_packed_sequence(sequence)}: time-major output padded with 0 to the longest sequence, and the
     * lengths.
     */
    public static Padded padPackedSequence(PackedSequence sequence) { return padPackedSequence(sequence, false, 0.0, null); }

    /**
     * The inverse of packing: (T, B, *) ((B, T, *) with batchFirst), padded with paddingValue up to the longest
     * sequence or to totalLength when given, in the batch's original order.
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

    /** {@code pad_sequence(sequences)}: (max L, B, *), padded with 0. */
    public static Tensor padSequence(List<Tensor> sequences) { return padSequence(sequences, false, 0.0); }

    /** Stacks sequences of shape (L_i, *) into (max L, B, *) ((B, max L, *) with batchFirst), padding with paddingValue. */
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

    /** {@code pack_sequence(sequences)}: the sequences (L_i, *) must be sorted by decreasing length. */
    public static PackedSequence packSequence(List<Tensor> sequences) { return packSequence(sequences, true); }

    /** pack_padded_sequence(pad_sequence(sequences), lengths): sequences of shape (L_i, *). */
    public static PackedSequence packSequence(List<Tensor> sequences, boolean enforceSorted) {
        long[] lengths = new long[sequences.size()];
        for (int i = 0; i < lengths.length; i++) lengths[i] = sequences.get(i).size(0);
        return packPaddedSequence(padSequence(sequences), Torch.tensor(lengths), false, enforceSorted);
    }
}
