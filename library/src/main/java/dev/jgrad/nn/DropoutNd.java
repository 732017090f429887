package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** The channel dropouts Dropout1d, Dropout2d and Dropout3d: whole channels zeroed in training mode ({@code F.dropout2d}). */
public abstract class DropoutNd extends Module {
    /** {@code p}: the probability or norm degree of the layer. */
    public final double p;
    private final int dims;

    /** dims: 1, 2 or 3 spatial dims. */
    protected DropoutNd(int dims, double p) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + Repr.pyFloat(p));
        if (dims < 1 || dims > 3) throw new IllegalArgumentException("dims must be 1, 2 or 3");
        this.dims = dims;
        this.p = p;
    }

    @Override public Tensor forward(Tensor input) {
        return switch (dims) {
            case 1 -> F.dropout1d(input, p, isTraining());
            case 2 -> F.dropout2d(input, p, isTraining());
            default -> F.dropout3d(input, p, isTraining());
        };
    }

    @Override protected String moduleName() { return "Dropout" + dims + "d"; }

    @Override protected String extraRepr() { return "p=" + Repr.pyFloat(p) + ", inplace=False"; }
}
