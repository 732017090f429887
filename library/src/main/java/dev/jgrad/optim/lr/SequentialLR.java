package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.List;

/**
 * Runs schedulers one after another: scheduler i is stepped from milestone i-1 (where it restarts at
 * epoch 0, by its closed form) until milestone i. Construction resets the lrs to the initial ones and
 * undoes the constructor-time steps of the schedulers, then performs only the first one's.
 */
public class SequentialLR extends LRScheduler {
    private final List<LRScheduler> schedulers;
    private final List<Integer> milestones;

    /**
     * {@code SequentialLR(optimizer, schedulers, milestones)}: schedulers.get(i) runs from milestones.get(i - 1) on;
     * there must be one milestone fewer than schedulers (PyTorch's error otherwise).
     */
    public SequentialLR(Optimizer optimizer, List<? extends LRScheduler> schedulers, List<Integer> milestones) {
        this(optimizer, schedulers, milestones, -1);
    }

    /** {@code SequentialLR(optimizer, schedulers, milestones, last_epoch)}. */
    public SequentialLR(Optimizer optimizer, List<? extends LRScheduler> schedulers, List<Integer> milestones, int lastEpoch) {
        super(optimizer);
        for (int i = 0; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer != optimizer) {
                throw new IllegalArgumentException("Sequential Schedulers expects all schedulers to belong to the same optimizer, but got "
                        + "schedulers at index " + i + " to be different than the optimizer passed in.");
            }
        }
        if (milestones.size() != schedulers.size() - 1) {
            throw new IllegalArgumentException("Sequential Schedulers expects number of schedulers provided to be one more than the number "
                    + "of milestone points, but got number of schedulers " + schedulers.size() + " and the number of milestones to be equal to "
                    + milestones.size());
        }
        this.schedulers = List.copyOf(schedulers);
        this.milestones = List.copyOf(milestones);
        this.lastEpoch = lastEpoch + 1;
        for (Optimizer.ParamGroup g : optimizer.paramGroups()) g.setLr(g.getDouble("initial_lr"));
        for (LRScheduler s : this.schedulers) s.lastEpoch--;
        this.schedulers.get(0).initialStep();
        setLastLr(this.schedulers.get(0).getLastLr());
    }

    /** Never called: the wrapped schedulers compute the lrs. */
    @Override protected List<Double> getLr() { return currentLrs(); }

    @Override public void step() {
        lastEpoch++;
        int idx = 0;  // bisect_right: milestones passed
        while (idx < milestones.size() && milestones.get(idx) <= lastEpoch) idx++;
        LRScheduler scheduler = schedulers.get(idx);
        if (idx > 0 && milestones.get(idx - 1) == lastEpoch) scheduler.step(0);
        else scheduler.step();
        setLastLr(scheduler.getLastLr());
    }

    /** PyTorch's SequentialLR.step takes no epoch. */
    @Override public void step(int epoch) { throw new UnsupportedOperationException("SequentialLR.step() takes no epoch"); }

    /** The schedulers, in order. */
    public List<LRScheduler> schedulers() { return schedulers; }
}
