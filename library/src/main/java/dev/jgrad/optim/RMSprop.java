package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RMSprop in PyTorch's form: {@code v = alpha v + (1 - alpha) g^2}; the denominator is
 * {@code sqrt(v) + eps} (centered: {@code sqrt(v - gavg^2) + eps}); then either
 * {@code p -= lr g / denom} or, with momentum, {@code buf = momentum buf + g / denom; p -= lr buf}.
 *
 * <p>PyTorch: {@code torch.optim.RMSprop}.
 */
public class RMSprop extends Optimizer {
    /**
     * {@code torch.optim.RMSprop(params)}: lr 0.01, alpha 0.99, eps 1e-8, no weight decay or momentum, not centered.
     *
     * @param params the parameters to optimize, all in parameter group 0 (for example {@code model.parameters()})
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    public RMSprop(Iterable<? extends Tensor> params) { this(params, 1e-2); }

    /**
     * {@code torch.optim.RMSprop(params, lr)} with the other defaults.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #RMSprop(Iterable)} says, or if lr is
     *     negative or NaN ("Invalid learning rate: -1.0")
     */
    public RMSprop(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0.99, 1e-8, 0, 0, false); }

    /**
     * {@code torch.optim.RMSprop(params, lr, alpha, eps, weight_decay, momentum, centered)}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param alpha the smoothing constant of the running average of the squared gradient, at least 0
     * @param eps the term added to the denominator for numerical stability, at least 0
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @param momentum the momentum factor, at least 0 (0 keeps no momentum buffer)
     * @param centered whether to normalize by the estimated variance of the gradient ({@code v - gavg^2}) rather
     *     than by its uncentered second moment
     * @throws IllegalArgumentException for the parameter list as {@link #RMSprop(Iterable)} says, or for a value
     *     out of range, checked in PyTorch's order with its messages ("Invalid learning rate: -1.0", "Invalid
     *     epsilon value: -1.0", "Invalid momentum value: -1.0", "Invalid weight_decay value: -1.0", "Invalid alpha
     *     value: -1.0")
     */
    public RMSprop(Iterable<? extends Tensor> params, double lr, double alpha, double eps, double weightDecay, double momentum,
                   boolean centered) {
        super(params, defaults(lr, alpha, eps, weightDecay, momentum, centered));
    }

    private static Map<String, Object> defaults(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        checkNonNegative(lr, "learning rate");
        checkNonNegative(eps, "epsilon value");
        checkNonNegative(momentum, "momentum value");
        checkNonNegative(weightDecay, "weight_decay value");
        checkNonNegative(alpha, "alpha value");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", momentum);
        d.put("alpha", alpha);
        d.put("eps", eps);
        d.put("centered", centered);
        d.put("weight_decay", weightDecay);
        d.put("foreach", null);
        d.put("maximize", false);
        d.put("differentiable", false);
        return d;
    }

    /** PyTorch 1.13's RMSprop counts steps in a Python int. */
    @Override protected boolean stepIsTensor() { return false; }

    @Override public void step() {
        try (var guard = Torch.noGrad()) {
            for (ParamGroup group : paramGroups) {
                double lr = group.lr(), alpha = group.getDouble("alpha"), eps = group.getDouble("eps");
                double wd = group.getDouble("weight_decay"), momentum = group.getDouble("momentum");
                boolean centered = group.getBoolean("centered"), maximize = group.getBoolean("maximize");
                for (Tensor p : group.params()) {
                    if (p.grad() == null) continue;
                    Map<String, Object> s = stateOf(p);
                    if (s.isEmpty()) {
                        s.put("step", 0.0);
                        s.put("square_avg", Torch.zerosLike(p));
                        if (momentum > 0) s.put("momentum_buffer", Torch.zerosLike(p));
                        if (centered) s.put("grad_avg", Torch.zerosLike(p));
                    }
                    s.put("step", (Double) s.get("step") + 1);
                    Tensor grad = maximize ? p.grad().neg() : p.grad();
                    if (wd != 0) grad = grad.add(p, wd);
                    Tensor squareAvg = (Tensor) s.get("square_avg");
                    squareAvg.mul_(alpha).addcmul_(grad, grad, 1 - alpha);
                    Tensor avg;
                    if (centered) {
                        Tensor gradAvg = (Tensor) s.get("grad_avg");
                        gradAvg.mul_(alpha).add_(grad, 1 - alpha);
                        avg = squareAvg.addcmul(gradAvg, gradAvg, -1).sqrt_();
                    } else {
                        avg = squareAvg.sqrt();
                    }
                    avg = avg.add_(eps);
                    if (momentum > 0) {
                        Tensor buf = (Tensor) s.get("momentum_buffer");
                        buf.mul_(momentum).addcdiv_(grad, avg, 1);
                        p.add_(buf, -lr);
                    } else {
                        p.addcdiv_(grad, avg, -lr);
                    }
                }
            }
        }
    }
}
