package dev.jgrad.internal.core;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;

/**
 * PyTorch's memory-overlap rules for writes: an in-place op may not write through a tensor whose
 * elements alias each other (an expanded, stride-0 view), and may not read an operand that shares
 * only part of its memory with the target (the result would depend on loop order).
 */
public final class Overlap {
    private Overlap() {}

    /** True when two different indices of t reach the same storage element. */
    public static boolean hasInternalOverlap(Tensor t) {
        for (int d = 0; d < shape(t).length; d++) {
            if (strides(t)[d] == 0 && shape(t)[d] > 1) return true;
        }
        return false;
    }

    public static void checkWritable(Tensor t) {
        dev.jgrad.internal.autograd.ViewTracking.checkInferenceInplace(t);
        if (hasInternalOverlap(t)) {
            throw new IllegalArgumentException("unsupported operation: more than one element of the written-to tensor refers "
                    + "to a single memory location. Please clone() the tensor before performing the operation.");
        }
    }

    /**
     * Same memory with the same strides is fine ({@code x.add_(x)}); disjoint memory is fine. Like
     * PyTorch, only dense layouts are compared (for others, such as interleaved slices, the overlap is
     * "too hard" to decide and the op goes ahead).
     */
    public static void checkNoPartialOverlap(Tensor out, Tensor in) {
        if (in == out || storage(in) != storage(out) || numel(in) == 0 || numel(out) == 0) return;
        if (!isNonOverlappingAndDense(in) || !isNonOverlappingAndDense(out)) return;
        long inEnd = offset(in) + (long) numel(in), outEnd = offset(out) + (long) numel(out);
        boolean sameRange = offset(in) == offset(out) && inEnd == outEnd;
        if (sameRange && java.util.Arrays.equals(strides(in), strides(out))) return;
        if (sameRange || (offset(in) < outEnd && offset(out) < inEnd)) {
            throw new IllegalArgumentException("unsupported operation: some elements of the input tensor and the written-to "
                    + "tensor refer to a single memory location. Please clone() the tensor before performing the operation.");
        }
    }

    /** Some permutation of the dims makes t contiguous: it covers exactly numel consecutive elements. */
    public static boolean isNonOverlappingAndDense(Tensor t) {
        int nd = shape(t).length;
        Integer[] perm = new Integer[nd];
        for (int i = 0; i < nd; i++) perm[i] = i;
        java.util.Arrays.sort(perm, (x, y) -> Integer.compare(strides(t)[x], strides(t)[y]));
        long expected = 1;
        for (int i = 0; i < nd; i++) {
            int d = perm[i];
            if (shape(t)[d] == 1) continue;
            if (strides(t)[d] != expected) return false;
            expected *= shape(t)[d];
        }
        return true;
    }
}
