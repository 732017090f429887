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
 */
public class ASGD extends Optimizer {
    /** {@code torch.optim.ASGD(params)}: lr 0.01, lambd 1e-4, alpha 0.75, t0 1e6, no weight decay. */
    public ASGD(Iterable<? extends Tensor> params) { this(params, 1e-2); }

    /** {@code ASGD(params, lr)} with the other defaults. */
    public ASGD(Iterable<? extends Tensor> params, double lr) { this(params, lr, 1e-4, 0.75, 1e6, 0); }

    /** {@code ASGD(params, lr, lambd, alpha, t0, weight_decay)}: averaged SGD; the average starts after step t0. */
    public ASGD(Iterable<? extends Tensor> params, double lr, double lambd, double alpha, double t0, double weightDecay) {
        this(params, lr, lambd, alpha, t0, weightDecay, false);
    }

    /** maximize: ascend instead of descend. */
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
