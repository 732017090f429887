package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * The base of the loss modules: {@code loss.forward(input, target)} (PyTorch's {@code loss(input, target)}).
 * The one-argument forward is not defined for losses.
 *
 * <p>Every loss takes PyTorch's {@code reduction}: "none" gives one loss per element (or per sample), "mean"
 * their mean and "sum" their sum, both 0-dim.
 */
public abstract class Loss extends Module {
    /** {@code reduction}: the reduction applied to the output: "none", "mean" or "sum". */
    public final String reduction;

    /**
     * A loss with reduction "none", "mean" or "sum".
     *
     * @param reduction "none", "mean" or "sum"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    protected Loss(String reduction) { this(reduction, false); }

    /**
     * A loss whose subclass takes one further reduction (KLDivLoss's "batchmean") and checks it itself.
     *
     * @param reduction "none", "mean", "sum", or the subclass's own when extraReduction
     * @param extraReduction true when the subclass checks reduction itself
     * @throws IllegalArgumentException if not extraReduction and reduction is not "none", "mean" or "sum" ("xyz is
     *     not a valid value for reduction")
     */
    protected Loss(String reduction, boolean extraReduction) {
        if (!extraReduction && !reduction.equals("mean") && !reduction.equals("sum") && !reduction.equals("none")) {
            throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
        }
        this.reduction = reduction;
    }

    /**
     * The loss of input against target, reduced as the reduction says (PyTorch's {@code loss(input, target)}).
     *
     * @param input the prediction; each loss's class comment gives its shape
     * @param target the target
     * @return the loss: 0-dim for "mean" and "sum", unreduced for "none"
     */
    public abstract Tensor forward(Tensor input, Tensor target);
}
