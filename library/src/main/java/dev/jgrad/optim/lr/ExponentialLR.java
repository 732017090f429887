package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multiplies each group's lr by gamma every epoch.
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.ExponentialLR}.
 */
public class ExponentialLR extends LRScheduler {
    /** The factor the lrs are multiplied by every step. */
    public double gamma;

    /**
     * {@code torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma)}: the lrs times gamma every step.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param gamma the factor the lrs are multiplied by every step
     */
    public ExponentialLR(Optimizer optimizer, double gamma) { this(optimizer, gamma, -1); }

    /**
     * {@code torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma, last_epoch)}.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param gamma the factor the lrs are multiplied by every step
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
     */
    public ExponentialLR(Optimizer optimizer, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.gamma = gamma;
        initialStep();
    }

    @Override protected void putOwnState(Map<String, Object> d) { d.put("gamma", gamma); }

    @Override protected void loadOwnState(Map<String, ?> d) { gamma = number(d, "gamma", gamma); }

    @Override protected List<Double> getLr() {
        List<Double> r = new ArrayList<>();
        for (double lr : currentLrs()) r.add(lastEpoch == 0 ? lr : lr * gamma);
        return r;
    }

    @Override protected List<Double> closedFormLr() {
        List<Double> r = new ArrayList<>();
        for (double base : baseLrs) r.add(base * Math.pow(gamma, lastEpoch));
        return r;
    }
}
