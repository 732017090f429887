package dev.jgrad.optim;

import dev.jgrad.Tensor;

/** Adam with decoupled weight decay: {@code p *= 1 - lr * weight_decay} before the Adam update (default decay 0.01). */
public class AdamW extends Adam {
    /**
     * {@code torch.optim.AdamW(params)}: lr 1e-3, betas (0.9, 0.999), eps 1e-8, decoupled weight decay 0.01, amsgrad
     * off.
     */
    public AdamW(Iterable<? extends Tensor> params) { this(params, 1e-3); }

    /** {@code AdamW(params, lr)} with the other defaults. */
    public AdamW(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0.9, 0.999, 1e-8, 1e-2, false); }

    /**
     * {@code AdamW(params, lr, betas=(beta1, beta2), eps, weight_decay, amsgrad)}: Adam with the weight decay applied
     * to the parameters directly (p -= lr * weight_decay * p) instead of to the gradient.
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
