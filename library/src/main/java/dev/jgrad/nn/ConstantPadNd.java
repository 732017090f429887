package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * The constant-padding modules (ConstantPad1d/2d/3d, ZeroPad2d; PyTorch's {@code _ConstantPadNd}): {@code F.pad} in
 * "constant" mode over a fixed number of trailing dims. Each subclass gives its shapes.
 */
public abstract class ConstantPadNd extends Module {
    /** {@code padding}: (left, right) of the last dim, then (top, bottom), then (front, back). */
    public final long[] padding;
    /** {@code value}: the fill value. */
    public final double value;

    /**
     * Pads the last dims spatial dims with value.
     *
     * @param dims the number of trailing dims padded, 1, 2 or 3
     * @param padding one size for every side, or 2 dims sizes (left, right, top, bottom, ...)
     * @param value the fill value
     * @throws IllegalArgumentException if padding has neither 1 nor 2 dims values ("padding must be one value or 4
     *     values")
     */
    protected ConstantPadNd(int dims, long[] padding, double value) {
        this.padding = sides(dims, padding);
        this.value = value;
    }

    /** One value for every side, or two per dim. */
    static long[] sides(int dims, long[] padding) {
        if (padding.length == 2 * dims) return padding.clone();
        if (padding.length != 1) throw new IllegalArgumentException("padding must be one value or " + 2 * dims + " values");
        long[] p = new long[2 * dims];
        java.util.Arrays.fill(p, padding[0]);
        return p;
    }

    @Override public Tensor forward(Tensor input) { return F.pad(input, padding, "constant", value); }

    @Override protected String extraRepr() { return "padding=" + Repr.tuple(padding) + ", value=" + Repr.pyFloat(value); }
}
