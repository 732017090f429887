package dev.jgrad.backend;

import dev.jgrad.DType;

/**
 * What a kernel receives for one tensor argument: its storage and the layout over it (sizes, strides
 * and offset in elements). Broadcast inputs arrive already expanded to the output's shape, with
 * stride 0 on the expanded dims.
 */
public record View(Storage storage, int[] shape, int[] strides, int offset) {

    public DType dtype() { return storage.dtype(); }

    public int dim() { return shape.length; }

    public int numel() {
        int n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    /** Row-major with no gaps (size-1 dims may have any stride). */
    public boolean isContiguous() {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 1) continue;
            if (strides[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    /** The same storage seen with another layout. */
    public View with(int[] shape, int[] strides, int offset) { return new View(storage, shape, strides, offset); }
}
