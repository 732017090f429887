package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * The base of the loss modules: {@code loss.forward(input, target)} (PyTorch's {@code loss(input, target)}).
 * The one-argument forward is not defined for losses.
 */
public abstract class Loss extends Module {
    public final String reduction;

    protected Loss(String reduction) { this(reduction, false); }

    /** extraReduction: the subclass takes this one further reduction (KLDivLoss's "batchmean"). */
    protected Loss(String reduction, boolean extraReduction) {
        if (!extraReduction && !reduction.equals("mean") && !reduction.equals("sum") && !reduction.equals("none")) {
            throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
        }
        this.reduction = reduction;
    }

    public abstract Tensor forward(Tensor input, Tensor target);
}
