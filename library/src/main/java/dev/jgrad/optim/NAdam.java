package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * NAdam, Adam with Nesterov momentum, in PyTorch 1.13's single-tensor form: momentum coefficients
 * {@code mu_t = b1 (1 - 0.5 * 0.96^(t psi))}, their running product kept (as in PyTorch) in a float32
 * scalar tensor, and two addcdiv_ steps: one along the gradient, one along the first moment.
 * PyTorch 1.13's NAdam has no maximize option.
 *
 * <p>PyTorch: {@code torch.optim.NAdam}.
 */
public class NAdam extends Optimizer {
    /**
     * {@code torch.optim.NAdam(params)}: lr 2e-3, betas (0.9, 0.999), eps 1e-8, no weight decay, momentum_decay 4e-3.
     *
     * @param params the parameters to optimize, all in parameter group 0 (for example {@code model.parameters()})
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    public NAdam(Iterable<? extends Tensor> params) { this(params, 2e-3); }

    /**
     * {@code torch.optim.NAdam(params, lr)} with the other defaults.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #NAdam(Iterable)} says, or if lr is
     *     negative or NaN ("Invalid learning rate: -1.0")
     */
    public NAdam(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0.9, 0.999, 1e-8, 0, 4e-3); }

    /**
     * {@code torch.optim.NAdam(params, lr, betas=(beta1, beta2), eps, weight_decay, momentum_decay)}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param beta1 the decay of the running average of the gradient, in [0, 1)
     * @param beta2 the decay of the running average of the squared gradient, in [0, 1)
     * @param eps the term added to the denominator for numerical stability, at least 0
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @param momentumDecay psi in the momentum schedule {@code mu_t = beta1 (1 - 0.5 * 0.96^(t psi))}, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #NAdam(Iterable)} says, or for a value out
     *     of range, checked in PyTorch's order with its messages ("Invalid learning rate: -1.0", "Invalid epsilon
     *     value: -1.0", "Invalid beta parameter at index 0: 1.0", "Invalid weight_decay value: -1.0"), then "Invalid momentum_decay value: -1.0"
     */
    public NAdam(Iterable<? extends Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
                 double momentumDecay) {
        super(params, defaults(lr, beta1, beta2, eps, weightDecay, momentumDecay));
    }

    private static Map<String, Object> defaults(double lr, double beta1, double beta2, double eps, double weightDecay, double momentumDecay) {
        Map<String, Object> d = adamDefaults(lr, beta1, beta2, eps, weightDecay);
        checkNonNegative(momentumDecay, "momentum_decay value");
        d.put("momentum_decay", momentumDecay);
        d.put("foreach", null);
        return d;
    }

    @Override public void step() {
        forEachParamWithGrad((group, p) -> {
            double[] betas = betasOf(group);
            update(p, group.lr(), betas[0], betas[1], group.getDouble("eps"), group.getDouble("weight_decay"),
                    group.getDouble("momentum_decay"));
        });
    }

    private void update(Tensor p, double lr, double beta1, double beta2, double eps, double wd, double momentumDecay) {
        Map<String, Object> s = stateOf(p);
        if (s.isEmpty()) {
            s.put("step", 0.0);
            s.put("mu_product", Torch.scalarTensor(1.0));
            s.put("exp_avg", Torch.zerosLike(p));
            s.put("exp_avg_sq", Torch.zerosLike(p));
        }
        Tensor grad = p.grad();
        double step = (Double) s.get("step") + 1;
        s.put("step", step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        if (wd != 0) grad = grad.add(p, wd);
        double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, step * momentumDecay));
        double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
        Tensor muProduct = (Tensor) s.get("mu_product");
        muProduct.mul_(mu);  // float32 arithmetic, as PyTorch's tensor product
        double muProductNext = muProduct.mul(mu).mul(muNext).item();
        Tensor expAvg = (Tensor) s.get("exp_avg"), expAvgSq = (Tensor) s.get("exp_avg_sq");
        expAvg.mul_(beta1).add_(grad, 1 - beta1);
        expAvgSq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
        Tensor denom = expAvgSq.div(biasCorrection2).sqrt().add_(eps);
        p.addcdiv_(grad, denom, -lr * (1.0 - mu) / (1.0 - muProduct.item()));
        p.addcdiv_(expAvg, denom, -lr * muNext / (1.0 - muProductNext));
    }
}
