package dev.jgrad.backend;

import dev.jgrad.DType;

/**
 * What a kernel receives for one tensor argument: its storage and the layout over it (sizes, strides
 * and offset in elements), as PyTorch's {@code Tensor.size()}, {@code stride()} and {@code storage_offset()}.
 * An expanded tensor has stride 0 on its expanded dims; a transposed one has its strides swapped. What the
 * {@link Backend} methods accept in each argument is said there.
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
     * copied. Nothing is checked: the caller keeps every element inside the storage.
     *
     * @param storage  the buffer the elements live in
     * @param shape    the sizes, outermost first (empty for a 0-d tensor)
     * @param strides  the strides in elements, one per dim (0 on broadcast dims)
     * @param offset   the storage index of element (0, 0, ...)
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

    /**
     * The storage the elements live in.
     *
     * @return the storage (shared with every view of it)
     */
    public Storage storage() { return storage; }

    /**
     * The sizes, outermost first.
     *
     * @return the array itself: do not modify
     */
    public int[] shape() { return shape; }

    /**
     * The strides in elements, one per dim (0 on broadcast dims).
     *
     * @return the array itself: do not modify
     */
    public int[] strides() { return strides; }

    /**
     * The index of element (0, 0, ...) in the storage.
     *
     * @return the offset in elements
     */
    public int offset() { return offset; }

    /**
     * The storage's dtype.
     *
     * @return the dtype of every element
     */
    public DType dtype() { return storage.dtype(); }

    /**
     * The number of dims.
     *
     * @return shape().length (0 for a 0-d tensor)
     */
    public int dim() { return shape.length; }

    /**
     * The number of elements.
     *
     * @return the product of the sizes (1 for a 0-d tensor)
     */
    public int numel() { return numel; }

    /**
     * Whether the layout is row-major with no gaps, as PyTorch's {@code is_contiguous()}: size-1 dims may have any
     * stride, and a layout with no elements counts as contiguous. (The offset may be anything.)
     *
     * @return true when the elements are consecutive in row-major order
     */
    public boolean isContiguous() { return contiguous; }

    /**
     * The same storage seen with another layout (a kernel's reshaped or permuted look at its argument).
     *
     * @param shape    the new sizes
     * @param strides  the new strides, one per dim
     * @param offset   the new offset
     * @return a view over this view's storage
     */
    public View with(int[] shape, int[] strides, int offset) { return new View(storage, shape, strides, offset); }

    @Override public String toString() {
        return "View[" + storage.dtype() + " on " + storage.device() + ", shape=" + java.util.Arrays.toString(shape)
                + ", strides=" + java.util.Arrays.toString(strides) + ", offset=" + offset + "]";
    }
}
