package dev.jgrad.optim.lr;

import dev.jgrad.io.PtFiles;
import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multiplies each group's lr by gamma at each milestone epoch (by gamma^k for a milestone listed k times).
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.MultiStepLR}.
 */
public class MultiStepLR extends LRScheduler {
    /** The steps at which the lrs are multiplied by gamma (a milestone listed twice counts twice). */
    public List<Integer> milestones;
    /** The factor applied at each milestone. */
    public double gamma;

    /**
     * {@code torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones)}: the lrs times 0.1 at each milestone.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param milestones the steps at which the lrs are multiplied by 0.1 (a milestone listed twice counts twice)
     */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones) { this(optimizer, milestones, 0.1, -1); }

    /**
     * {@code torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones, gamma, last_epoch)}: the lrs times gamma
     * at each milestone.
     *
     * @param optimizer the optimizer whose parameter groups' lrs this scheduler sets
     * @param milestones the steps at which the lrs are multiplied by gamma (a milestone listed twice counts twice)
     * @param gamma the factor applied at each milestone
     * @param lastEpoch the index of the last epoch: -1 starts afresh, another value resumes from the groups'
     *     {@code initial_lr}
     * @throws IllegalArgumentException if lastEpoch is not -1 and a group has no initial_lr ("param 'initial_lr' is
     *     not specified in param_groups[0] when resuming an optimizer")
     */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.milestones = List.copyOf(milestones);
        this.gamma = gamma;
        initialStep();
    }

    /** milestones as PyTorch's Counter holds them (a {@link PtFiles.Counter}): {milestone: times listed}, in order of first appearance. */
    @Override protected void putOwnState(Map<String, Object> d) {
        PtFiles.Counter counts = new PtFiles.Counter();
        for (int m : milestones) counts.put(m, counts.containsKey(m) ? (Integer) counts.get(m) + 1 : 1);
        d.put("milestones", counts);
        d.put("gamma", gamma);
    }

    @Override protected void loadOwnState(Map<String, ?> d) {
        if (d.get("milestones") instanceof Map<?, ?> counts) {
            List<Integer> list = new ArrayList<>();
            for (var e : counts.entrySet()) {
                for (int i = 0; i < ((Number) e.getValue()).intValue(); i++) list.add(((Number) e.getKey()).intValue());
            }
            milestones = List.copyOf(list);
        }
        gamma = number(d, "gamma", gamma);
    }

    @Override protected List<Double> getLr() {
        int times = 0;
        for (int m : milestones) if (m == lastEpoch) times++;
        List<Double> r = new ArrayList<>();
        for (double lr : currentLrs()) r.add(times == 0 ? lr : lr * Math.pow(gamma, times));
        return r;
    }

    @Override protected List<Double> closedFormLr() {
        int passed = 0;  // bisect_right over the sorted milestones
        for (int m : milestones) if (m <= lastEpoch) passed++;
        List<Double> r = new ArrayList<>();
        for (double base : baseLrs) r.add(base * Math.pow(gamma, passed));
        return r;
    }
}
