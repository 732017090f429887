package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * The reflection-padding modules (ReflectionPad1d/2d/3d; PyTorch's {@code _ReflectionPadNd}): {@code F.pad} in
 * "reflect" mode over a fixed number of trailing dims. Each subclass gives its shapes.
 */
public abstract class ReflectionPadNd extends Module {
    /** {@code padding}: (left, right) of the last dim, then (top, bottom), then (front, back). */
    public final long[] padding;

    /**
     * Reflection padding of the last dims spatial dims.
     *
     * @param dims the number of trailing dims padded, 1, 2 or 3
     * @param padding one size for every side, or 2 dims sizes (left, right, top, bottom, ...)
     * @throws IllegalArgumentException if padding has neither 1 nor 2 dims values ("padding must be one value or 4
     *     values")
     */
    protected ReflectionPadNd(int dims, long[] padding) { this.padding = ConstantPadNd.sides(dims, padding); }

    @Override public Tensor forward(Tensor input) { return F.pad(input, padding, "reflect", 0.0); }

    @Override protected String extraRepr() { return Repr.tuple(padding); }
}
