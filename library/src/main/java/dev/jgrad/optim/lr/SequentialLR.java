package dev.jgrad.optim.lr;

import dev.jgrad.optim.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs schedulers one after another: scheduler i is stepped from milestone i-1 (where it restarts at
 * epoch 0, by its closed form) until milestone i. Construction resets the lrs to the initial ones and
 * undoes the constructor-time steps of the schedulers, then performs only the first one's.
 *
 * <p>PyTorch: {@code torch.optim.lr_scheduler.SequentialLR}.
 */
public class SequentialLR extends LRScheduler {
    private final List<LRScheduler> schedulers;
    private List<Integer> milestones;

    /**
     * {@code torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers, milestones)}: schedulers.get(i) runs from
     * milestones.get(i - 1) on.
     *
     * @param optimizer the optimizer every scheduler belongs to
     * @param schedulers the schedulers, in the order they run
     * @param milestones the steps at which the next scheduler takes over, one fewer than schedulers
     * @throws IllegalArgumentException if a scheduler belongs to another optimizer ("Sequential Schedulers expects
     *     all schedulers to belong to the same optimizer, but got schedulers at index 1 to be different than the
     *     optimizer passed in.") or the counts do not match ("Sequential Schedulers expects number of schedulers
     *     provided to be one more than the number of milestone points, but got number of schedulers 2 and the number
     *     of milestones to be equal to 2")
     */
    public SequentialLR(Optimizer optimizer, List<? extends LRScheduler> schedulers, List<Integer> milestones) {
        this(optimizer, schedulers, milestones, -1);
    }

    /**
     * {@code torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers, milestones, last_epoch)}.
     *
     * @param optimizer the optimizer every scheduler belongs to
     * @param schedulers the schedulers, in the order they run
     * @param milestones the steps at which the next scheduler takes over, one fewer than schedulers
     * @param lastEpoch the index of the last epoch, -1 to start afresh
     * @throws IllegalArgumentException as {@link #SequentialLR(Optimizer, List, List)} says
     */
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

    /** {@code {"_milestones", "last_epoch", "_last_lr", "_schedulers": [each scheduler's state dict]}}, as PyTorch 1.13. */
    @Override public Map<String, Object> stateDict() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("_milestones", new ArrayList<>(milestones));
        d.put("last_epoch", lastEpoch);
        d.put("_last_lr", new ArrayList<>(getLastLr()));
        d.put("_schedulers", childStates(schedulers));
        return d;
    }

    /** Restores its own fields, then each wrapped scheduler's from {@code _schedulers}. */
    @Override public void loadStateDict(Map<String, ?> stateDict) {
        if (stateDict.get("_milestones") instanceof List<?> l) {
            List<Integer> m = new ArrayList<>();
            for (Object x : l) m.add(((Number) x).intValue());
            milestones = List.copyOf(m);
        }
        lastEpoch = integer(stateDict, "last_epoch", lastEpoch);
        if (stateDict.get("_last_lr") instanceof List<?> l) setLastLr(doubles(l));
        loadChildren(schedulers, stateDict);
    }

    /** Each wrapped scheduler's state dict, in order: the {@code _schedulers} entry. */
    static List<Map<String, Object>> childStates(List<LRScheduler> schedulers) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (LRScheduler s : schedulers) children.add(s.stateDict());
        return children;
    }

    /** Each wrapped scheduler's state from {@code _schedulers}, in order. */
    @SuppressWarnings("unchecked")
    static void loadChildren(List<LRScheduler> schedulers, Map<String, ?> stateDict) {
        if (!(stateDict.get("_schedulers") instanceof List<?> children)) return;
        for (int i = 0; i < children.size() && i < schedulers.size(); i++) {
            schedulers.get(i).loadStateDict((Map<String, ?>) children.get(i));
        }
    }

    /**
     * Not available: PyTorch's SequentialLR.step takes no epoch.
     *
     * @param epoch ignored
     * @throws UnsupportedOperationException always ("SequentialLR.step() takes no epoch")
     */
    @Override public void step(int epoch) { throw new UnsupportedOperationException("SequentialLR.step() takes no epoch"); }

    /**
     * {@code scheduler._schedulers}.
     *
     * @return the schedulers, in the order they run, unmodifiable
     */
    public List<LRScheduler> schedulers() { return schedulers; }
}
