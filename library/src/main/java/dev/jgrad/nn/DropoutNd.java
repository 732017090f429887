package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * The channel dropouts Dropout1d, Dropout2d and Dropout3d ({@code torch.nn.modules.dropout._DropoutNd}): in training
 * mode whole channels (dim 1) are zeroed with probability p and the rest scaled by 1/(1-p), one draw per (sample,
 * channel); in eval mode the input is returned unchanged. Each subclass gives its shapes.
 */
public abstract class DropoutNd extends Module {
    /** {@code p}: the probability of a channel being zeroed. */
    public final double p;
    private final int dims;

    /**
     * A channel dropout over dims spatial dims.
     *
     * @param dims the number of spatial dims, 1, 2 or 3 (which of F.dropout1d, dropout2d, dropout3d runs)
     * @param p the probability of a channel being zeroed, in [0, 1]
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but
     *     got 1.5") or dims is not 1, 2 or 3 ("dims must be 1, 2 or 3")
     */
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
