package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.backend.AdamStep;
import dev.jgrad.internal.ops.FusedUpdates;
import java.util.Map;

/**
 * Adam (and, with {@code decoupled} weight decay, AdamW) with PyTorch's single-tensor update:
 * moments {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2}; then
 * {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}, with amsgrad using the running
 * maximum of v.
 *
 * <p>PyTorch: {@code torch.optim.Adam}.
 */
public class Adam extends Optimizer {
    /**
     * {@code torch.optim.Adam(params)}: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay, amsgrad off.
     *
     * @param params the parameters to optimize, all in parameter group 0 (for example {@code model.parameters()})
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    public Adam(Iterable<? extends Tensor> params) { this(params, 1e-3); }

    /**
     * {@code torch.optim.Adam(params, lr)} with the other defaults.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #Adam(Iterable)} says, or if lr is negative
     *     or NaN ("Invalid learning rate: -1.0")
     */
    public Adam(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0.9, 0.999, 1e-8, 0, false); }

    /**
     * {@code torch.optim.Adam(params, lr, betas=(beta1, beta2), eps, weight_decay, amsgrad)}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param beta1 the decay of the running average of the gradient, in [0, 1)
     * @param beta2 the decay of the running average of the squared gradient, in [0, 1)
     * @param eps the term added to the denominator for numerical stability, at least 0
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @param amsgrad whether to divide by the running maximum of the second moment (the AMSGrad variant)
     * @throws IllegalArgumentException for the parameter list as {@link #Adam(Iterable)} says, or for a value out
     *     of range, checked in PyTorch's order with its messages ("Invalid learning rate: -1.0", "Invalid epsilon
     *     value: -1.0", "Invalid beta parameter at index 0: 1.0", "Invalid weight_decay value: -1.0")
     */
    public Adam(Iterable<? extends Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        super(params, defaults(lr, beta1, beta2, eps, weightDecay, amsgrad));
    }

    /** For AdamW, whose options PyTorch 1.13 names in another order. */
    Adam(Iterable<? extends Tensor> params, Map<String, Object> defaults) {
        super(params, defaults);
    }

    static Map<String, Object> defaults(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        Map<String, Object> d = adamDefaults(lr, beta1, beta2, eps, weightDecay);
        d.put("amsgrad", amsgrad);
        d.put("maximize", false);
        d.put("foreach", null);  // PyTorch 1.13's remaining options, kept so state dicts carry its keys
        d.put("capturable", false);
        d.put("differentiable", false);
        d.put("fused", false);
        return d;
    }

    /**
     * Whether weight decay is decoupled (AdamW) rather than added to the gradient (Adam).
     *
     * @return true where the decay multiplies the parameter ({@code p *= 1 - lr * weight_decay}), false where it
     *     adds {@code weight_decay * p} to the gradient
     */
    protected boolean decoupledWeightDecay() { return false; }

    @Override public void step() {
        try (var guard = dev.jgrad.Torch.noGrad()) {
            for (ParamGroup group : paramGroups) {
                if (!(group.options().get("betas") instanceof double[] betas)) {
                    throw new IllegalArgumentException("betas must be a double[] {beta1, beta2}");
                }
                double lr = group.lr(), eps = group.getDouble("eps"), wd = group.getDouble("weight_decay");
                boolean amsgrad = group.getBoolean("amsgrad"), maximize = group.getBoolean("maximize");
                for (Tensor p : group.params()) {
                    if (p.grad() != null) update(p, lr, betas[0], betas[1], eps, wd, amsgrad, maximize);
                }
            }
        }
    }

    private void update(Tensor p, double lr, double beta1, double beta2, double eps, double wd, boolean amsgrad, boolean maximize) {
        Map<String, Object> s = stateOf(p);
        if (s.isEmpty()) {
            s.put("step", 0.0);
            s.put("exp_avg", dev.jgrad.Torch.zerosLike(p));
            s.put("exp_avg_sq", dev.jgrad.Torch.zerosLike(p));
            if (amsgrad) s.put("max_exp_avg_sq", dev.jgrad.Torch.zerosLike(p));
        }
        Tensor expAvg = (Tensor) s.get("exp_avg"), expAvgSq = (Tensor) s.get("exp_avg_sq");
        double step = (Double) s.get("step") + 1;
        s.put("step", step);
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        // one pass, no temporaries, the same bits as the op-by-op update below (which takes what the fused kernel doesn't)
        AdamStep fused = new AdamStep(beta1, beta2, eps, wd, decoupledWeightDecay(), lr, stepSize, biasCorrection2Sqrt, amsgrad, maximize);
        Tensor maxExpAvgSq = amsgrad ? (Tensor) s.get("max_exp_avg_sq") : null;
        if (FusedUpdates.adamStep(fused, p, p.grad(), expAvg, expAvgSq, maxExpAvgSq)) return;

        Tensor grad = maximize ? p.grad().neg() : p.grad();
        if (decoupledWeightDecay()) p.mul_(1 - lr * wd);
        else if (wd != 0) grad = grad.add(p, wd);
        expAvg.mul_(beta1).add_(grad, 1 - beta1);
        expAvgSq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
        Tensor second = expAvgSq;
        if (amsgrad) {
            Tensor max = (Tensor) s.get("max_exp_avg_sq");
            max.copy_(max.maximum(expAvgSq));
            second = max;
        }
        Tensor denom = second.sqrt().div(biasCorrection2Sqrt).add_(eps);
        p.addcdiv_(expAvg, denom, -stepSize);
    }
}
