package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.backend.SgdStep;
import dev.jgrad.internal.ops.FusedUpdates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight decay,
 * in PyTorch's order: {@code d = g + wd * p}; {@code buf = d} on the first step, else
 * {@code buf = momentum * buf + (1 - dampening) * d}; {@code d = nesterov ? d + momentum * buf : buf};
 * {@code p -= lr * d}.
 *
 * <p>PyTorch: {@code torch.optim.SGD}.
 */
public class SGD extends Optimizer {
    /**
     * {@code torch.optim.SGD(params, lr)}: plain gradient descent, no momentum, dampening or weight decay.
     *
     * @param params the parameters to optimize, all in parameter group 0 (for example {@code model.parameters()})
     * @param lr the learning rate, at least 0
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group"), or if lr is negative or NaN ("Invalid learning rate: -1.0")
     */
    public SGD(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0, 0, 0, false); }

    /**
     * {@code torch.optim.SGD(params, lr, momentum)}: gradient descent with heavy-ball momentum.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param momentum the momentum factor, at least 0 (0 keeps no momentum buffer)
     * @throws IllegalArgumentException for the parameter list as {@link #SGD(Iterable, double)} says, or a negative
     *     lr or momentum ("Invalid learning rate: -1.0", "Invalid momentum value: -0.5")
     */
    public SGD(Iterable<? extends Tensor> params, double lr, double momentum) { this(params, lr, momentum, 0, 0, false); }

    /**
     * {@code torch.optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov)}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param momentum the momentum factor, at least 0
     * @param dampening the dampening of the gradient's share in the momentum buffer ({@code 1 - dampening})
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @param nesterov whether to use Nesterov momentum (needs momentum &gt; 0 and dampening 0)
     * @throws IllegalArgumentException for the parameter list as {@link #SGD(Iterable, double)} says; for a negative
     *     lr, momentum or weight decay ("Invalid weight_decay value: -0.1"); for nesterov without a momentum or with
     *     a dampening ("Nesterov momentum requires a momentum and zero dampening")
     */
    public SGD(Iterable<? extends Tensor> params, double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        this(params, lr, momentum, dampening, weightDecay, nesterov, false);
    }

    /**
     * {@code torch.optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov, maximize=maximize)}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param momentum the momentum factor, at least 0
     * @param dampening the dampening of the gradient's share in the momentum buffer ({@code 1 - dampening})
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @param nesterov whether to use Nesterov momentum (needs momentum &gt; 0 and dampening 0)
     * @param maximize whether to ascend the objective instead of descending it (the gradient is negated)
     * @throws IllegalArgumentException as {@link #SGD(Iterable, double, double, double, double, boolean)} says
     */
    public SGD(Iterable<? extends Tensor> params, double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
               boolean maximize) {
        super(params, defaults(lr, momentum, dampening, weightDecay, nesterov, maximize));
    }

    private static Map<String, Object> defaults(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
                                                boolean maximize) {
        checkNonNegative(lr, "learning rate");
        checkNonNegative(momentum, "momentum value");
        checkNonNegative(weightDecay, "weight_decay value");
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", momentum);
        d.put("dampening", dampening);
        d.put("weight_decay", weightDecay);
        d.put("nesterov", nesterov);
        d.put("maximize", maximize);
        d.put("foreach", null);  // PyTorch 1.13's remaining options, kept so state dicts carry its keys
        d.put("differentiable", false);
        return d;
    }

    @Override public void step() {
        try (var guard = Torch.noGrad()) {
            for (ParamGroup group : paramGroups) {
                double lr = group.lr(), momentum = group.getDouble("momentum"), dampening = group.getDouble("dampening");
                double weightDecay = group.getDouble("weight_decay");
                boolean nesterov = group.getBoolean("nesterov"), maximize = group.getBoolean("maximize");
                for (Tensor p : group.params()) {
                    Tensor d = p.grad();
                    if (d == null) continue;
                    if (fusedStep(p, d, lr, momentum, dampening, weightDecay, nesterov, maximize)) continue;
                    if (maximize) d = d.neg();
                    if (weightDecay != 0) d = d.add(p, weightDecay);
                    if (momentum == 0) stateOf(p).putIfAbsent("momentum_buffer", null);  // PyTorch 1.13 records a None buffer
                    if (momentum != 0) {
                        Map<String, Object> s = stateOf(p);
                        Tensor buf = (Tensor) s.get("momentum_buffer");
                        if (buf == null) {
                            buf = d.clone().detach();
                            s.put("momentum_buffer", buf);
                        } else {
                            buf.mul_(momentum).add_(d, 1 - dampening);
                        }
                        d = nesterov ? d.add(buf, momentum) : buf;
                    }
                    p.add_(d, -lr);
                }
            }
        }
    }

    /** The update in one pass with no temporaries, when FusedUpdates takes the tensors; the same bits as the loop above. */
    private boolean fusedStep(Tensor p, Tensor grad, double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
                              boolean maximize) {
        Map<String, Object> s = stateOf(p);
        Tensor buf = momentum == 0 ? null : (Tensor) s.get("momentum_buffer");
        boolean first = momentum != 0 && buf == null;
        if (first) buf = Torch.emptyLike(p);
        if (!FusedUpdates.sgdStep(new SgdStep(lr, momentum, dampening, weightDecay, nesterov, maximize, first), p, grad, buf)) return false;
        if (momentum == 0) s.putIfAbsent("momentum_buffer", null);  // PyTorch 1.13 records a None buffer
        else if (first) s.put("momentum_buffer", buf);
        return true;
    }
}
