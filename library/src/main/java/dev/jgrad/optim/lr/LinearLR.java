package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scales each group's lr linearly from startFactor to endFactor over totalIters epochs (PyTorch's recursive form).
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.LinearLR}.
 */
public class LinearLR extends LRScheduler {
    /** The factor of the base lrs at step 0. */
    public double startFactor;
    /** The factor reached at totalIters and kept after. */
    public double endFactor;
    /** The steps over which the factor moves linearly. */
    public int totalIters;

    /**
     * {@code torch.optim.lr_scheduler.LinearLR(optimizer)}: the factor goes from 1/3 to 1 over 5 steps.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     */
    public LinearLR(Optimizer optimizer) { this(optimizer, 1.0 / 3, 1.0, 5, -1); }

    /**
     * {@code torch.optim.lr_scheduler.LinearLR(optimizer, start_factor, end_factor, total_iters, last_epoch)}: the
     * lrs times a factor moving linearly from startFactor to endFactor.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param startFactor the factor at step 0, in (0, 1]
     * @param endFactor the factor reached at totalIters and kept after, in [0, 1]
     * @param totalIters the steps over which the factor moves
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
     *     or if startFactor is outside (0, 1] ("Starting multiplicative factor expected to be greater than 0 and less
     *     or equal to 1.") or endFactor outside [0, 1] ("Ending multiplicative factor expected to be between 0 and 1.")
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (startFactor > 1.0 || startFactor <= 0) {
            throw new IllegalArgumentException("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
        }
        if (endFactor > 1.0 || endFactor < 0) throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override protected void putOwnState(Map<String, Object> d) {
        d.put("start_factor", startFactor);
        d.put("end_factor", endFactor);
        d.put("total_iters", totalIters);
    }

    @Override protected void loadOwnState(Map<String, ?> d) {
        startFactor = number(d, "start_factor", startFactor);
        endFactor = number(d, "end_factor", endFactor);
        totalIters = integer(d, "total_iters", totalIters);
    }

    @Override protected List<Double> getLr() {
        List<Double> r = new ArrayList<>();
        for (double lr : currentLrs()) {
            if (lastEpoch == 0) r.add(lr * startFactor);
            else if (lastEpoch > totalIters) r.add(lr);
            else r.add(lr * (1.0 + (endFactor - startFactor) / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor))));
        }
        return r;
    }

    @Override protected List<Double> closedFormLr() {
        List<Double> r = new ArrayList<>();
        for (double base : baseLrs) {
            r.add(base * (startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters));
        }
        return r;
    }
}
