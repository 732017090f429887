package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.backend.AdadeltaStep;
import dev.jgrad.internal.ops.FusedUpdates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adadelta in PyTorch's form: {@code v = rho v + (1 - rho) g^2}; {@code delta = sqrt(u + eps) / sqrt(v + eps) * g};
 * {@code u = rho u + (1 - rho) delta^2}; {@code p -= lr delta}.
 */
public class Adadelta extends Optimizer {
    /** {@code torch.optim.Adadelta(params)}: lr 1.0, rho 0.9, eps 1e-6, no weight decay. */
    public Adadelta(Iterable<? extends Tensor> params) { this(params, 1.0); }

    /** {@code Adadelta(params, lr)} with the other defaults. */
    public Adadelta(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0.9, 1e-6, 0); }

    /**
     * {@code Adadelta(params, lr, rho, eps, weight_decay)}; each is checked as PyTorch checks it ("Invalid learning
     * rate: -1.0", IllegalArgumentException).
     */
    public Adadelta(Iterable<? extends Tensor> params, double lr, double rho, double eps, double weightDecay) {
        super(params, defaults(lr, rho, eps, weightDecay));
    }

    private static Map<String, Object> defaults(double lr, double rho, double eps, double weightDecay) {
        checkNonNegative(lr, "learning rate");
        if (!(rho >= 0 && rho <= 1)) throw new IllegalArgumentException("Invalid rho value: " + dev.jgrad.nn.Repr.pyFloat(rho));
        checkNonNegative(eps, "epsilon value");
        checkNonNegative(weightDecay, "weight_decay value");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("rho", rho);
        d.put("eps", eps);
        d.put("weight_decay", weightDecay);
        d.put("maximize", false);
        d.put("foreach", null);
        return d;
    }

    /** PyTorch 1.13's Adadelta counts steps in a Python int. */
    @Override protected boolean stepIsTensor() { return false; }

    @Override public void step() {
        try (var guard = Torch.noGrad()) {
            for (ParamGroup group : paramGroups) {
                double lr = group.lr(), rho = group.getDouble("rho"), eps = group.getDouble("eps"), wd = group.getDouble("weight_decay");
                boolean maximize = group.getBoolean("maximize");
                for (Tensor p : group.params()) {
                    if (p.grad() == null) continue;
                    Map<String, Object> s = stateOf(p);
                    if (s.isEmpty()) {
                        s.put("step", 0.0);
                        s.put("square_avg", Torch.zerosLike(p));
                        s.put("acc_delta", Torch.zerosLike(p));
                    }
                    s.put("step", (Double) s.get("step") + 1);
                    Tensor squareAvg = (Tensor) s.get("square_avg"), accDelta = (Tensor) s.get("acc_delta");
                    // one pass with no temporaries when the tensors allow it; the same bits as the ops below
                    if (FusedUpdates.adadeltaStep(new AdadeltaStep(lr, rho, eps, wd, maximize), p, p.grad(), squareAvg, accDelta)) continue;
                    Tensor grad = maximize ? p.grad().neg() : p.grad();
                    if (wd != 0) grad = grad.add(p, wd);
                    squareAvg.mul_(rho).addcmul_(grad, grad, 1 - rho);
                    Tensor std = squareAvg.add(eps).sqrt_();
                    Tensor delta = accDelta.add(eps).sqrt_().div_(std).mul_(grad);
                    accDelta.mul_(rho).addcmul_(delta, delta, 1 - rho);
                    p.add_(delta, -lr);
                }
            }
        }
    }
}
