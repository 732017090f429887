package dev.jgrad.backend;

import dev.jgrad.DType;

/**
 * What a kernel receives for one tensor argument: its storage and the layout over it (sizes, strides
 * and offset in elements). Broadcast inputs arrive already expanded to the output's shape, with
 * stride 0 on the expanded dims.
 */
public final class View {
    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    // computed once: kernels ask for both on every call, and a tensor keeps its View across ops
    private final int numel;
    private final boolean contiguous;

    /**
     * A layout over storage: element (i0, i1, ...) is at offset + sum(i_d * strides[d]); the arrays are kept, not
     * copied.
     */
    public View(Storage storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        // one pass, in the constructor itself: views are made on every op's hot path
        int n = 1, expected = 1;
        boolean rowMajor = true;
        for (int d = shape.length - 1; d >= 0; d--) {
            int size = shape[d];
            n *= size;
            if (size != 1 && strides[d] != expected) rowMajor = false;
            expected *= size;
        }
        this.numel = n;
        this.contiguous = rowMajor || n == 0;  // no elements: any strides will do, as PyTorch says
    }

    /** The storage the elements live in. */
    public Storage storage() { return storage; }

    /** The sizes, outermost first (the array itself: do not modify). */
    public int[] shape() { return shape; }

    /** The strides in elements, one per dim (0 on broadcast dims; the array itself: do not modify). */
    public int[] strides() { return strides; }

    /** The index of element (0, 0, ...) in the storage. */
    public int offset() { return offset; }

    /** The storage's dtype. */
    public DType dtype() { return storage.dtype(); }

    /** The number of dims. */
    public int dim() { return shape.length; }

    /** The number of elements, the product of the sizes. */
    public int numel() { return numel; }

    /** Row-major with no gaps (size-1 dims may have any stride; an empty layout counts as contiguous). */
    public boolean isContiguous() { return contiguous; }

    /** The same storage seen with another layout. */
    public View with(int[] shape, int[] strides, int offset) { return new View(storage, shape, strides, offset); }

    @Override public String toString() {
        return "View[" + storage.dtype() + " on " + storage.device() + ", shape=" + java.util.Arrays.toString(shape)
                + ", strides=" + java.util.Arrays.toString(strides) + ", offset=" + offset + "]";
    }
}
