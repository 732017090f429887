package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.Map;

/**
 * Adamax, Adam with an infinity norm in PyTorch's single-tensor form: {@code m = b1 m + (1 - b1) g};
 * {@code u = max(b2 u, |g| + eps)}; {@code p -= lr / (1 - b1^t) * m / u}.
 *
 * <p>PyTorch: {@code torch.optim.Adamax}.
 */
public class Adamax extends Optimizer {
    /**
     * {@code torch.optim.Adamax(params)}: lr 2e-3, betas (0.9, 0.999), eps 1e-8, no weight decay.
     *
     * @param params the parameters to optimize, all in parameter group 0 (for example {@code model.parameters()})
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    public Adamax(Iterable<? extends Tensor> params) { this(params, 2e-3); }

    /**
     * {@code torch.optim.Adamax(params, lr)} with the other defaults.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #Adamax(Iterable)} says, or if lr is
     *     negative or NaN ("Invalid learning rate: -1.0")
     */
    public Adamax(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0.9, 0.999, 1e-8, 0); }

    /**
     * {@code torch.optim.Adamax(params, lr, betas=(beta1, beta2), eps, weight_decay)}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param beta1 the decay of the running average of the gradient, in [0, 1)
     * @param beta2 the decay of the exponentially weighted infinity norm, in [0, 1)
     * @param eps the term added to the infinity norm for numerical stability, at least 0
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @throws IllegalArgumentException for the parameter list as {@link #Adamax(Iterable)} says, or for a value
     *     out of range, checked in PyTorch's order with its messages ("Invalid learning rate: -1.0", "Invalid epsilon
     *     value: -1.0", "Invalid beta parameter at index 0: 1.0", "Invalid weight_decay value: -1.0")
     */
    public Adamax(Iterable<? extends Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this(params, lr, beta1, beta2, eps, weightDecay, false);
    }

    /**
     * {@code torch.optim.Adamax(params, lr, betas=(beta1, beta2), eps, weight_decay, maximize=maximize)}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param beta1 the decay of the running average of the gradient, in [0, 1)
     * @param beta2 the decay of the exponentially weighted infinity norm, in [0, 1)
     * @param eps the term added to the infinity norm for numerical stability, at least 0
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @param maximize whether to ascend the objective instead of descending it (the gradient is negated)
     * @throws IllegalArgumentException as {@link #Adamax(Iterable, double, double, double, double, double)} says
     */
    public Adamax(Iterable<? extends Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
                  boolean maximize) {
        super(params, defaults(lr, beta1, beta2, eps, weightDecay, maximize));
    }

    private static Map<String, Object> defaults(double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize) {
        Map<String, Object> d = adamDefaults(lr, beta1, beta2, eps, weightDecay);
        d.put("foreach", null);
        d.put("maximize", maximize);
        return d;
    }

    @Override public void step() {
        forEachParamWithGrad((group, p) -> {
            double[] betas = betasOf(group);
            update(p, group.lr(), betas[0], betas[1], group.getDouble("eps"), group.getDouble("weight_decay"), group.getBoolean("maximize"));
        });
    }

    private void update(Tensor p, double lr, double beta1, double beta2, double eps, double wd, boolean maximize) {
        Map<String, Object> s = stateOf(p);
        if (s.isEmpty()) {
            s.put("step", 0.0);
            s.put("exp_avg", Torch.zerosLike(p));
            s.put("exp_inf", Torch.zerosLike(p));
        }
        Tensor grad = maximize ? p.grad().neg() : p.grad();
        double step = (Double) s.get("step") + 1;
        s.put("step", step);
        if (wd != 0) grad = grad.add(p, wd);
        Tensor expAvg = (Tensor) s.get("exp_avg"), expInf = (Tensor) s.get("exp_inf");
        expAvg.mul_(beta1).add_(grad, 1 - beta1);
        // PyTorch takes amax over the stacked pair; the elementwise maximum is the same value (NaN included)
        expInf.mul_(beta2);
        expInf.copy_(expInf.maximum(grad.abs().add_(eps)));
        double clr = lr / (1 - Math.pow(beta1, step));
        p.addcdiv_(expAvg, expInf, -clr);
    }
}
