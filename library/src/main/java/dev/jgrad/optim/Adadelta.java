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
 *
 * <p>PyTorch: {@code torch.optim.Adadelta}.
 */
public class Adadelta extends Optimizer {
    /**
     * {@code torch.optim.Adadelta(params)}: lr 1.0, rho 0.9, eps 1e-6, no weight decay.
     *
     * @param params the parameters to optimize, all in parameter group 0 (for example {@code model.parameters()})
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    public Adadelta(Iterable<? extends Tensor> params) { this(params, 1.0); }

    /**
     * {@code torch.optim.Adadelta(params, lr)} with the other defaults.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the coefficient that scales delta before it is applied, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #Adadelta(Iterable)} says, or if lr is
     *     negative or NaN ("Invalid learning rate: -1.0")
     */
    public Adadelta(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0.9, 1e-6, 0); }

    /**
     * {@code torch.optim.Adadelta(params, lr, rho, eps, weight_decay)}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the coefficient that scales delta before it is applied, at least 0
     * @param rho the decay of the running averages of the squared gradient and the squared delta, in [0, 1]
     * @param eps the term added inside both square roots for numerical stability, at least 0
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @throws IllegalArgumentException for the parameter list as {@link #Adadelta(Iterable)} says, or for a value
     *     out of range, checked in PyTorch's order with its messages ("Invalid learning rate: -1.0", "Invalid rho
     *     value: 1.5", "Invalid epsilon value: -1.0", "Invalid weight_decay value: -1.0")
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
