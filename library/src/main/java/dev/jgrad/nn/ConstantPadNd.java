package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** The constant-padding modules (ConstantPad1d/2d/3d, ZeroPad1d/2d/3d): {@code F.pad} in "constant" mode over a fixed number of dims. */
public abstract class ConstantPadNd extends Module {
    /** (left, right) of the last dim, then (top, bottom), then (front, back). */
    public final long[] padding;
    /** {@code value}: the value substituted. */
    public final double value;

    /**
     * Pads the last dims dims-many spatial dims with value; padding is one size for every side or (left, right, top,
     * bottom, ...).
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
