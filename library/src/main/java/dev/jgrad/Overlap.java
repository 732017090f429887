package dev.jgrad;

/**
 * PyTorch's memory-overlap rules for writes: an in-place op may not write through a tensor whose
 * elements alias each other (an expanded, stride-0 view), and may not read an operand that shares
 * only part of its memory with the target (the result would depend on loop order).
 */
final class Overlap {
    private Overlap() {}

    /** True when two different indices of t reach the same storage element. */
    static boolean hasInternalOverlap(Tensor t) {
        for (int d = 0; d < t.shape.length; d++) {
            if (t.stride[d] == 0 && t.shape[d] > 1) return true;
        }
        return false;
    }

    static void checkWritable(Tensor t) {
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
    static void checkNoPartialOverlap(Tensor out, Tensor in) {
        if (in == out || in.storage != out.storage || in.numel == 0 || out.numel == 0) return;
        if (!isNonOverlappingAndDense(in) || !isNonOverlappingAndDense(out)) return;
        long inEnd = in.offset + (long) in.numel, outEnd = out.offset + (long) out.numel;
        boolean sameRange = in.offset == out.offset && inEnd == outEnd;
        if (sameRange && java.util.Arrays.equals(in.stride, out.stride)) return;
        if (sameRange || (in.offset < outEnd && out.offset < inEnd)) {
            throw new IllegalArgumentException("unsupported operation: some elements of the input tensor and the written-to "
                    + "tensor refer to a single memory location. Please clone() the tensor before performing the operation.");
        }
    }

    /** Some permutation of the dims makes t contiguous: it covers exactly numel consecutive elements. */
    static boolean isNonOverlappingAndDense(Tensor t) {
        int nd = t.shape.length;
        Integer[] perm = new Integer[nd];
        for (int i = 0; i < nd; i++) perm[i] = i;
        java.util.Arrays.sort(perm, (x, y) -> Integer.compare(t.stride[x], t.stride[y]));
        long expected = 1;
        for (int i = 0; i < nd; i++) {
            int d = perm[i];
            if (t.shape[d] == 1) continue;
            if (t.stride[d] != expected) return false;
            expected *= t.shape[d];
        }
        return true;
    }
}
