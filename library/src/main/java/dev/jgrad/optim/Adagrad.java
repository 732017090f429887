package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adagrad in PyTorch's form: {@code sum += g^2}; {@code p -= clr g / (sqrt(sum) + eps)} with
 * {@code clr = lr / (1 + (step - 1) lr_decay)}; the sums start at initialAccumulatorValue.
 */
public class Adagrad extends Optimizer {
    /**
     * {@code torch.optim.Adagrad(params)}: lr 0.01, no lr decay or weight decay, accumulators start at 0, eps 1e-10.
     */
    public Adagrad(Iterable<? extends Tensor> params) { this(params, 1e-2); }

    /** {@code Adagrad(params, lr)} with the other defaults. */
    public Adagrad(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0, 0, 0, 1e-10); }

    /**
     * {@code Adagrad(params, lr, lr_decay, weight_decay, initial_accumulator_value, eps)}; invalid values raise
     * PyTorch's messages (IllegalArgumentException).
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
