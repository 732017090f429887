package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** The reflection-padding modules (ReflectionPad1d/2d/3d): {@code F.pad} in "reflect" mode over a fixed number of dims. */
public abstract class ReflectionPadNd extends Module {
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final long[] padding;

    /**
     * Reflection padding of the last dims spatial dims; padding is one size for every side or (left, right, top,
     * bottom, ...).
     */
    protected ReflectionPadNd(int dims, long[] padding) { this.padding = ConstantPadNd.sides(dims, padding); }

    @Override public Tensor forward(Tensor input) { return F.pad(input, padding, "reflect", 0.0); }

    @Override protected String extraRepr() { return Repr.tuple(padding); }
}
