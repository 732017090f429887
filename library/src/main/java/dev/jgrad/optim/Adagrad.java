package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adagrad in PyTorch's form: {@code sum += g^2}; {@code p -= clr g / (sqrt(sum) + eps)} with
 * {@code clr = lr / (1 + (step - 1) lr_decay)}; the sums start at initialAccumulatorValue.
 *
 * <p>PyTorch: {@code torch.optim.Adagrad}.
 */
public class Adagrad extends Optimizer {
    /**
     * {@code torch.optim.Adagrad(params)}: lr 0.01, no lr decay or weight decay, accumulators start at 0, eps 1e-10.
     *
     * @param params the parameters to optimize, all in parameter group 0 (for example {@code model.parameters()})
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    public Adagrad(Iterable<? extends Tensor> params) { this(params, 1e-2); }

    /**
     * {@code torch.optim.Adagrad(params, lr)} with the other defaults.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #Adagrad(Iterable)} says, or if lr is
     *     negative or NaN ("Invalid learning rate: -1.0")
     */
    public Adagrad(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0, 0, 0, 1e-10); }

    /**
     * {@code torch.optim.Adagrad(params, lr, lr_decay, weight_decay, initial_accumulator_value, eps)}. As in
     * PyTorch, each parameter's state ({@code step} 0 and {@code sum}) is filled here, not on the first step.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the learning rate, at least 0
     * @param lrDecay the learning-rate decay, at least 0 ({@code clr = lr / (1 + (step - 1) lr_decay)})
     * @param weightDecay the L2 penalty, at least 0, added to the gradient as {@code weightDecay * p}
     * @param initialAccumulatorValue the starting value of every element's sum of squared gradients, at least 0
     * @param eps the term added to the denominator for numerical stability, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #Adagrad(Iterable)} says, or for a value
     *     out of range, checked in PyTorch's order with its messages ("Invalid learning rate: -1.0", "Invalid
     *     lr_decay value: -1.0", "Invalid weight_decay value: -1.0", "Invalid initial_accumulator_value value:
     *     -1.0", "Invalid epsilon value: -1.0")
     */
    public Adagrad(Iterable<? extends Tensor> params, double lr, double lrDecay, double weightDecay, double initialAccumulatorValue,
                   double eps) {
        super(params, defaults(lr, lrDecay, weightDecay, initialAccumulatorValue, eps));
        for (ParamGroup group : paramGroups) {  // PyTorch fills the state when the optimizer is made
            for (Tensor p : group.params()) {
                Map<String, Object> s = stateOf(p);
                s.put("step", 0.0);
                s.put("sum", Torch.fullLike(p, initialAccumulatorValue));
            }
        }
    }

    private static Map<String, Object> defaults(double lr, double lrDecay, double weightDecay, double initial, double eps) {
        checkNonNegative(lr, "learning rate");
        checkNonNegative(lrDecay, "lr_decay value");
        checkNonNegative(weightDecay, "weight_decay value");
        checkNonNegative(initial, "initial_accumulator_value value");
        checkNonNegative(eps, "epsilon value");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("lr_decay", lrDecay);
        d.put("eps", eps);
        d.put("weight_decay", weightDecay);
        d.put("initial_accumulator_value", initial);
        d.put("foreach", null);
        d.put("maximize", false);
        return d;
    }

    @Override public void step() {
        try (var guard = Torch.noGrad()) {
            for (ParamGroup group : paramGroups) {
                double lr = group.lr(), lrDecay = group.getDouble("lr_decay"), eps = group.getDouble("eps"), wd = group.getDouble("weight_decay");
                boolean maximize = group.getBoolean("maximize");
                for (Tensor p : group.params()) {
                    if (p.grad() == null) continue;
                    Map<String, Object> s = stateOf(p);
                    if (s.isEmpty()) {  // a group added after construction
                        s.put("step", 0.0);
                        s.put("sum", Torch.fullLike(p, group.getDouble("initial_accumulator_value")));
                    }
                    double step = (Double) s.get("step") + 1;
                    s.put("step", step);
                    Tensor grad = maximize ? p.grad().neg() : p.grad();
                    if (wd != 0) grad = grad.add(p, wd);
                    double clr = lr / (1 + (step - 1) * lrDecay);
                    Tensor sum = (Tensor) s.get("sum");
                    sum.addcmul_(grad, grad, 1);
                    Tensor std = sum.sqrt().add_(eps);
                    p.addcdiv_(grad, std, -clr);
                }
            }
        }
    }
}
