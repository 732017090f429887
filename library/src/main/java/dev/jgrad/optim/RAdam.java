package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * RAdam, Adam with a rectified adaptive lr, in PyTorch 1.13's single-tensor form: while the variance
 * estimate is unreliable ({@code rho_t <= 5}) the step is plain momentum {@code p -= lr m / (1 - b1^t)};
 * afterwards it is scaled by the rectification term and {@code sqrt(1 - b2^t) / (sqrt(v) + eps)}.
 * PyTorch 1.13's RAdam has no maximize option.
 *
 * <p>PyTorch: {@code torch.optim.RAdam}.
 */
public class RAdam extends Optimizer {
    /**
     * {@code torch.optim.RAdam(params)}: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay.
     *
     * @param params the parameters to optimize, all in parameter group 0 (for example {@code model.parameters()})
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    public RAdam(Iterable<? extends Tensor> params) { this(params, 1e-3); }

    /**
     * {@code torch.optim.RAdam(params, lr)} with the other defaults.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #RAdam(Iterable)} says, or if lr is
     *     negative or NaN ("Invalid learning rate: -1.0")
     */
    public RAdam(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0.9, 0.999, 1e-8, 0); }

    /**
     * {@code torch.optim.RAdam(params, lr, betas=(beta1, beta2), eps, weight_decay)}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param beta1 the decay of the running average of the gradient, in [0, 1)
     * @param beta2 the decay of the running average of the squared gradient, in [0, 1)
     * @param eps the term added to the denominator for numerical stability, at least 0
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @throws IllegalArgumentException for the parameter list as {@link #RAdam(Iterable)} says, or for a value out
     *     of range, checked in PyTorch's order with its messages ("Invalid learning rate: -1.0", "Invalid epsilon
     *     value: -1.0", "Invalid beta parameter at index 0: 1.0", "Invalid weight_decay value: -1.0")
     */
    public RAdam(Iterable<? extends Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(params, defaults(lr, beta1, beta2, eps, weightDecay));
    }

    private static Map<String, Object> defaults(double lr, double beta1, double beta2, double eps, double weightDecay) {
        Map<String, Object> d = adamDefaults(lr, beta1, beta2, eps, weightDecay);
        d.put("foreach", null);
        return d;
    }

    @Override public void step() {
        forEachParamWithGrad((group, p) -> {
            double[] betas = betasOf(group);
            update(p, group.lr(), betas[0], betas[1], group.getDouble("eps"), group.getDouble("weight_decay"));
        });
    }

    private void update(Tensor p, double lr, double beta1, double beta2, double eps, double wd) {
        Map<String, Object> s = stateOf(p);
        if (s.isEmpty()) {
            s.put("step", 0.0);
            s.put("exp_avg", Torch.zerosLike(p));
            s.put("exp_avg_sq", Torch.zerosLike(p));
        }
        Tensor grad = p.grad();
        double step = (Double) s.get("step") + 1;
        s.put("step", step);
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        if (wd != 0) grad = grad.add(p, wd);
        Tensor expAvg = (Tensor) s.get("exp_avg"), expAvgSq = (Tensor) s.get("exp_avg_sq");
        expAvg.mul_(beta1).add_(grad, 1 - beta1);
        expAvgSq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
        Tensor biasCorrectedExpAvg = expAvg.div(biasCorrection1);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / biasCorrection2;
        if (rhoT > 5.0) {
            double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
            // PyTorch's scalar / tensor is tensor.reciprocal() * scalar
            Tensor adaptiveLr = expAvgSq.sqrt().add_(eps).reciprocal().mul(Math.sqrt(biasCorrection2));
            p.add_(biasCorrectedExpAvg.mul(lr).mul(adaptiveLr).mul(rect), -1.0);
        } else {
            p.add_(biasCorrectedExpAvg.mul(lr), -1.0);
        }
    }
}
