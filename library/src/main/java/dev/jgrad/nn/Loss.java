package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * The base of the loss modules: {@code loss.forward(input, target)} (PyTorch's {@code loss(input, target)}).
 * The one-argument forward is not defined for losses.
 */
public abstract class Loss extends Module {
    /** {@code reduction}: the reduction applied to the output: "none", "mean" or "sum". */
    public final String reduction;

    /** A loss with reduction "none", "mean" or "sum". */
    protected Loss(String reduction) { this(reduction, false); }

    /** extraReduction: the subclass takes this one further reduction (KLDivLoss's "batchmean"). */
    protected Loss(String reduction, boolean extraReduction) {
        if (!extraReduction && !reduction.equals("mean") && !reduction.equals("sum") && !reduction.equals("none")) {
            throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
        }
        this.reduction = reduction;
    }

    /** The loss of input against target, reduced as the reduction says. */
    public abstract Tensor forward(Tensor input, Tensor target);
}
