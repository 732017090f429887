package dev.jgrad.optim;

import dev.jgrad.Tensor;

/**
 * Adam with decoupled weight decay: {@code p *= 1 - lr * weight_decay} before the Adam update (default decay 0.01).
 *
 * <p>PyTorch: {@code torch.optim.AdamW}.
 */
public class AdamW extends Adam {
    /**
     * {@code torch.optim.AdamW(params)}: lr 1e-3, betas (0.9, 0.999), eps 1e-8, decoupled weight decay 0.01, amsgrad
     * off.
     *
     * @param params the parameters to optimize, all in parameter group 0 (for example {@code model.parameters()})
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    public AdamW(Iterable<? extends Tensor> params) { this(params, 1e-3); }

    /**
     * {@code torch.optim.AdamW(params, lr)} with the other defaults.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #AdamW(Iterable)} says, or if lr is negative
     *     or NaN ("Invalid learning rate: -1.0")
     */
    public AdamW(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0.9, 0.999, 1e-8, 1e-2, false); }

    /**
     * {@code torch.optim.AdamW(params, lr, betas=(beta1, beta2), eps, weight_decay, amsgrad)}: Adam with the weight
     * decay applied to the parameters directly ({@code p -= lr * weight_decay * p}) instead of to the gradient.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param beta1 the decay of the running average of the gradient, in [0, 1)
     * @param beta2 the decay of the running average of the squared gradient, in [0, 1)
     * @param eps the term added to the denominator for numerical stability, at least 0
     * @param weightDecay the decoupled weight decay, at least 0
     * @param amsgrad whether to divide by the running maximum of the second moment (the AMSGrad variant)
     * @throws IllegalArgumentException for the parameter list as {@link #AdamW(Iterable)} says, or for a value out
     *     of range, checked in PyTorch's order with its messages ("Invalid learning rate: -1.0", "Invalid epsilon
     *     value: -1.0", "Invalid beta parameter at index 1: 1.0", "Invalid weight_decay value: -1.0")
     */
    public AdamW(Iterable<? extends Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
                 boolean amsgrad) {
        super(params, adamWDefaults(lr, beta1, beta2, eps, weightDecay, amsgrad));
    }

    private static java.util.Map<String, Object> adamWDefaults(double lr, double beta1, double beta2, double eps, double weightDecay,
                                                              boolean amsgrad) {
        java.util.Map<String, Object> d = adamDefaults(lr, beta1, beta2, eps, weightDecay);
        d.put("amsgrad", amsgrad);  // PyTorch 1.13's AdamW keys, in its order
        d.put("foreach", null);
        d.put("maximize", false);
        d.put("capturable", false);
        return d;
    }

    @Override protected boolean decoupledWeightDecay() { return true; }
}
