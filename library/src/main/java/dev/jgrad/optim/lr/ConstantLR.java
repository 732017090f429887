package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scales each group's lr by factor until epoch totalIters, then restores it (a warm-up at a constant fraction).
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.ConstantLR}.
 */
public class ConstantLR extends LRScheduler {
    /** The factor the lrs are multiplied by until totalIters. */
    public double factor;
    /** The step at which the lrs return to their base values. */
    public int totalIters;

    /**
     * {@code torch.optim.lr_scheduler.ConstantLR(optimizer)}: the lrs times 1/3 for the first 5 steps.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     */
    public ConstantLR(Optimizer optimizer) { this(optimizer, 1.0 / 3, 5, -1); }

    /**
     * {@code torch.optim.lr_scheduler.ConstantLR(optimizer, factor, total_iters)}: the lrs times factor until step
     * totalIters.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param factor the factor the lrs are multiplied by until totalIters, in [0, 1]
     * @param totalIters the step at which the lrs return to their base values
     * @throws IllegalArgumentException if factor is outside [0, 1] ("Constant multiplicative factor expected to be
     *     between 0 and 1.")
     */
    public ConstantLR(Optimizer optimizer, double factor, int totalIters) { this(optimizer, factor, totalIters, -1); }

    /**
     * {@code torch.optim.lr_scheduler.ConstantLR(optimizer, factor, total_iters, last_epoch)}.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param factor the factor the lrs are multiplied by until totalIters, in [0, 1]
     * @param totalIters the step at which the lrs return to their base values
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
     *     or if factor is outside [0, 1] ("Constant multiplicative factor expected to be between 0 and 1.")
     */
    public ConstantLR(Optimizer optimizer, double factor, int totalIters, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (factor > 1.0 || factor < 0) throw new IllegalArgumentException("Constant multiplicative factor expected to be between 0 and 1.");
        this.factor = factor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override protected void putOwnState(Map<String, Object> d) {
        d.put("factor", factor);
        d.put("total_iters", totalIters);
    }

    @Override protected void loadOwnState(Map<String, ?> d) {
        factor = number(d, "factor", factor);
        totalIters = integer(d, "total_iters", totalIters);
    }

    @Override protected List<Double> getLr() {
        List<Double> r = new ArrayList<>();
        for (double lr : currentLrs()) {
            if (lastEpoch == 0) r.add(lr * factor);
            else if (lastEpoch == totalIters) r.add(lr * (1.0 / factor));
            else r.add(lr);
        }
        return r;
    }

    @Override protected List<Double> closedFormLr() {
        List<Double> r = new ArrayList<>();
        for (double base : baseLrs) r.add(base * (factor + (lastEpoch >= totalIters ? 1 : 0) * (1 - factor)));
        return r;
    }
}
