package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** The replication-padding modules (ReplicationPad1d/2d/3d): {@code F.pad} in "replicate" mode over a fixed number of dims. */
public abstract class ReplicationPadNd extends Module {
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final long[] padding;

    /**
     * Replication padding of the last dims spatial dims; padding is one size for every side or (left, right, top,
     * bottom, ...).
     */
    protected ReplicationPadNd(int dims, long[] padding) { this.padding = ConstantPadNd.sides(dims, padding); }

    @Override public Tensor forward(Tensor input) { return F.pad(input, padding, "replicate", 0.0); }

    @Override protected String extraRepr() { return Repr.tuple(padding); }
}
