package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multiplies each group's lr by gamma every stepSize epochs.
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.StepLR}.
 */
public class StepLR extends LRScheduler {
    /** The period, in steps, of the decay. */
    public int stepSize;
    /** The factor applied every stepSize steps. */
    public double gamma;

    /**
     * {@code torch.optim.lr_scheduler.StepLR(optimizer, step_size)}: the lrs times 0.1 every stepSize steps.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param stepSize the period of the decay, in steps
     */
    public StepLR(Optimizer optimizer, int stepSize) { this(optimizer, stepSize, 0.1, -1); }

    /**
     * {@code torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)}: the lrs times gamma every stepSize
     * steps.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param stepSize the period of the decay, in steps
     * @param gamma the factor applied every stepSize steps
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) { this(optimizer, stepSize, gamma, -1); }

    /**
     * {@code torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma, last_epoch)}.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param stepSize the period of the decay, in steps
     * @param gamma the factor applied every stepSize steps
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override protected void putOwnState(Map<String, Object> d) {
        d.put("step_size", stepSize);
        d.put("gamma", gamma);
    }

    @Override protected void loadOwnState(Map<String, ?> d) {
        stepSize = integer(d, "step_size", stepSize);
        gamma = number(d, "gamma", gamma);
    }

    @Override protected List<Double> getLr() {
        List<Double> lrs = currentLrs();
        if (lastEpoch == 0 || lastEpoch % stepSize != 0) return lrs;
        List<Double> r = new ArrayList<>();
        for (double lr : lrs) r.add(lr * gamma);
        return r;
    }

    @Override protected List<Double> closedFormLr() {
        List<Double> r = new ArrayList<>();
        for (double base : baseLrs) r.add(base * Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize)));
        return r;
    }
}
