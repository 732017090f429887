package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;

/** Multiplies each group's lr by gamma at each milestone epoch (by gamma^k for a milestone listed k times). */
public class MultiStepLR extends LRScheduler {
    /** The steps at which the lrs are multiplied by gamma (a milestone listed twice counts twice). */
    public final List<Integer> milestones;
    /** The factor applied at each milestone. */
    public final double gamma;

    /** {@code MultiStepLR(optimizer, milestones)}: the lrs times 0.1 at each milestone. */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones) { this(optimizer, milestones, 0.1, -1); }

    /** {@code MultiStepLR(optimizer, milestones, gamma, last_epoch)}: the lrs times gamma at each milestone. */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.milestones = List.copyOf(milestones);
        this.gamma = gamma;
        initialStep();
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
