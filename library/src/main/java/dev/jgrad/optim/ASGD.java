package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Averaged SGD in PyTorch's single-tensor form: {@code p *= 1 - lambd eta}; {@code p -= eta g}; the
 * average {@code ax} follows p with weight mu once step exceeds t0; then
 * {@code eta = lr / (1 + lambd lr t)^alpha}, {@code mu = 1 / max(1, t - t0)}. eta and mu are kept, as in
 * PyTorch, in float32 scalar tensors, so their rounding matches.
 *
 * <p>PyTorch: {@code torch.optim.ASGD}.
 */
public class ASGD extends Optimizer {
    /**
     * {@code torch.optim.ASGD(params)}: lr 0.01, lambd 1e-4, alpha 0.75, t0 1e6, no weight decay.
     *
     * @param params the parameters to optimize, all in parameter group 0 (for example {@code model.parameters()})
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    public ASGD(Iterable<? extends Tensor> params) { this(params, 1e-2); }

    /**
     * {@code torch.optim.ASGD(params, lr)} with the other defaults.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #ASGD(Iterable)} says, or if lr is negative
     *     or NaN ("Invalid learning rate: -1.0")
     */
    public ASGD(Iterable<? extends Tensor> params, double lr) { this(params, lr, 1e-4, 0.75, 1e6, 0); }

    /**
     * {@code torch.optim.ASGD(params, lr, lambd, alpha, t0, weight_decay)}: averaged SGD; the average starts after
     * step t0.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param lambd the decay term ({@code p *= 1 - lambd * eta} each step)
     * @param alpha the power of the eta update ({@code eta = lr / (1 + lambd lr t)^alpha})
     * @param t0 the step after which averaging starts
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @throws IllegalArgumentException for the parameter list as {@link #ASGD(Iterable)} says, or a negative lr or
     *     weight decay ("Invalid learning rate: -1.0", "Invalid weight_decay value: -1.0")
     */
    public ASGD(Iterable<? extends Tensor> params, double lr, double lambd, double alpha, double t0, double weightDecay) {
        this(params, lr, lambd, alpha, t0, weightDecay, false);
    }

    /**
     * {@code torch.optim.ASGD(params, lr, lambd, alpha, t0, weight_decay, maximize=maximize)}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param lambd the decay term ({@code p *= 1 - lambd * eta} each step)
     * @param alpha the power of the eta update ({@code eta = lr / (1 + lambd lr t)^alpha})
     * @param t0 the step after which averaging starts
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @param maximize whether to ascend the objective instead of descending it (the gradient is negated)
     * @throws IllegalArgumentException as {@link #ASGD(Iterable, double, double, double, double, double)} says
     */
    public ASGD(Iterable<? extends Tensor> params, double lr, double lambd, double alpha, double t0, double weightDecay, boolean maximize) {
        super(params, defaults(lr, lambd, alpha, t0, weightDecay, maximize));
    }

    private static Map<String, Object> defaults(double lr, double lambd, double alpha, double t0, double weightDecay, boolean maximize) {
        checkNonNegative(lr, "learning rate");
        checkNonNegative(weightDecay, "weight_decay value");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("lambd", lambd);
        d.put("alpha", alpha);
        d.put("t0", t0);
        d.put("weight_decay", weightDecay);
        d.put("foreach", null);
        d.put("maximize", maximize);
        return d;
    }

    @Override public void step() {
        try (var guard = Torch.noGrad()) {
            for (ParamGroup group : paramGroups) {
                double lr = group.lr(), lambd = group.getDouble("lambd"), alpha = group.getDouble("alpha"), t0 = group.getDouble("t0");
                double wd = group.getDouble("weight_decay");
                boolean maximize = group.getBoolean("maximize");
                for (Tensor p : group.params()) {
                    if (p.grad() == null) continue;
                    Map<String, Object> s = stateOf(p);
                    if (s.isEmpty()) {
                        s.put("step", 0.0);
                        s.put("eta", Torch.scalarTensor(lr));
                        s.put("mu", Torch.scalarTensor(1.0));
                        s.put("ax", Torch.zerosLike(p));
                    }
                    Tensor grad = maximize ? p.grad().neg() : p.grad();
                    Tensor mu = (Tensor) s.get("mu"), ax = (Tensor) s.get("ax"), eta = (Tensor) s.get("eta");
                    double step = (Double) s.get("step") + 1;
                    s.put("step", step);
                    if (wd != 0) grad = grad.add(p, wd);
                    double etaValue = eta.item();
                    p.mul_(1 - lambd * etaValue);
                    p.add_(grad, -etaValue);
                    if (mu.item() != 1) ax.add_(p.sub(ax).mul(mu));
                    else ax.copy_(p);
                    eta.fill_(lr / Math.pow(1 + lambd * lr * step, alpha));
                    mu.fill_(1 / Math.max(1, step - t0));
                }
            }
        }
    }
}
