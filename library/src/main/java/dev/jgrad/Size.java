package dev.jgrad;

import dev.jgrad.internal.core.Shapes;
import java.util.AbstractList;
import java.util.Arrays;

/** A tensor's shape, as {@code torch.Size}: an immutable list of longs that prints {@code torch.Size([2, 3])}. */
public final class Size extends AbstractList<Long> {
    private final long[] dims;

    /**
     * {@code torch.Size(dims)}.
     *
     * @param dims the sizes, outermost first; the array is copied
     */
    public Size(long... dims) { this.dims = dims.clone(); }

    @Override public Long get(int i) { return dims[i]; }

    /**
     * The i-th dimension as a primitive ({@code size[i]}).
     *
     * @param i the dimension, in [-size(), size()); negative i counts from the end
     * @return the size of dimension i
     * @throws ArrayIndexOutOfBoundsException when i is out of range
     */
    public long dim(int i) { return dims[i < 0 ? i + dims.length : i]; }

    @Override public int size() { return dims.length; }

    /** {@return the product of the dimensions ({@code size.numel()}); 1 for the empty Size of a 0-dim tensor} */
    public long numel() {
        long n = 1;
        for (long d : dims) n *= d;
        return n;
    }

    /** {@return the dimensions as a fresh long[] (what {@code Tensor.shape()} returns)} */
    public long[] toLongArray() { return dims.clone(); }

    @Override public boolean equals(Object o) {
        if (o instanceof Size s) return Arrays.equals(dims, s.dims);
        return super.equals(o);
    }

    @Override public int hashCode() { return super.hashCode(); }

    @Override public String toString() { return "torch.Size(" + Shapes.format(dims) + ")"; }
}
