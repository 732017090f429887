package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decays each group's lr to zero over totalIters epochs as {@code (1 - t / totalIters)^power} (PyTorch's recursive form).
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.PolynomialLR}.
 */
public class PolynomialLR extends LRScheduler {
    /** The steps over which the lrs decay to 0. */
    public int totalIters;
    /** The polynomial's power (1: linear decay). */
    public double power;

    /**
     * {@code torch.optim.lr_scheduler.PolynomialLR(optimizer)}: linear decay to 0 over 5 steps.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     */
    public PolynomialLR(Optimizer optimizer) { this(optimizer, 5, 1.0, -1); }

    /**
     * {@code torch.optim.lr_scheduler.PolynomialLR(optimizer, total_iters, power)}: the lrs times
     * {@code (1 - step / totalIters)^power}, then 0.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param totalIters the steps over which the lrs decay to 0
     * @param power the polynomial's power (1: linear decay)
     */
    public PolynomialLR(Optimizer optimizer, int totalIters, double power) { this(optimizer, totalIters, power, -1); }

    /**
     * {@code torch.optim.lr_scheduler.PolynomialLR(optimizer, total_iters, power, last_epoch)}.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param totalIters the steps over which the lrs decay to 0
     * @param power the polynomial's power (1: linear decay)
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
     */
    public PolynomialLR(Optimizer optimizer, int totalIters, double power, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.totalIters = totalIters;
        this.power = power;
        initialStep();
    }

    @Override protected void putOwnState(Map<String, Object> d) {
        d.put("total_iters", totalIters);
        d.put("power", power);
    }

    @Override protected void loadOwnState(Map<String, ?> d) {
        totalIters = integer(d, "total_iters", totalIters);
        power = number(d, "power", power);
    }

    @Override protected List<Double> getLr() {
        List<Double> lrs = currentLrs();
        if (lastEpoch == 0 || lastEpoch > totalIters) return lrs;
        double decay = Math.pow((1.0 - (double) lastEpoch / totalIters) / (1.0 - (double) (lastEpoch - 1) / totalIters), power);
        List<Double> r = new ArrayList<>();
        for (double lr : lrs) r.add(lr * decay);
        return r;
    }

    @Override protected List<Double> closedFormLr() {
        List<Double> r = new ArrayList<>();
        for (double base : baseLrs) r.add(base * Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch) / totalIters, power));
        return r;
    }
}
