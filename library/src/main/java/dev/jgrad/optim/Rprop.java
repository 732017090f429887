package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resilient backpropagation in PyTorch's single-tensor form: each element's step size grows by etaplus
 * while its gradient keeps its sign and shrinks by etaminus when the sign flips (that element then
 * skips its update and forgets its gradient), clamped to [stepSizeMin, stepSizeMax];
 * {@code p -= sign(g) * step_size}.
 *
 * <p>PyTorch: {@code torch.optim.Rprop}.
 */
public class Rprop extends Optimizer {
    /**
     * {@code torch.optim.Rprop(params)}: lr 0.01, etas (0.5, 1.2), step_sizes (1e-6, 50).
     *
     * @param params the parameters to optimize, all in parameter group 0 (for example {@code model.parameters()})
     * @throws IllegalArgumentException if params is empty ("optimizer got an empty parameter list"), holds a
     *     non-leaf tensor ("can't optimize a non-leaf Tensor") or the same tensor twice ("some parameters appear in
     *     more than one parameter group")
     */
    public Rprop(Iterable<? extends Tensor> params) { this(params, 1e-2); }

    /**
     * {@code torch.optim.Rprop(params, lr)} with the other defaults.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the initial step size of every element, at least 0
     * @throws IllegalArgumentException for the parameter list as {@link #Rprop(Iterable)} says, or if lr is
     *     negative or NaN ("Invalid learning rate: -1.0")
     */
    public Rprop(Iterable<? extends Tensor> params, double lr) { this(params, lr, 0.5, 1.2, 1e-6, 50); }

    /**
     * {@code torch.optim.Rprop(params, lr, etas=(etaminus, etaplus), step_sizes=(stepSizeMin, stepSizeMax))}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the initial step size of every element, at least 0
     * @param etaminus the factor that shrinks a step size when its gradient changes sign, in (0, 1)
     * @param etaplus the factor that grows a step size while its gradient keeps its sign, above 1
     * @param stepSizeMin the smallest step size
     * @param stepSizeMax the largest step size
     * @throws IllegalArgumentException for the parameter list as {@link #Rprop(Iterable)} says; for a negative lr
     *     ("Invalid learning rate: -1.0"); unless 0 &lt; etaminus &lt; 1 &lt; etaplus ("Invalid eta values: 1.5, 1.2")
     */
    public Rprop(Iterable<? extends Tensor> params, double lr, double etaminus, double etaplus, double stepSizeMin, double stepSizeMax) {
        this(params, lr, etaminus, etaplus, stepSizeMin, stepSizeMax, false);
    }

    /**
     * {@code torch.optim.Rprop(params, lr, etas, step_sizes, maximize=maximize)}.
     *
     * @param params the parameters to optimize, all in parameter group 0
     * @param lr the initial step size of every element, at least 0
     * @param etaminus the factor that shrinks a step size when its gradient changes sign, in (0, 1)
     * @param etaplus the factor that grows a step size while its gradient keeps its sign, above 1
     * @param stepSizeMin the smallest step size
     * @param stepSizeMax the largest step size
     * @param maximize whether to ascend the objective instead of descending it (the gradient is negated)
     * @throws IllegalArgumentException as {@link #Rprop(Iterable, double, double, double, double, double)} says
     */
    public Rprop(Iterable<? extends Tensor> params, double lr, double etaminus, double etaplus, double stepSizeMin, double stepSizeMax,
                 boolean maximize) {
        super(params, defaults(lr, etaminus, etaplus, stepSizeMin, stepSizeMax, maximize));
    }

    private static Map<String, Object> defaults(double lr, double etaminus, double etaplus, double stepSizeMin, double stepSizeMax,
                                                boolean maximize) {
        checkNonNegative(lr, "learning rate");
        if (!(0.0 < etaminus && etaminus < 1.0 && 1.0 < etaplus)) {
            throw new IllegalArgumentException("Invalid eta values: " + dev.jgrad.nn.Repr.pyFloat(etaminus) + ", "
                    + dev.jgrad.nn.Repr.pyFloat(etaplus));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("etas", new double[] {etaminus, etaplus});
        d.put("step_sizes", new double[] {stepSizeMin, stepSizeMax});
        d.put("foreach", null);
        d.put("maximize", maximize);
        return d;
    }

    /** PyTorch 1.13's Rprop counts steps in a Python int. */
    @Override protected boolean stepIsTensor() { return false; }

    @Override public void step() {
        try (var guard = Torch.noGrad()) {
            for (ParamGroup group : paramGroups) {
                double[] etas = pair(group, "etas"), sizes = pair(group, "step_sizes");
                boolean maximize = group.getBoolean("maximize");
                for (Tensor p : group.params()) {
                    if (p.grad() == null) continue;
                    Map<String, Object> s = stateOf(p);
                    if (s.isEmpty()) {
                        s.put("step", 0.0);
                        s.put("prev", Torch.zerosLike(p));
                        s.put("step_size", Torch.fullLike(p.grad(), group.lr()));
                    }
                    s.put("step", (Double) s.get("step") + 1);
                    update(p, (Tensor) s.get("prev"), (Tensor) s.get("step_size"), etas[0], etas[1], sizes[0], sizes[1], maximize);
                }
            }
        }
    }

    private static double[] pair(ParamGroup group, String key) {
        if (!(group.options().get(key) instanceof double[] pair) || pair.length != 2) {
            throw new IllegalArgumentException(key + " must be a double[] of length 2");
        }
        return pair;
    }

    private static void update(Tensor p, Tensor prev, Tensor stepSize, double etaminus, double etaplus, double min, double max,
                               boolean maximize) {
        Tensor grad = maximize ? p.grad().neg() : p.grad();
        Tensor sign = grad.mul(prev).sign();
        sign.maskedFill_(sign.gt(0L), etaplus);  // in PyTorch's order, so a NaN product keeps its NaN factor
        sign.maskedFill_(sign.lt(0L), etaminus);
        sign.maskedFill_(sign.eq(0L), 1L);
        stepSize.mul_(sign).clamp_(min, max);
        grad = grad.clone();
        grad.maskedFill_(sign.eq(etaminus), 0L);
        p.addcmul_(grad.sign(), stepSize, -1);
        prev.copy_(grad);
    }
}
